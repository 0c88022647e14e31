"""Issue 15 (9, 10, 11, 12): every page tells people the truth, in their own words.

A withdrawn broadcast says so at once (and after a reload); forms point at the field and
say what to do; a page opened with the wrong role says who may use it; compliance opens
a case's timeline by either id, from the cases page, with a coded revocation reason and
each retraction once.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any

import pytest
import sqlalchemy as sa

from services.common.store import Store
from tests.support.browser import sign_in_as
from tests.support.stack import Stack, eventually

pytestmark = pytest.mark.browser

SCHEMA_WORDS = ("/consent", "/patient", "shorter than", "pattern", "DecodeError",
                "invalid token", "validation")


async def new_page(browser: Any, viewport: dict[str, int] | None = None) -> tuple[Any, Any]:
    context = await browser.new_context(viewport=viewport or {"width": 1024, "height": 768})
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    return context, page


async def test_a_withdrawn_broadcast_says_so_at_once_and_after_a_reload(
        stack: Stack, browser: Any) -> None:
    """The open page cleared its updates but kept "Live", a ticking clock and
    "No updates yet"; after a reload it said "withdrawn" next to "Live"."""
    case = await stack.register_case()
    context, page = await new_page(browser, {"width": 390, "height": 844})
    try:
        await sign_in_as(context, stack.settings, stack.base_url, "student")
        await page.goto(f"{stack.base_url}/live/{case['broadcast_id']}")
        await page.locator('#conn[data-state="live"]').wait_for(timeout=15_000)
        status, _, _ = await stack.post_milestone(case["case_id"], note="Ports placed.")
        assert status == 202
        await page.locator("#timeline li").first.wait_for(timeout=20_000)

        status, _, _ = await stack.request(
            "POST", f"/api/v1/cases/{case['case_id']}/revoke", role="admin",
            json_body={"reason": "patient_withdrew"})
        assert status == 200

        async def withdrawn_shown() -> None:
            await page.locator('#conn[data-state="withdrawn"]').wait_for(timeout=10_000)
            assert await page.locator("#timeline li").count() == 0
            assert "This broadcast was withdrawn" in await page.inner_text("body")
            assert "Live" not in await page.inner_text("#conn")
            assert not await page.locator("#empty").is_visible()
            before = await page.inner_text("header")
            await asyncio.sleep(1.5)
            assert await page.inner_text("header") == before  # nothing ticks
            assert "No updates yet" not in await page.inner_text("body")

        await withdrawn_shown()
        await page.reload()
        await withdrawn_shown()
        assert page.errors == []
    finally:
        await context.close()


async def test_a_finished_broadcast_says_it_has_ended(stack: Stack, browser: Any) -> None:
    case = await stack.register_case()
    context, page = await new_page(browser)
    try:
        await sign_in_as(context, stack.settings, stack.base_url, "student")
        await page.goto(f"{stack.base_url}/live/{case['broadcast_id']}")
        await page.locator('#conn[data-state="live"]').wait_for(timeout=15_000)
        status, _, _ = await stack.request("POST", f"/api/v1/cases/{case['case_id']}/end",
                                           role="admin")
        assert status == 200
        await page.locator('#conn[data-state="ended"]').wait_for(timeout=10_000)
        assert "ended" in (await page.inner_text("#notice")).lower()
        assert "Live" not in await page.inner_text("#conn")
        assert "No updates yet" not in await page.inner_text("body")
        assert page.errors == []
    finally:
        await context.close()


async def test_the_consent_form_points_at_each_field_in_words(stack: Stack,
                                                               browser: Any) -> None:
    """Errors read "/consent/document_ref shorter than 1 characters"; free text naming the
    patient was accepted as the signed document reference."""
    context, page = await new_page(browser)
    try:
        await sign_in_as(page.context, stack.settings, stack.base_url, "admin", "admin-forms")
        await page.goto(f"{stack.base_url}/cases")
        await page.locator('#procedure option[value="lap_chole"]').wait_for(state="attached")
        await page.click('#register button[type="submit"]')  # everything empty
        names_error = page.locator("#names-error")
        await names_error.wait_for(state="visible")
        assert await page.get_attribute("#names", "aria-invalid") == "true"
        assert "name" in (await names_error.inner_text()).lower()
        assert await page.get_attribute("#document", "aria-invalid") == "true"
        assert "reference" in (await page.inner_text("#document-error")).lower()

        await page.fill("#names", "Maria Gonzalez")
        await page.fill("#document", "Consent form Maria Gonzalez signed 3 Dec, call 555-0142")
        await page.click('#register button[type="submit"]')
        error = page.locator("#document-error")
        # the server's answer, not the first (client-side) marking, which reads the same
        await page.wait_for_function(
            "() => document.getElementById('status').textContent.includes('need changing')")
        assert "like" in await error.inner_text()
        said = await error.inner_text()
        assert "Maria" not in said and "555" not in said
        assert await page.get_attribute("#document", "aria-invalid") == "true"
        assert await page.get_attribute("#names", "aria-invalid") != "true"
        text = await page.inner_text("body")
        for word in SCHEMA_WORDS:
            assert word not in text, word
        _, listed, _ = await stack.request("GET", "/api/v1/cases", role="admin")
        assert not [c for c in listed["cases"]
                    if "Gonzalez" in c["consent"].get("document_ref", "")]

        await page.fill("#document", "consent/2026/0042.pdf")
        await page.click('#register button[type="submit"]')
        # has_text alone is a case-blind substring: "Not registered" would match too
        await page.locator("#status", has_text=re.compile(r"^Registered: ")).wait_for(
            timeout=10_000)
        assert await page.get_attribute("#document", "aria-invalid") != "true"
        assert page.errors == []
    finally:
        await context.close()


async def test_a_bad_session_and_a_wrong_role_are_said_in_words(stack: Stack,
                                                                 browser: Any) -> None:
    """"invalid token: DecodeError", and a raw JavaScript error for the wrong role."""
    wrong = {"/cases": ("student", "admin"), "/compliance": ("coordinator", "compliance"),
             "/tablet": ("student", "coordinator"), "/live": ("", "")}
    for path, (role, expected) in wrong.items():
        if not role:
            continue
        context, page = await new_page(browser)
        try:
            await sign_in_as(page.context, stack.settings, stack.base_url, role)
            await page.goto(f"{stack.base_url}{path}")
            gate = page.locator("#role-gate")
            await gate.wait_for(state="visible", timeout=10_000)
            said = (await gate.inner_text()).lower()
            assert expected in said and role in said, (path, said)
            assert page.errors == [], (path, page.errors)
        finally:
            await context.close()

    # A forged session cookie is nobody; here (no identity provider) the page says that
    # sign-in is not set up instead of sending the person to an error.
    context, page = await new_page(browser)
    try:
        await context.add_cookies([{"name": "orcast_session", "value": "not-a-token",
                                    "url": stack.base_url + "/"}])
        await page.goto(f"{stack.base_url}/cases")
        gate = page.locator("#role-gate")
        await gate.wait_for(state="visible", timeout=10_000)
        text = await page.inner_text("body")
        assert "sign in" in text.lower() and "not set up" in text.lower()
        for word in SCHEMA_WORDS:
            assert word not in text, word
        assert page.errors == []
    finally:
        await context.close()


async def retractions_recorded(stack: Stack, case_id: str) -> int:
    store = stack.parts("audit").store
    assert isinstance(store, Store)
    async with store.engine.connect() as conn:
        return int((await conn.execute(sa.text(
            "SELECT count(*) FROM audit_records WHERE case_id = :c AND action = "
            "'update.retracted'"), {"c": case_id})).scalar() or 0)


async def test_compliance_opens_the_timeline_from_the_cases_page_by_broadcast_id(
        stack: Stack, browser: Any) -> None:
    case = await stack.register_case()
    status, _, _ = await stack.post_milestone(case["case_id"], note="Ports placed.")
    assert status == 202

    async def live() -> bool:
        _, body, _ = await stack.request(
            "GET", f"/api/v1/audit?case_id={case['case_id']}&action=update.approved",
            role="compliance")
        return bool(body["records"])

    await eventually(live, 20, 0.3, "approved")
    status, body, _ = await stack.request(
        "POST", f"/api/v1/cases/{case['case_id']}/revoke", role="admin",
        json_body={"reason": "patient_withdrew"})
    assert status == 200, body
    await eventually(lambda: retractions_recorded(stack, case["case_id"]), 20, 0.3,
                     "retraction recorded")
    await asyncio.sleep(2.0)  # both the fast and the ordered path have spoken

    status, body, _ = await stack.request(
        "GET", f"/api/v1/audit/cases/{case['broadcast_id']}/timeline", role="compliance")
    assert status == 200, body
    assert body["case_id"] == case["case_id"]
    assert len(body["case_retractions"]) == 1, body["case_retractions"]
    [update] = body["updates"]
    assert len(update["retractions"]) == 1
    revoked = [s for s in body["case"] if s["detail"].get("change") == "revoked"]
    assert revoked and revoked[0]["detail"]["revoke_reason"] == "patient_withdrew"

    context, page = await new_page(browser)
    try:
        await sign_in_as(page.context, stack.settings, stack.base_url, "compliance", "officer-kai")
        await page.goto(f"{stack.base_url}/cases")
        row = page.locator(f'#cases tr[data-case="{case["case_id"]}"]')
        await row.wait_for(timeout=10_000)
        assert "patient withdrew" in (await row.inner_text()).lower()
        await row.locator("a.timeline-link").click()
        await page.wait_for_url("**/compliance**")
        article = page.locator("#timeline-body article.update")
        await article.first.wait_for(timeout=10_000)
        assert await article.first.locator('li[data-action="update.retracted"]').count() == 1
        assert "patient withdrew" in (await page.inner_text("#timeline-body")).lower()

        # the same by typing the broadcast id into the case field
        await page.fill("#f-case", case["broadcast_id"])
        await page.click("#timeline-btn")
        await page.locator("#timeline-title", has_text=case["broadcast_id"]).wait_for()
        await article.first.wait_for(timeout=10_000)

        # a search row opens its detail
        await page.fill("#f-case", case["case_id"])
        await page.click("#search-btn")
        first = page.locator("#results tbody tr").first
        await first.wait_for(timeout=10_000)
        await first.locator("button.open-detail").click()
        detail = page.locator("#record-detail")
        await detail.wait_for(state="visible")
        said = await detail.inner_text()
        assert "Hash" in said and "Event id" in said

        # the log itself holds the revocation's retraction once (the gate's two passes
        # were two records), as the search shows
        await page.select_option("#f-action", "update.retracted")
        await page.click("#search-btn")
        await page.wait_for_function("""() => {
            const actions = Array.from(document.querySelectorAll(
                '#results tbody td[data-label="Action"]'), (td) => td.textContent);
            return document.getElementById('search-status').textContent !== 'Searching…'
                && actions.length > 0 && actions.every((a) => a === 'update.retracted');
        }""", timeout=10_000)
        assert await page.inner_text("#search-status") == "1 record(s) on this page"
        assert "retracted for students" in await page.inner_text("#results tbody")
        await page.select_option("#f-action", "")

        # a search the API refuses marks the field and says what to do
        await page.fill("#f-case", "not an id!")
        await page.click("#search-btn")
        await page.locator("#f-case-error").wait_for(state="visible")
        assert await page.get_attribute("#f-case", "aria-invalid") == "true"
        assert "letters" in await page.inner_text("#f-case-error")
        assert "pattern" not in await page.inner_text("body")
        assert page.errors == []
    finally:
        await context.close()
