"""Issue 15 (7, 8): the coordinator sees what happened to their words, per audience, and
is never allowed to send a milestone twice by accident or to post to a withdrawn case."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest

from services.common import events, topics
from tests.approval.support import decide
from tests.conftest import make_settings
from tests.e2e.test_tablet_browser import open_tablet, strip_item
from tests.ingest.support import inject, topic_events
from tests.support.stack import Stack, eventually, start_stack, stop_stack

pytestmark = pytest.mark.browser

LANDSCAPE = {"width": 1024, "height": 768}
NOTE = ("Teaching point: the patient, Margaret Okonkwo-Reyes, was positioned supine with arms "
        "tucked and all pressure points padded; please call 555-867-5309 with questions.")


@pytest.fixture(scope="module")
async def outcomes_stack(kafka_bootstrap: str,
                         tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Stack]:
    stack = await start_stack(make_settings(kafka_bootstrap,
                                            tmp_path_factory.mktemp("outcomes")))
    try:
        yield stack
    finally:
        await stop_stack(stack)


async def submitted(stack: Stack, case_id: str) -> list[str]:
    return [e["data"]["milestone"] for e in await topic_events(
        stack.settings, topics.MILESTONES_SUBMITTED.name) if e["data"]["case_id"] == case_id]


async def test_strip_shows_each_audience_and_what_was_removed(
        browser: Any, outcomes_stack: Stack) -> None:
    """The strip said only "Live for students" while the public copy was held, and never
    that a name and a phone number were removed before students saw the note."""
    stack = outcomes_stack
    case = await stack.register_case(scope=["students", "public"])
    context, page = await open_tablet(browser, stack, case, viewport=LANDSCAPE,
                                      sub="nurse-outcomes")
    try:
        await page.fill("#note", NOTE)
        await page.locator('#milestones button[data-milestone="patient_in_room"]').tap()
        item = strip_item(page, "patient_in_room")
        students = item.locator('.audiences [data-audience="students"]')
        public = item.locator('.audiences [data-audience="public"]')
        await students.and_(page.locator('[data-outcome="live"]')).wait_for(timeout=20_000)
        await public.and_(page.locator('[data-outcome="held"]')).wait_for(timeout=20_000)
        assert "Students" in await students.inner_text()
        assert "Live" in await students.inner_text()
        assert "Public" in await public.inner_text()
        assert "waiting for an approver" in (await public.inner_text()).lower()

        removed = item.locator(".removed")
        await removed.wait_for()
        said = await removed.inner_text()
        assert "1 name" in said and "1 phone number" in said, said
        assert "Okonkwo" not in await page.content() and "867" not in await page.content()

        event_id = await item.get_attribute("data-event-id")
        await inject(stack.settings, topics.UPDATES_STATUS.name,
                     "org.orcast.update.status.v1",
                     {"update_id": event_id, "case_id": case["case_id"], "state": "rejected",
                      "audience": "public", "reason": "not educational",
                      "at": events.isoformat(events.now())})
        await public.and_(page.locator('[data-outcome="rejected"]')).wait_for(timeout=15_000)
        assert "Rejected" in await public.inner_text()
        assert await students.get_attribute("data-outcome") == "live"

        # Step labels stay whole words at 1024 px (they broke as "De-identifi|ed").
        broken = await page.evaluate("""() => Array.from(
            document.querySelectorAll('#strip .steps li')).filter((li) => {
              const range = document.createRange();
              range.selectNodeContents(li);
              const lines = new Set(Array.from(range.getClientRects()).map((r) => r.top));
              return lines.size > 1 || li.scrollWidth > li.clientWidth;
            }).map((li) => li.textContent)""")
        assert broken == [], broken
        assert page.errors == []
    finally:
        await context.close()


async def test_expired_and_review_outcomes_are_said_in_words(
        browser: Any, outcomes_stack: Stack) -> None:
    stack = outcomes_stack
    case = await stack.register_case(scope=["public"])
    context, page = await open_tablet(browser, stack, case, sub="nurse-expired")
    try:
        await page.locator('#milestones button[data-milestone="patient_in_room"]').tap()
        item = strip_item(page, "patient_in_room")
        public = item.locator('.audiences [data-audience="public"]')
        await public.and_(page.locator('[data-outcome="held"]')).wait_for(timeout=20_000)
        event_id = await item.get_attribute("data-event-id")
        # An approver's edit comes back from de-identification unsure: a person must look.
        now = events.isoformat(events.now())
        await inject(stack.settings, topics.MILESTONES_DEIDENTIFIED.name,
                     "org.orcast.milestone.deidentified.v1",
                     {"update_id": event_id, "case_id": case["case_id"],
                      "milestone": "patient_in_room", "text": "Patient in room.",
                      "verdict": "review", "counts": {}, "redactions": [], "reasons": [],
                      "phrase_ids": [], "phrase_only": False, "occurred_at": now,
                      "received_at": now, "author": {"sub": "nurse-expired",
                                                     "role": "coordinator"},
                      "revision": 1, "edit_id": str(uuid.uuid4())}, service="deidentify")
        await inject(stack.settings, topics.UPDATES_STATUS.name,
                     "org.orcast.update.status.v1",
                     {"update_id": event_id, "case_id": case["case_id"], "state": "held",
                      "audience": "public", "at": events.isoformat(events.now())})
        await public.and_(page.locator('[data-rewritten="true"]')).wait_for(timeout=15_000)
        said = (await public.inner_text()).lower()
        assert "rewritten by an approver" in said and "person to check" in said, said
        await inject(stack.settings, topics.UPDATES_STATUS.name,
                     "org.orcast.update.status.v1",
                     {"update_id": event_id, "case_id": case["case_id"], "state": "expired",
                      "audience": "public", "reason": "not decided in time",
                      "at": events.isoformat(events.now())})
        await public.and_(page.locator('[data-outcome="expired"]')).wait_for(timeout=15_000)
        assert "not approved in time" in (await public.inner_text()).lower()
        assert page.errors == []
    finally:
        await context.close()


async def test_a_milestone_already_sent_asks_before_sending_again(
        browser: Any, outcomes_stack: Stack) -> None:
    """Students saw "Patient in room" twice: a second tap sent it again without asking."""
    stack = outcomes_stack
    case = await stack.register_case()
    context, page = await open_tablet(browser, stack, case, sub="nurse-twice")
    try:
        button = page.locator('#milestones button[data-milestone="patient_in_room"]')
        await button.tap()
        item = strip_item(page, "patient_in_room")
        await item.and_(page.locator('[data-status="live"]')).wait_for(timeout=20_000)
        await page.wait_for_timeout(1600)  # past the gloved double-tap guard

        dialog = page.locator("#confirm")
        await button.tap()
        await dialog.wait_for(state="visible")
        assert "already sent" in (await dialog.inner_text())
        await page.locator("#confirm-cancel").tap()
        await dialog.wait_for(state="hidden")
        # A tap right after answering is a new question, not a swallowed "double tap".
        await button.tap()
        await dialog.wait_for(state="visible")
        await page.locator("#confirm-cancel").tap()
        await dialog.wait_for(state="hidden")
        await page.wait_for_timeout(1000)
        assert await submitted(stack, case["case_id"]) == ["patient_in_room"]
        assert await page.locator('#strip li[data-milestone="patient_in_room"]').count() == 1

        await button.tap()
        await dialog.wait_for(state="visible")
        await page.locator("#confirm-send").tap()
        await dialog.wait_for(state="hidden")

        async def twice() -> bool:
            return await submitted(stack, case["case_id"]) == ["patient_in_room"] * 2

        await eventually(twice, 15, 0.3, "sent again after confirming")
        assert page.errors == []
    finally:
        await context.close()


async def test_a_quick_second_tap_on_a_sent_milestone_asks_instead_of_doing_nothing(
        browser: Any, outcomes_stack: Stack) -> None:
    """A second tap within 1.5 s of the first was swallowed by the gloved double-tap guard:
    no question, no message, nothing. It asks now, and its "Send again" waits out the
    double-tap window so the same bouncing glove cannot answer it."""
    stack = outcomes_stack
    case = await stack.register_case()
    context, page = await open_tablet(browser, stack, case, sub="nurse-quick")
    try:
        # two taps 0 ms apart (Playwright's own taps could drift past 1.5 s on a busy host)
        shown, disabled = await page.evaluate("""() => {
            const button = () => document.querySelector(
                '#milestones button[data-milestone="patient_in_room"]');
            button().click();
            button().click();
            return [!document.getElementById('confirm').hidden,
                    document.getElementById('confirm-send').disabled];
        }""")
        assert shown, "the second tap did nothing: no question, no message"
        assert disabled, "Send again answers at once: a bouncing glove could confirm it"
        dialog = page.locator("#confirm")
        await dialog.wait_for(state="visible", timeout=3_000)
        assert "already sent just now" in await dialog.inner_text()
        await page.wait_for_function(
            "() => !document.getElementById('confirm-send').disabled", timeout=3_000)
        await page.locator("#confirm-cancel").tap()
        await dialog.wait_for(state="hidden")
        await strip_item(page, "patient_in_room").and_(
            page.locator('[data-status="live"]')).wait_for(timeout=20_000)
        assert await submitted(stack, case["case_id"]) == ["patient_in_room"]
        assert page.errors == []
    finally:
        await context.close()


async def test_a_revoked_case_shows_as_withdrawn_with_its_buttons_disabled(
        browser: Any, outcomes_stack: Stack) -> None:
    """After revocation the tablet kept the case selected and only failed on a tap."""
    stack = outcomes_stack
    case = await stack.register_case()
    context, page = await open_tablet(browser, stack, case, sub="nurse-revoked")
    try:
        await page.locator('#milestones button[data-milestone="patient_in_room"]').tap()
        await strip_item(page, "patient_in_room").and_(
            page.locator('[data-status="live"]')).wait_for(timeout=20_000)
        status, body, _ = await stack.request(
            "POST", f"/api/v1/cases/{case['case_id']}/revoke", role="admin",
            json_body={"reason": "patient_withdrew"})
        assert status == 200, body
        banner = page.locator("#case-state")
        await banner.and_(page.locator('[data-state="withdrawn"]')).wait_for(timeout=15_000)
        assert "withdrawn" in (await banner.inner_text()).lower()
        assert await page.locator("#case").input_value() == case["case_id"]  # still shown
        buttons = page.locator("#milestones button")
        assert await buttons.count() > 0
        for i in range(await buttons.count()):
            assert await buttons.nth(i).is_disabled()
        await buttons.nth(1).click(force=True)
        await page.wait_for_timeout(500)
        assert await submitted(stack, case["case_id"]) == ["patient_in_room"]
        # what students saw was taken down, and the strip says why in words, not codes
        item = strip_item(page, "patient_in_room")
        await item.locator('[data-audience="students"][data-outcome="retracted"]').wait_for(
            timeout=15_000)
        said = await item.inner_text()
        assert "Students: Taken down: consent was withdrawn" in said, said
        assert "consent_revoked" not in said, said
        assert page.errors == []
    finally:
        await context.close()


async def test_a_public_approval_with_no_channel_says_it_is_posted_nowhere(
        browser: Any, outcomes_stack: Stack) -> None:
    """With no channel configured for the public (as in `orcast dev`), an approved public
    copy read "Approved, being posted" on the strip for ever: nothing will post it."""
    stack = outcomes_stack
    case = await stack.register_case(scope=["students", "public"])
    context, page = await open_tablet(browser, stack, case, viewport=LANDSCAPE,
                                      sub="nurse-nowhere")
    try:
        await page.locator('#milestones button[data-milestone="patient_in_room"]').tap()
        item = strip_item(page, "patient_in_room")
        public = item.locator('.audiences [data-audience="public"]')
        await public.and_(page.locator('[data-outcome="held"]')).wait_for(timeout=20_000)
        event_id = await item.get_attribute("data-event-id")
        status, answer = await decide(stack, event_id, "attending-1", decision="approve")
        assert status == 200, answer
        await public.and_(page.locator('[data-outcome="nowhere"]')).wait_for(timeout=15_000)
        said = await public.inner_text()
        assert "no channel is configured for the public audience" in said, said
        assert "being posted" not in said, said
        students = item.locator('.audiences [data-audience="students"]')
        assert await students.get_attribute("data-outcome") == "live"
        assert page.errors == []
    finally:
        await context.close()


@pytest.mark.parametrize("change", ["revoke", "end"])
async def test_a_withdrawn_or_ended_case_highlights_no_next_step(
        browser: Any, outcomes_stack: Stack, change: str) -> None:
    """A withdrawn or ended case still highlighted the next milestone as "Next" (yellow,
    aria-current) although every button was disabled."""
    stack = outcomes_stack
    case = await stack.register_case()
    context, page = await open_tablet(browser, stack, case, sub=f"nurse-closed-{change}")
    try:
        milestones = page.locator("#milestones")
        await milestones.locator("button.next").wait_for()  # open: the next step is shown
        assert "Next" in await milestones.inner_text()
        body = {"reason": "patient_withdrew"} if change == "revoke" else None
        status, answer, _ = await stack.request(
            "POST", f"/api/v1/cases/{case['case_id']}/{change}", role="admin",
            json_body=body)
        assert status == 200, answer
        state = "withdrawn" if change == "revoke" else "ended"
        await page.locator(f'#case-state[data-state="{state}"]').wait_for(timeout=15_000)
        assert await milestones.locator("button.next").count() == 0
        assert await milestones.locator('[aria-current="step"]').count() == 0
        assert "Next" not in await milestones.inner_text()
        buttons = milestones.locator("button")
        for i in range(await buttons.count()):
            assert await buttons.nth(i).is_disabled()
        assert page.errors == []
    finally:
        await context.close()
