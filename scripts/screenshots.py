"""Screenshots of every page at 1024×768 (tablet) and 390×844 (phone) into docs/screenshots/.

    python scripts/screenshots.py            # needs Playwright and /usr/bin/chromium
    python scripts/screenshots.py --out DIR  # somewhere else

Starts the whole system in this process (the embedded broker, every service, one HTTP
port, SQLite in a temporary directory), fills it with a realistic procedure — a case
for students and the public, milestones with a note from which de-identification removes
a name, one update held for an approver, a revoked case — and photographs each page as
the person who uses it sees it. Viewport-sized PNGs at device scale 1 keep them small.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import shutil
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from services.common import signing
from services.common.broker import EmbeddedBroker
from services.common.settings import Settings
from services.common.topics import SERVICES
from tests.support.browser import sign_in_as
from tests.support.stack import Stack, eventually, start_stack, stop_stack

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("ORCAST_TEST_CHROMIUM", "/usr/bin/chromium")
SIZES = {"1024": {"width": 1024, "height": 768}, "390": {"width": 390, "height": 844}}
NURSE = "nurse-ana"
NOTE = ("Patient Margaret Okonkwo-Reyes positioned supine, arms tucked, pressure points "
        "padded.")


async def populate(stack: Stack) -> dict[str, Any]:
    """A procedure in progress, an update waiting for an approver, a withdrawn case."""
    case = await stack.register_case(scope=["students", "public"], coordinators=[NURSE])
    for milestone, note in (("patient_in_room", NOTE), ("anesthesia_start", ""),
                            ("time_out", "Time-out completed; antibiotics given.")):
        status, body, _ = await stack.post_milestone(case["case_id"], milestone=milestone,
                                                     note=note, sub=NURSE)
        assert status == 202, body

    async def held() -> bool:
        _, body, _ = await stack.request("GET", "/api/v1/reviews?state=held", role="approver")
        return bool(body and body.get("reviews"))

    await eventually(held, 30, 0.3, "an update waiting for an approver")
    revoked = await stack.register_case(names=["Jonas Abernathy"])
    status, body, _ = await stack.request(
        "POST", f"/api/v1/cases/{revoked['case_id']}/revoke", role="admin",
        json_body={"reason": "patient_withdrew"})
    assert status == 200, body
    await asyncio.sleep(2.0)  # let the strip, the viewer and the audit log catch up
    return case


async def shoot(stack: Stack, case: dict[str, Any], out: Path) -> list[Path]:
    from playwright.async_api import async_playwright

    base = stack.base_url

    async def pick_case(page: Any) -> None:
        await page.locator(f'#case option[value="{case["case_id"]}"]').wait_for(
            state="attached")
        await page.select_option("#case", case["case_id"])
        await page.locator("#strip li.update .audiences").first.wait_for(timeout=15_000)

    async def timeline(page: Any) -> None:
        await page.locator("#timeline-body article.update").first.wait_for(timeout=15_000)
        await page.locator("#timeline").scroll_into_view_if_needed()

    # Each page signed in as the person who uses it (the session a sign-in would give).
    pages: dict[str, tuple[str, str, Any, tuple[str, str | None]]] = {
        "home": ("/", "main li a", None, ("admin", "admin-lee")),
        "tablet": ("/tablet", "#milestones", pick_case, ("coordinator", NURSE)),
        "approvals": ("/approvals", "main", None, ("approver", "attending-kim")),
        "live": ("/live", "#cases li", None, ("student", None)),
        "live-case": (f"/live/{case['broadcast_id']}", "#timeline li", None, ("student", None)),
        "cases": ("/cases", "#cases tbody tr", None, ("admin", "admin-lee")),
        "compliance": (f"/compliance?case={case['broadcast_id']}", "#timeline-body", timeline,
                       ("compliance", "officer-kai")),
    }
    written: list[Path] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        try:
            for size, viewport in SIZES.items():
                for name, (path, ready, prepare, who) in pages.items():
                    context = await browser.new_context(
                        viewport=viewport, device_scale_factor=1,
                        is_mobile=size == "390", has_touch=True)
                    try:
                        await sign_in_as(context, stack.settings, base, *who)
                        page = await context.new_page()
                        await page.goto(base + path)
                        if prepare is not None:
                            await prepare(page)
                        await page.locator(ready).first.wait_for(timeout=15_000)
                        await page.wait_for_timeout(500)
                        target = out / f"{name}-{size}.png"
                        await page.screenshot(path=str(target))
                        written.append(target)
                    finally:
                        await context.close()
        finally:
            await browser.close()
    return written


async def main(out: Path) -> None:
    work = Path(tempfile.mkdtemp(prefix="orcast-shots-"))
    broker = EmbeddedBroker(die_with_parent=True)  # a killed bench takes its broker
    broker.start()
    stack = None
    try:
        keys = work / "keys"
        signing.generate(keys, SERVICES)
        settings = Settings(  # type: ignore[call-arg]
            kafka_bootstrap=broker.bootstrap, topic_namespace=f"s{uuid.uuid4().hex[:8]}",
            data_dir=work / "var", secret="screenshots-only-secret-0123456789abcdef",
            instance_id="screenshots", kafka_session_timeout_ms=2000, event_keys_dir=keys)
        stack = await start_stack(settings)
        case = await populate(stack)
        for path in await shoot(stack, case, out):
            shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
            sys.stdout.write(f"{shown}: {path.stat().st_size // 1024} KB\n")
    finally:
        if stack is not None:
            await stop_stack(stack)
        broker.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    logging.basicConfig(level=logging.WARNING)
    target = parser.parse_args().out.resolve()
    target.mkdir(parents=True, exist_ok=True)
    asyncio.run(main(target))
