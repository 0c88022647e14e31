"""`orcast dev` restarted mid-procedure, seen by each person in real Chromium (issue 15,
item 1): after a restart the cases page and the tablet still showed the case, but a tap
failed ("Not sent: no case …"), the student's timeline was gone and approvals showed
raw ids. The pages stay open through the restart, as they would on the ward."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from playwright.async_api import TimeoutError as PlaywrightTimeout

from tests.support.browser import sign_in_as

from . import support
from .support import Client, DevProcess
from .test_restart import register, until

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.timeout(300)]

TABLET = {"width": 1024, "height": 768}
BEFORE = (("patient_in_room", "Patient positioned supine."),
          ("incision", "Periumbilical incision."))
AFTER = ("closure", "Fascia closed.")


@pytest.fixture
def dev(tmp_path: Path) -> Iterator[DevProcess]:
    running = DevProcess(data_dir=tmp_path / "var")
    try:
        yield running
    finally:
        running.cleanup()


async def open_page(browser: Any, dev: DevProcess, path: str, role: str,
                    viewport: dict[str, int] = TABLET) -> tuple[Any, Any]:
    context = await browser.new_context(viewport=viewport, has_touch=True)
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    await sign_in_as(context, dev.session_settings(), dev.base, role, f"dev-{role}")
    await page.goto(f"{dev.base}{path}")
    return context, page


async def tap_until_live(page: Any, dev: DevProcess, milestone: str, note: str) -> None:
    await page.fill("#note", note)
    await page.locator(f'#milestones button[data-milestone="{milestone}"]').tap()
    item = page.locator(f'#strip li[data-milestone="{milestone}"]')
    try:
        await item.and_(page.locator('[data-status="live"]')).wait_for(timeout=60_000)
    except PlaywrightTimeout:
        raise AssertionError(await stopped_at(page, dev, milestone)) from None
    assert "Not sent" not in await item.inner_text()


async def stopped_at(page: Any, dev: DevProcess, milestone: str) -> str:
    """Where a tap that did not go live stopped: what the tablet shows, what ingest's
    status row says, and each hop's topic against its reader's commits."""
    item = page.locator(f'#strip li[data-milestone="{milestone}"]')
    shown = await item.get_attribute("data-status") if await item.count() else None
    event_id = await item.get_attribute("data-event-id") if await item.count() else None
    status: Any = None
    async with aiohttp.ClientSession() as session:
        if event_id:
            code, body = await Client(session, dev.base, dev.tokens()).call(
                "GET", f"/api/v1/milestones/{event_id}", "coordinator")
            status = (body or {}).get("status") if code == 200 else code
        async with session.get(dev.base + "/readyz") as response:
            ready = response.status
    hops = await support.hops((dev.data_dir / "dev-broker").read_text().strip())
    return (f"{milestone} not live in 60 s: the tablet shows {shown!r}, ingest says "
            f"{status!r}, /readyz {ready}; {hops}")


async def timeline_of(page: Any) -> list[tuple[str, str]]:
    rows = page.locator("#timeline li")
    return [(await rows.nth(i).get_attribute("data-seq") or "",
             await rows.nth(i).locator(".text").inner_text())
            for i in range(await rows.count())]


async def audit_has_updates(api: Client, broadcast_id: str, count: int) -> bool:
    status, body = await api.call("GET", f"/api/v1/audit/cases/{broadcast_id}/timeline",
                                  "compliance")
    return status == 200 and sum(
        1 for u in body["updates"]
        if any(d["action"] == "update.approved" for d in u["decisions"])) >= count


async def test_every_page_shows_the_case_as_it_was_left_after_a_restart(
        dev: DevProcess, browser: Any) -> None:
    await dev.start()
    async with aiohttp.ClientSession() as session:
        case = await register(Client(session, dev.base, dev.tokens()))
    case_id, broadcast = case["case_id"], case["broadcast_id"]

    tablet_context, tablet = await open_page(browser, dev, "/tablet", "coordinator")
    student_context, student = await open_page(browser, dev, f"/live/{broadcast}", "student",
                                               viewport={"width": 390, "height": 844})
    try:
        await tablet.locator(f'#case option[value="{case_id}"]').wait_for(state="attached")
        await tablet.select_option("#case", case_id)
        for milestone, note in BEFORE:
            await tap_until_live(tablet, dev, milestone, note)
        await student.locator('#timeline li[data-seq="2"]').wait_for(timeout=30_000)
        before = await timeline_of(student)
        assert [seq for seq, _ in before] == ["2", "1"]  # newest first

        assert await dev.interrupt() == 0
        await student.locator('#conn:not([data-state="live"])').wait_for(timeout=30_000)
        await dev.start()

        # the tablet, open all along, still has the case and its next tap goes out
        assert await tablet.locator("#case").input_value() == case_id
        await tap_until_live(tablet, dev, *AFTER)
        assert tablet.errors == []

        # the student's page reconnects and keeps the earlier timeline, plus the new one
        await student.locator('#timeline li[data-seq="3"]').wait_for(timeout=60_000)
        after = await timeline_of(student)
        assert after[1:] == before and after[0][0] == "3", after
        assert AFTER[1] in after[0][1]
        assert await student.locator("#conn").get_attribute("data-state") == "live"
        assert student.errors == []
    finally:
        await tablet_context.close()
        await student_context.close()

    # the cases page, opened afresh, shows the case active
    context, page = await open_page(browser, dev, "/cases", "admin")
    try:
        row = page.locator(f'#cases tr[data-case="{case_id}"]')
        await row.wait_for(timeout=15_000)
        assert await row.locator(".status").inner_text() == "active"
        assert "active" in await row.locator(".consent").inner_text()
        assert page.errors == []
    finally:
        await context.close()

    # approvals: what waits for the public audience, in words (milestones, procedure)
    context, page = await open_page(browser, dev, "/approvals", "approver")
    try:
        section = page.locator(f'#queue section.case[data-case="{case_id}"]')
        items = section.locator('.item[data-state="held"]')
        await items.nth(2).wait_for(timeout=30_000)
        assert await section.locator("h2").inner_text() == \
            f"Laparoscopic cholecystectomy · {broadcast}"
        labels = await section.locator(".milestone").all_inner_texts()
        assert sorted(labels) == ["Closure", "Incision", "Patient in room"], labels
        said = await section.inner_text()
        assert case_id not in said and "patient_in_room" not in said
        assert page.errors == []
    finally:
        await context.close()

    # compliance: the case's audit timeline, before and after the restart
    async with aiohttp.ClientSession() as session:
        api = Client(session, dev.base, dev.tokens())
        await until(lambda: audit_has_updates(api, broadcast, 3), 60, "audit caught up")
    context, page = await open_page(browser, dev, "/compliance", "compliance")
    try:
        await page.fill("#f-case", broadcast)
        await page.click("#timeline-btn")
        await page.locator("#timeline-title", has_text=broadcast).wait_for(timeout=15_000)
        articles = page.locator("#timeline-body article.update")
        await articles.nth(2).wait_for(timeout=15_000)
        assert await articles.count() == 3
        for i in range(3):
            actions = await articles.nth(i).locator("li[data-action]").evaluate_all(
                "(items) => items.map((li) => li.dataset.action)")
            assert {"milestone.submitted", "update.approved"} <= set(actions), actions
        await page.click("#verify-btn")
        await page.locator("#verify-result.ok, #verify-result.bad").wait_for(timeout=30_000)
        assert (await page.inner_text("#verify-result")).startswith("Intact: ")
        assert page.errors == []
    finally:
        await context.close()
    assert await dev.interrupt() == 0
