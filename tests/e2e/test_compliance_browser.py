"""A compliance officer finds a case's timeline from /compliance and checks integrity."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import sqlalchemy as sa

from services.common.store import Store
from tests.support.browser import artifacts_dir, sign_in_as
from tests.support.stack import Stack, eventually

NOTE = ("Incision made at the umbilicus for Margaret Okonkwo-Reyes (MRN 44718293); "
        "pneumoperitoneum established without difficulty and ports placed under vision.")


async def approved_recorded(stack: Stack, case_id: str) -> bool:
    store = stack.parts("audit").store
    assert isinstance(store, Store)
    async with store.engine.connect() as conn:
        found = (await conn.execute(sa.text(
            "SELECT count(*) FROM audit_records WHERE case_id = :c AND action = "
            "'update.approved'"), {"c": case_id})).scalar()
    return bool(found)


async def approved_case(stack: Stack) -> dict[str, Any]:
    """A case with one milestone (the NOTE), its approval already in the audit log."""
    case = await stack.register_case()
    status, _, _ = await stack.post_milestone(case["case_id"], note=NOTE)
    assert status == 202
    await eventually(lambda: approved_recorded(stack, case["case_id"]), 20,
                     message="approval recorded")
    return case


@pytest.mark.browser
async def test_compliance_officer_finds_a_case_timeline(stack: Stack, browser: Any) -> None:
    case = await approved_case(stack)

    context = await browser.new_context()
    problems: list[str] = []
    try:
        page = await context.new_page()
        page.on("console", lambda m: problems.append(m.text)
                if m.type == "error" and "404" not in m.text else None)  # 404: favicon
        page.on("response", lambda r: problems.append(f"{r.status} {r.url}")
                if r.status >= 400 and not r.url.endswith("/favicon.ico") else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        await sign_in_as(page.context, stack.settings, stack.base_url, "compliance", "officer-ana")
        await page.goto(f"{stack.base_url}/compliance")
        await page.fill("#f-broadcast", case["broadcast_id"])
        await page.click("#search-btn")
        first_case = page.locator("#results tbody button.case-link").first
        await first_case.wait_for(timeout=10_000)
        assert await first_case.text_content() == case["case_id"]

        await first_case.click()
        timeline = page.locator("#timeline-body article.update")
        await timeline.first.wait_for(timeout=10_000)
        story = await timeline.first.inner_text()
        assert "Submitted" in story and "incision" in story
        assert "De-identified: redacted — removed" in story and "MRN×1" in story
        assert "Approved for students as #1" in story
        assert "Okonkwo" not in await page.content()
        await page.screenshot(path=artifacts_dir() / "compliance.png", full_page=True)

        await page.click("#verify-btn")
        result = page.locator("#verify-result.ok")
        await result.wait_for(timeout=10_000)
        assert (await result.text_content() or "").startswith("Intact:")
        assert problems == []
    finally:
        await context.close()

    store = stack.parts("audit").store
    assert isinstance(store, Store)
    async with store.engine.connect() as conn:
        reads = (await conn.execute(sa.text(
            "SELECT action FROM audit_records WHERE actor_sub = 'officer-ana'"))).scalars().all()
    assert {"audit.read", "audit.verify"} <= set(reads)


@pytest.mark.browser
async def test_a_search_row_opens_its_record_by_tap_click_or_keyboard(
        stack: Stack, browser: Any) -> None:
    """A result row opened its detail only through the small seq button: tapping or
    clicking the row did nothing, and the row could not be reached from the keyboard."""
    case = await stack.register_case()
    store = stack.parts("audit").store
    assert isinstance(store, Store)

    async def recorded() -> bool:
        async with store.engine.connect() as conn:
            return bool((await conn.execute(sa.text(
                "SELECT count(*) FROM audit_records WHERE broadcast_id = :b"),
                {"b": case["broadcast_id"]})).scalar())

    await eventually(recorded, 20, message="the case's registration audited")
    context = await browser.new_context(viewport={"width": 390, "height": 844},
                                        has_touch=True, is_mobile=True)
    problems: list[str] = []
    try:
        page = await context.new_page()
        page.on("pageerror", lambda e: problems.append(str(e)))
        await sign_in_as(page.context, stack.settings, stack.base_url, "compliance")
        await page.goto(f"{stack.base_url}/compliance")
        await page.fill("#f-broadcast", case["broadcast_id"])
        await page.click("#search-btn")
        row = page.locator("#results tbody tr").first
        await row.wait_for(timeout=10_000)
        seq = await row.get_attribute("data-seq")
        detail = page.locator("#record-detail")
        title = page.locator("#record-detail-title")

        await row.locator("td.summary").tap()  # a tap anywhere on the row
        await detail.wait_for(state="visible", timeout=3_000)
        assert await title.inner_text() == f"Record {seq}"
        await detail.get_by_role("button", name="Close").tap()
        await detail.wait_for(state="hidden")

        await row.locator('td[data-label="Action"]').click()  # a mouse click
        await detail.wait_for(state="visible", timeout=3_000)
        await detail.get_by_role("button", name="Close").click()
        await detail.wait_for(state="hidden")

        # the keyboard reaches the row itself (just before its seq button) and Enter opens it
        await row.locator("button.open-detail").focus()
        await page.keyboard.press("Shift+Tab")
        assert await page.evaluate("document.activeElement.dataset.seq") == seq
        await page.keyboard.press("Enter")
        await detail.wait_for(state="visible", timeout=3_000)
        assert await title.inner_text() == f"Record {seq}"
        await detail.get_by_role("button", name="Close").press("Enter")
        await detail.wait_for(state="hidden")
        assert await page.evaluate("document.activeElement.dataset.seq") == seq  # back
        assert problems == []
    finally:
        await context.close()


@pytest.mark.browser
async def test_what_the_officer_does_while_the_session_is_checked_is_not_lost(
        stack: Stack, browser: Any) -> None:
    """The page attached its buttons only once the session check came back: a click on
    "Case timeline" before that did nothing at all, and Enter in a search field sent the
    form as a plain GET (the page reloaded with the filters in its address). On a slow
    ward network that is the first second of every visit."""
    case = await approved_case(stack)

    context = await browser.new_context()
    problems: list[str] = []
    checks: list[str] = []
    release = asyncio.Event()

    async def slow_session(route: Any) -> None:
        checks.append(route.request.url)
        await release.wait()
        await route.continue_()

    try:
        page = await context.new_page()
        page.on("pageerror", lambda e: problems.append(str(e)))
        await sign_in_as(page.context, stack.settings, stack.base_url, "compliance")
        await page.route("**/signin/session", slow_session)
        await page.goto(f"{stack.base_url}/compliance")
        for _ in range(100):  # the page asks who is signed in, and waits
            if checks:
                break
            await asyncio.sleep(0.05)
        assert checks, "the page asks who is signed in"
        await page.fill("#f-case", case["case_id"])
        await page.click("#timeline-btn")
        await page.fill("#f-broadcast", case["broadcast_id"])
        await page.press("#f-broadcast", "Enter")
        await asyncio.sleep(0.3)
        assert page.url == f"{stack.base_url}/compliance"  # not sent as a plain form
        release.set()
        title = page.locator("#timeline-title", has_text=case["case_id"])
        await title.wait_for(timeout=10_000)
        await page.locator("#timeline-body article.update").first.wait_for(timeout=10_000)
        await page.locator("#results tbody tr").first.wait_for(timeout=10_000)
        assert page.url == f"{stack.base_url}/compliance"
        assert problems == []
    finally:
        release.set()
        await context.close()
