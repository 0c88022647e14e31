"""The admin throws the kill switch on /cases and a student's live page empties."""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.approval.support import watch
from tests.support.browser import artifacts_dir, sign_in_as
from tests.support.stack import Stack

pytestmark = pytest.mark.browser


async def test_admin_revokes_consent_and_the_students_page_empties(stack: Stack,
                                                                   browser: Any) -> None:
    student = await browser.new_context()
    admin = await browser.new_context()
    live = None
    problems: list[str] = []
    try:
        # Register through the page's consent form.
        page = await admin.new_page()
        page.on("pageerror", lambda e: problems.append(str(e)))
        await sign_in_as(page.context, stack.settings, stack.base_url, "admin", "admin-lee")
        await page.goto(f"{stack.base_url}/cases")
        await page.locator('#procedure option[value="lap_chole"]').wait_for(state="attached")
        await page.select_option("#procedure", "lap_chole")
        await page.fill("#names", "Margaret Okonkwo-Reyes")
        await page.fill("#mrn", "44718293")
        await page.fill("#document", "consent/2026/0042.pdf")
        await page.fill("#coordinators", "test-coordinator\n coord-second \n")
        await page.click('#register button[type="submit"]')
        row = page.locator("#cases tbody tr").first
        await row.wait_for(timeout=10_000)
        case = {"case_id": await row.get_attribute("data-case"),
                "broadcast_id": await row.get_attribute("data-broadcast")}
        assert "broadcast id " + case["broadcast_id"] in await page.inner_text("#status")
        await row.locator("button", has_text="FHIR").click()
        await page.locator("#fhir-panel:not([hidden])").wait_for(timeout=5_000)
        assert '"resourceType": "Consent"' in await page.inner_text("#fhir")

        # The coordinators assigned on the form are the only ones who may post.
        _, state, _ = await stack.request("GET", f"/api/v1/cases/{case['case_id']}",
                                          role="admin")
        assert state["coordinators"] == ["coord-second", "test-coordinator"]
        status, refused, _ = await stack.post_milestone(str(case["case_id"]), sub="coord-other")
        assert (status, refused["error"]["code"]) == (403, "not_case_coordinator")

        live = await watch(stack, str(case["broadcast_id"]))
        for note in ("Ports placed.", "Critical view of safety achieved."):
            status, _, _ = await stack.post_milestone(str(case["case_id"]), note=note)
            assert status == 202
        await live.updates(2)

        viewer = await student.new_page()
        viewer.on("pageerror", lambda e: problems.append(str(e)))
        await sign_in_as(viewer.context, stack.settings, stack.base_url, "student")
        await viewer.goto(f"{stack.base_url}/live/{case['broadcast_id']}")
        shown = viewer.locator("#timeline li")
        await shown.nth(1).wait_for(timeout=10_000)

        row = page.locator(f'#cases tr[data-case="{case["case_id"]}"]')
        assert "active" in await row.locator(".consent").inner_text()
        await row.locator('button[data-action="revoke"]').click()  # arms the switch
        confirm = row.locator('button[data-action="confirm-revoke"]')
        await confirm.wait_for(timeout=5_000)
        await row.locator('select[data-action="revoke-reason"]').select_option(
            "patient_withdrew")  # issue 15: a revocation records why
        started = time.perf_counter()
        await confirm.click()

        retract = await live.next_frame("retract", timeout=10)
        socket_latency = time.perf_counter() - started
        assert retract.get("all") is True
        await viewer.wait_for_function(
            "() => document.querySelectorAll('#timeline li').length === 0", timeout=10_000)
        page_latency = time.perf_counter() - started
        print(f"\nclick → retract frame {socket_latency * 1000:.0f} ms; "
              f"→ student page empty {page_latency * 1000:.0f} ms")
        assert page_latency < 5.0
        await page.locator(f'#cases tr[data-case="{case["case_id"]}"] .consent-revoked'
                           ).wait_for(timeout=10_000)
        await page.screenshot(path=artifacts_dir() / "cases-revoked.png", full_page=True)
        await viewer.screenshot(path=artifacts_dir() / "live-after-revoke.png")
        assert problems == []
    finally:
        await student.close()
        await admin.close()
        if live is not None:
            await live.close()


async def _case_status(stack: Stack, case_id: str) -> str:
    status, body, _ = await stack.request("GET", f"/api/v1/cases/{case_id}", role="admin")
    assert status == 200, body
    return str(body["status"])


async def test_ending_a_broadcast_asks_first(stack: Stack, browser: Any) -> None:
    """"End" ended a broadcast in one tap, with no question: a slip of a finger stopped
    the students' live page for good. It asks in the page now, touch-sized, then ends."""
    case = await stack.register_case()
    context = await browser.new_context(viewport={"width": 390, "height": 844},
                                        has_touch=True, is_mobile=True)
    problems: list[str] = []
    try:
        page = await context.new_page()
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("dialog", lambda d: problems.append(f"window.{d.type}: {d.message}"))
        await sign_in_as(page.context, stack.settings, stack.base_url, "admin", "admin-end")
        await page.goto(f"{stack.base_url}/cases")
        row = page.locator(f'#cases tr[data-case="{case["case_id"]}"]')
        end = row.get_by_role("button", name="End", exact=True)
        await end.wait_for(timeout=10_000)

        dialog = page.locator("#end-confirm")
        await end.tap()
        await dialog.wait_for(state="visible", timeout=3_000)
        said = await dialog.inner_text()
        assert case["broadcast_id"] in said and "cannot be started again" in said, said
        assert await page.evaluate("document.activeElement.id") == "end-cancel"
        for button in ("#end-cancel", "#end-send"):  # a finger can hit them
            box = await page.locator(button).bounding_box()
            assert box is not None and box["height"] >= 44, (button, box)
        await page.locator("#end-cancel").tap()
        await dialog.wait_for(state="hidden")
        assert await _case_status(stack, case["case_id"]) == "active"
        assert await page.evaluate(  # back where it was
            "document.activeElement.closest('tr').dataset.case + ' ' + "
            "document.activeElement.textContent") == case["case_id"] + " End"

        await end.tap()
        await dialog.wait_for(state="visible")
        await page.keyboard.press("Escape")
        await dialog.wait_for(state="hidden")
        assert await _case_status(stack, case["case_id"]) == "active"

        await end.tap()
        await dialog.wait_for(state="visible")
        await page.locator("#end-send").tap()
        await dialog.wait_for(state="hidden")
        await row.locator(".status", has_text="ended").wait_for(timeout=10_000)
        assert await _case_status(stack, case["case_id"]) == "ended"
        assert case["broadcast_id"] in await page.inner_text("#status")
        assert problems == []
    finally:
        await context.close()


async def test_a_poll_leaves_the_admins_focus_on_a_cases_button(stack: Stack,
                                                                browser: Any) -> None:
    """Tab to a case's button: the page's polls must not move focus off it. Each poll
    drew the table anew every 3 s, so a keyboard user lost the button before pressing it."""
    case = await stack.register_case(scope=["students"])
    admin = await browser.new_context()
    problems: list[str] = []
    try:
        page = await admin.new_page()
        page.on("pageerror", lambda e: problems.append(str(e)))
        await sign_in_as(page.context, stack.settings, stack.base_url, "admin", "admin-lee")
        polls: list[str] = []
        page.on("response", lambda r: polls.append(r.url)
                if r.url.endswith("/api/v1/cases") else None)
        await page.goto(f"{stack.base_url}/cases")
        row = page.locator(f'#cases tr[data-case="{case["case_id"]}"]')
        await row.wait_for(timeout=10_000)
        fhir = row.locator("button", has_text="FHIR")
        await fhir.focus()
        seen = len(polls)
        deadline = time.monotonic() + 10
        while len(polls) < seen + 2 and time.monotonic() < deadline:
            await page.wait_for_timeout(100)
        assert len(polls) >= seen + 2, polls
        await page.wait_for_timeout(200)  # the last poll's answer drawn, if it draws
        assert await fhir.evaluate("b => b === document.activeElement")
        await page.keyboard.press("Enter")  # the focused button still works
        await page.locator("#fhir-panel:not([hidden])").wait_for(timeout=5_000)
        assert problems == []
    finally:
        await admin.close()
