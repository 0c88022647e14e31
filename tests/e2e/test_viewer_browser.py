"""The student pages in headless Chromium over the whole stack: text only, resume, retraction."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from services.viewer import app as viewer_app
from tests.conftest import make_settings
from tests.support.browser import artifacts_dir, sign_in_as
from tests.support.stack import Stack, eventually, running_stack

XSS = "<img src=x onerror=alert(1)> <script>alert(2)</script>"
PAGE = Path(viewer_app.__file__).parent / "page"


def test_page_scripts_never_parse_html() -> None:
    for script in PAGE.glob("*.js"):
        source = script.read_text(encoding="utf-8")
        assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(",
                             source), script.name


@pytest.mark.browser
async def test_student_page_shows_text_only_resumes_and_drops_retractions(
        stack: Stack, browser: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from playwright.async_api import expect

    case = await stack.register_case()
    broadcast_id, case_id = case["broadcast_id"], case["case_id"]
    hub = stack.app[viewer_app.HUB]
    context = await browser.new_context(viewport={"width": 390, "height": 844},
                                        is_mobile=True, has_touch=True)
    dialogs: list[str] = []
    errors: list[str] = []
    try:
        page = await context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), asyncio.ensure_future(d.dismiss())))
        page.on("pageerror", lambda e: errors.append(str(e)))
        await sign_in_as(context, stack.settings, stack.base_url, "student")
        # An old link with a token in its fragment: the page drops it unread.
        await page.goto(f"{stack.base_url}/live/{broadcast_id}#access_token=old-link")
        conn = page.locator("#conn")
        await expect(conn).to_have_attribute("data-state", "live")
        assert "access_token" not in page.url

        status, _, _ = await stack.post_milestone(case_id, milestone="incision", note=XSS)
        assert status == 202
        items = page.locator("#timeline li")
        await expect(items).to_have_count(1)
        await expect(items.locator(".text")).to_have_text(XSS)
        await expect(items.locator(".what")).to_have_text("Incision")
        assert await page.locator("#timeline img, #timeline script").count() == 0
        await expect(page.locator("#phases li.current")).to_have_text("Procedure")
        await expect(page.locator("#title")).to_have_text("Laparoscopic cholecystectomy")
        assert re.fullmatch(r"\+\d+:\d\d", await items.locator(".when").inner_text())
        assert await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

        # The viewer refuses connections for a while: the page says so and keeps trying;
        # the update approved meanwhile arrives exactly once when it resumes.
        async def refuse(request: web.Request, ws: web.WebSocketResponse,
                         wait: float) -> None:
            await ws.close(code=1013, message=b"try again later")

        monkeypatch.setattr(viewer_app, "authenticate", refuse)
        hub.close_all(1001, "restarting")
        await expect(conn).to_have_attribute("data-state", "reconnecting")
        await expect(conn).to_have_text("Reconnecting…")
        status, _, _ = await stack.post_milestone(case_id, milestone="closure",
                                                  note="Fascia closed.")
        assert status == 202

        async def approved() -> bool:
            timeline = hub.history.timeline(broadcast_id)
            return timeline is not None and timeline.last_seq == 2

        await eventually(approved, 20)
        await expect(conn).to_have_attribute("data-state", "reconnecting")
        monkeypatch.undo()
        await expect(conn).to_have_attribute("data-state", "live", timeout=15_000)
        await expect(items).to_have_count(2)
        assert await page.locator("#timeline .text").all_text_contents() == \
            ["Fascia closed.", XSS]

        # A reload resumes from the seq kept in sessionStorage: nothing lost, nothing twice.
        await page.reload()
        await expect(conn).to_have_attribute("data-state", "live")
        await expect(items).to_have_count(2)
        assert await page.locator("#timeline li").evaluate_all(
            "nodes => nodes.map(n => n.dataset.seq)") == ["2", "1"]

        await page.screenshot(path=str(artifacts_dir() / "viewer-case-phone.png"))

        # The index lists the case with its viewer count and links to it.
        index = await context.new_page()
        await sign_in_as(index.context, stack.settings, stack.base_url, "student")
        await index.goto(f"{stack.base_url}/live")
        entry = index.locator(f'#cases li[data-broadcast="{broadcast_id}"]')
        await expect(entry.locator(".name")).to_have_text("Laparoscopic cholecystectomy")
        await expect(entry.locator(".viewers")).to_have_text("1 viewer")
        await expect(entry.locator(".phase")).to_have_text("Phase: Closure")
        await index.screenshot(path=str(artifacts_dir() / "viewer-index-phone.png"))
        await index.close()

        # Consent revoked: everything already shown disappears from the open page.
        status, _, _ = await stack.request("POST", f"/api/v1/cases/{case_id}/revoke",
                                           role="admin")
        assert status == 200
        await expect(items).to_have_count(0, timeout=20_000)
        assert dialogs == [] and errors == []
    finally:
        await context.close()


@pytest.fixture
async def short_session_stack(kafka_bootstrap: str, tmp_path: Path) -> AsyncIterator[Stack]:
    """Session tokens that live 6 s (ORCAST_SESSION_MINUTES=0.1)."""
    async with running_stack(make_settings(kafka_bootstrap, tmp_path,
                                           session_minutes=0.1)) as running:
        yield running


@pytest.mark.browser
async def test_student_page_renews_its_session_socket_or_says_the_sign_in_ended(
        short_session_stack: Stack, browser: Any) -> None:
    """The socket lives no longer than its session token: the page renews the session
    before then and moves to a socket on the fresh cookie, resuming with after_seq (no
    update missed or repeated); when the sign-in itself has ended it says so."""
    from playwright.async_api import expect

    stack = short_session_stack
    case = await stack.register_case()
    broadcast_id, case_id = case["broadcast_id"], case["case_id"]
    renewing_ctx, ending_ctx = await browser.new_context(), await browser.new_context()
    errors: list[str] = []
    try:
        await sign_in_as(renewing_ctx, stack.settings, stack.base_url, "student", "page-student")
        # long enough to open the page on a busy machine, short enough to end in the test
        await sign_in_as(ending_ctx, stack.settings, stack.base_url, "student", "late-student",
                         ends_in=10)
        renewing, ending = await renewing_ctx.new_page(), await ending_ctx.new_page()
        sockets: list[Any] = []
        renewing.on("websocket", lambda ws: sockets.append(ws))
        for page in (renewing, ending):
            page.on("pageerror", lambda e: errors.append(str(e)))
            await page.goto(f"{stack.base_url}/live/{broadcast_id}")
            await expect(page.locator("#conn")).to_have_attribute("data-state", "live")
        status, _, _ = await stack.post_milestone(case_id, milestone="patient_in_room",
                                                  note="Before the first renewal.")
        assert status == 202

        await expect(ending.locator("#conn")).to_have_attribute("data-state", "expired",
                                                                timeout=20_000)
        await expect(ending.locator("#conn")).to_have_text("Session expired")
        assert await ending.locator("#signin-again").is_visible()

        await eventually(lambda: _true(len(sockets) >= 3), 20, 0.2,
                         "the page moved to sockets on renewed sessions")
        status, _, _ = await stack.post_milestone(case_id, milestone="incision",
                                                  note="Past the first token's exp.")
        assert status == 202
        texts = renewing.locator("#timeline li .text")
        await expect(texts).to_have_text(["Past the first token's exp.",
                                          "Before the first renewal."], timeout=20_000)
        await expect(renewing.locator("#conn")).to_have_attribute("data-state", "live")
        assert await renewing.locator("#session-ended").count() == 0
        assert errors == []
    finally:
        await renewing_ctx.close()
        await ending_ctx.close()


async def _true(value: bool) -> bool:
    return value
