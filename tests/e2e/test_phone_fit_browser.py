"""Issue 15 (14): every page fits a 360 px phone without scrolling sideways.

Seen at 390 px: the tablet was 607 px wide (case picker and milestones cut off), cases
807 px, compliance 520 px. Each page is loaded with real content (a case, a sent update,
a held update, search results and an open timeline) before it is measured.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.browser import sign_in_as
from tests.support.stack import Stack, eventually

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
WIDE = """() => {
  const width = document.documentElement.clientWidth;
  const over = Array.from(document.querySelectorAll('body *')).filter((e) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.right > width + 1 && getComputedStyle(e).position !== 'fixed';
  }).slice(0, 5).map((e) => e.tagName + '#' + e.id + '.' + e.className);
  return {scroll: document.documentElement.scrollWidth, width: width, over: over};
}"""


async def measure(browser: Any, stack: Stack, url: str, ready: str, before: Any,
                  who: tuple[str, str | None]) -> dict[str, Any]:
    context = await browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        await sign_in_as(context, stack.settings, stack.base_url, *who)
        page = await context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        await page.goto(url)
        if before is not None:
            await before(page)
        await page.locator(ready).first.wait_for(timeout=15_000)
        await page.wait_for_timeout(300)
        found: dict[str, Any] = await page.evaluate(WIDE)
        found["errors"] = errors
        return found
    finally:
        await context.close()


async def test_every_page_fits_360_px(stack: Stack, browser: Any) -> None:
    live = await stack.register_case(scope=["students"], names=["Bartholomew Featherstonehaugh"])
    held = await stack.register_case(scope=["public"])
    status, _, _ = await stack.post_milestone(live["case_id"], milestone="patient_in_room",
                                              note="Ports placed under direct vision.",
                                              sub="nurse-phone")
    assert status == 202
    status, _, _ = await stack.post_milestone(held["case_id"], milestone="incision",
                                              note="Incision at the umbilicus.")
    assert status == 202

    async def queued() -> bool:
        _, body, _ = await stack.request("GET", "/api/v1/reviews?state=held", role="approver")
        return bool(body and body.get("reviews"))

    await eventually(queued, 20, 0.3, "a held update in the approvals queue")

    async def pick_case(page: Any) -> None:
        await page.locator(f'#case option[value="{live["case_id"]}"]').wait_for(
            state="attached")
        await page.select_option("#case", live["case_id"])

    async def open_timeline(page: Any) -> None:
        await page.fill("#f-case", live["case_id"])
        await page.click("#search-btn")
        await page.locator("#results tbody tr").first.wait_for(timeout=10_000)
        await page.click("#timeline-btn")

    base = stack.base_url
    # Each page as its role sees it, the shell (person, role, links, sign-out) included.
    pages: dict[str, tuple[str, str, Any, tuple[str, str | None]]] = {
        "home": (f"{base}/", "main li a", None, ("compliance", None)),
        "tablet": (f"{base}/tablet", "#strip li.update", pick_case,
                   ("coordinator", "nurse-phone")),
        "approvals": (f"{base}/approvals", "main", None, ("approver", None)),
        "live list": (f"{base}/live", "#cases li", None, ("student", None)),
        "live case": (f"{base}/live/{live['broadcast_id']}", "#timeline li", None,
                      ("student", None)),
        "cases": (f"{base}/cases", "#cases tbody tr", None, ("admin", None)),
        "compliance": (f"{base}/compliance", "#timeline-body article", open_timeline,
                       ("compliance", None)),
    }
    too_wide = {}
    for name, (url, ready, before, who) in pages.items():
        found = await measure(browser, stack, url, ready, before, who)
        assert found["errors"] == [], (name, found["errors"])
        if found["scroll"] > PHONE["width"] or found["over"]:
            too_wide[name] = found
    assert too_wide == {}, too_wide


ONE_LINE = """() => Array.from(document.querySelectorAll('#strip .steps li')).map((li) => {
  const range = document.createRange();
  range.selectNodeContents(li);
  const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
  return [li.textContent, lines.size];
})"""


async def test_the_strip_step_labels_never_break_mid_word(stack: Stack, browser: Any) -> None:
    """At 1024 px the strip's five steps shared a row in equal columns and "De-identified"
    broke mid-word ("De-identifi / ed")."""
    case = await stack.register_case(scope=["students"])
    for viewport in ({"width": 1024, "height": 768}, PHONE):
        context = await browser.new_context(viewport=viewport, has_touch=True)
        try:
            await sign_in_as(context, stack.settings, stack.base_url, "coordinator",
                             "nurse-steps")
            page = await context.new_page()
            await page.goto(f"{stack.base_url}/tablet")
            await page.locator(f'#case option[value="{case["case_id"]}"]').wait_for(
                state="attached")
            await page.select_option("#case", case["case_id"])
            if viewport is not PHONE:
                await page.locator('#milestones button[data-milestone="incision"]').tap()
            await page.locator('#strip li.update[data-status="live"]').wait_for(
                timeout=20_000)
            labels = await page.evaluate(ONE_LINE)
            assert [name for name, _ in labels] == [
                "Queued", "Received", "De-identified", "Approved", "Live"], labels
            assert [name for name, lines in labels if lines != 1] == [], (viewport, labels)
        finally:
            await context.close()
