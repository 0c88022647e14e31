"""The coordinator's tablet in real headless Chromium against a running stack."""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from services.common import events, topics
from tests.conftest import make_settings
from tests.ingest.support import inject, topic_events
from tests.support.browser import artifacts_dir, sign_in_as
from tests.support.stack import LiveClient, Stack, eventually, start_stack, stop_stack

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
PORTRAIT = {"width": 800, "height": 1280}
LANDSCAPE = {"width": 1280, "height": 800}


@pytest.fixture(scope="module")
async def tablet_stack(kafka_bootstrap: str,
                       tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Stack]:
    stack = await start_stack(make_settings(kafka_bootstrap, tmp_path_factory.mktemp("tablet")))
    try:
        yield stack
    finally:
        await stop_stack(stack)


async def open_tablet(browser: Any, stack: Stack, case: dict[str, Any], *,
                      viewport: dict[str, int] = PORTRAIT, query: str = "",
                      bypass_csp: bool = False, sub: str = "nurse-tablet",
                      requests: list[Any] | None = None) -> tuple[Any, Any]:
    context = await browser.new_context(viewport=viewport, has_touch=True,
                                        bypass_csp=bypass_csp)
    page = await context.new_page()
    if requests is not None:
        page.on("request", lambda request: requests.append(request))
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    await sign_in_as(context, stack.settings, stack.base_url, "coordinator", sub)
    await page.goto(f"{stack.base_url}/tablet{query}")
    option = page.locator(f'#case option[value="{case["case_id"]}"]')
    await option.wait_for(state="attached")
    label = await option.text_content()
    assert label == f"Laparoscopic cholecystectomy — {case['broadcast_id']}"
    await page.select_option("#case", case["case_id"])
    await page.locator('#milestones button[data-milestone="patient_in_room"]').wait_for()
    return context, page


async def student_watching(stack: Stack, broadcast_id: str) -> LiveClient:
    """A student WebSocket subscribed once the viewer knows the (just registered) case."""

    async def known() -> bool:
        _, body, _ = await stack.request("GET", "/api/v1/live/cases", role="student")
        return any(c.get("broadcast_id") == broadcast_id for c in body["cases"])

    await eventually(known, 15, 0.1, "viewer knows the case")
    student = await stack.live()
    await student.subscribe(broadcast_id)
    return student


def strip_item(page: Any, milestone: str) -> Any:
    return page.locator(f'#strip li[data-milestone="{milestone}"]')


async def test_tap_reaches_live_with_phrase_and_note_in_portrait_and_landscape(
        browser: Any, tablet_stack: Stack) -> None:
    stack = tablet_stack
    case = await stack.register_case()
    context, page = await open_tablet(browser, stack, case)
    try:
        first = page.locator('#milestones button[data-milestone="patient_in_room"]')
        assert await first.get_attribute("aria-current") == "step"  # the next one
        phrase = page.locator('#phrases button[data-phrase="pir.positioned"]')
        await phrase.click()
        assert await phrase.get_attribute("aria-pressed") == "true"
        await page.locator("#note").press_sequentially(" Teaching: note the safety strap.")
        note = await page.locator("#note").input_value()
        assert note.startswith("Patient positioned and safety strap applied.")
        assert await page.locator("#note-count").text_content() == f"{len(note)} of 280 characters"

        await first.tap()
        item = strip_item(page, "patient_in_room")
        await item.and_(page.locator('[data-status="live"]')).wait_for(timeout=20_000)
        assert "Live for students" in (await item.locator(".state").text_content() or "")
        assert "Done" in (await first.locator(".when").text_content() or "")
        nxt = page.locator('#milestones button[data-milestone="anesthesia_start"]')
        assert await nxt.get_attribute("aria-current") == "step"
        assert await page.locator("#note").input_value() == ""
        assert await page.locator("#queue").get_attribute("data-count") == "0"
        assert await page.locator("#connection").get_attribute("data-state") == "online"

        [sent] = [e["data"] for e in await topic_events(stack.settings,
                                                         topics.MILESTONES_SUBMITTED.name)
                  if e["data"]["case_id"] == case["case_id"]]
        assert sent["phrase_ids"] == ["pir.positioned"]
        assert sent["note"] == note
        assert sent["author"] == {"sub": "nurse-tablet", "role": "coordinator"}

        small = await page.evaluate("""() => Array.from(
            document.querySelectorAll('button, select, textarea, input, summary'))
            .filter((e) => e.offsetParent !== null)
            .map((e) => [e.id || e.dataset.milestone || e.textContent.trim().slice(0, 20),
                         e.getBoundingClientRect()])
            .filter(([, r]) => r.width < 48 || r.height < 48).map(([n]) => n)""")
        assert small == [], f"touch targets under 48 px: {small}"

        shots = artifacts_dir()
        await page.screenshot(path=str(shots / "tablet-portrait.png"), full_page=True)
        await page.set_viewport_size(LANDSCAPE)
        columns = await page.evaluate(
            "getComputedStyle(document.getElementById('workspace')).gridTemplateColumns")
        assert len(columns.split()) == 2, columns  # side by side in landscape
        await page.screenshot(path=str(shots / "tablet-landscape.png"), full_page=True)
        assert page.errors == []
    finally:
        await context.close()


async def test_offline_taps_survive_a_reload_and_arrive_once_in_order(
        browser: Any, tablet_stack: Stack) -> None:
    stack = tablet_stack
    case = await stack.register_case()
    student = await student_watching(stack, case["broadcast_id"])
    context, page = await open_tablet(browser, stack, case)
    try:
        # The page itself must reload without a network: wait for its service worker.
        await page.locator('body[data-offline-ready="true"]').wait_for()
        await page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        await context.set_offline(True)
        await page.locator('#connection[data-state="offline"]').wait_for()
        tapped = ["patient_in_room", "anesthesia_start", "time_out"]
        for milestone in tapped:
            await page.locator(f'#milestones button[data-milestone="{milestone}"]').tap()
        await page.locator('#queue[data-count="3"]').wait_for()

        await page.reload()
        await page.locator('#queue[data-count="3"]').wait_for()
        for milestone in tapped:
            assert await strip_item(page, milestone).get_attribute("data-status") == "queued"
        assert [f for f in await student.quiet(1.0) if f["type"] == "update"] == []
        await page.screenshot(path=str(artifacts_dir() / "tablet-offline-queue.png"))

        await context.set_offline(False)
        updates = await student.updates(3, timeout=30)
        assert [u["milestone"] for u in updates] == tapped
        assert [u["seq"] for u in updates] == [1, 2, 3]
        await page.locator('#queue[data-count="0"]').wait_for()
        for milestone in tapped:
            await strip_item(page, milestone).and_(
                page.locator('[data-status="live"]')).wait_for(timeout=20_000)
        assert [f for f in await student.quiet(1.5) if f["type"] == "update"] == []
        submitted = [e for e in await topic_events(stack.settings,
                                                   topics.MILESTONES_SUBMITTED.name)
                     if e["data"]["case_id"] == case["case_id"]]
        assert len(submitted) == 3
    finally:
        await student.close()
        await context.close()


async def test_undo_withdraws_a_held_update_and_cancels_a_queued_one(
        browser: Any, tablet_stack: Stack) -> None:
    stack = tablet_stack
    case = await stack.register_case(scope=["public"])  # held for a human approver
    context, page = await open_tablet(browser, stack, case, sub="nurse-undo")
    try:
        await page.locator('#milestones button[data-milestone="patient_in_room"]').tap()
        item = strip_item(page, "patient_in_room")
        await item.and_(page.locator('[data-status="held"]')).wait_for(timeout=20_000)
        undo = item.locator("button.undo")
        assert (await undo.text_content() or "").startswith("Undo (")
        await undo.click()
        # "undo requested" until the approval gate answers (it may answer at once).
        await item.locator(".state", has_text="undo requested").or_(
            item.and_(page.locator('[data-status="withdrawn"]'))).wait_for()
        event_id = await item.get_attribute("data-event-id")

        async def decided() -> list[dict[str, Any]]:
            return [e["data"] for e in await topic_events(stack.settings,
                                                          topics.WITHDRAWALS.name)
                    if e["data"]["update_id"] == event_id]

        [decision] = await eventually(decided, 10, 0.2, "withdraw decision produced")
        assert decision["decision"] == "withdraw"
        assert decision["reviewer"] == {"sub": "nurse-undo", "role": "coordinator"}
        # The approval gate's answer, per the updates.status contract.
        await inject(stack.settings, topics.UPDATES_STATUS.name, "org.orcast.update.status.v1",
                     {"update_id": event_id, "case_id": case["case_id"], "state": "withdrawn",
                      "audience": "public", "reason": "withdrawn by the author",
                      "at": events.isoformat(events.now())})
        await item.and_(page.locator('[data-status="withdrawn"]')).wait_for(timeout=15_000)
        assert await item.locator("button.undo").count() == 0
        await page.screenshot(path=str(artifacts_dir() / "tablet-withdrawn.png"))

        # Offline, an update still on the tablet is simply cancelled: nothing is ever sent.
        await context.set_offline(True)
        await page.locator('#milestones button[data-milestone="anesthesia_start"]').tap()
        queued = strip_item(page, "anesthesia_start")
        await queued.locator("button.undo", has_text="Cancel").click()
        await page.locator('#queue[data-count="0"]').wait_for()
        await context.set_offline(False)
        await page.locator('#connection[data-state="online"]').wait_for()
        sent = [e["data"]["milestone"] for e in await topic_events(
            stack.settings, topics.MILESTONES_SUBMITTED.name)
            if e["data"]["case_id"] == case["case_id"]]
        assert sent == ["patient_in_room"]
    finally:
        await context.close()


async def test_a_rejection_shows_its_label_and_the_comment_only_to_its_author(
        browser: Any, tablet_stack: Stack) -> None:
    """Issue 18: reject reasons were free text on two topics, served to any coordinator."""
    stack = tablet_stack
    case = await stack.register_case(scope=["public"],  # held for a human approver
                                     coordinators=["nurse-rejected", "nurse-other"])
    context, page = await open_tablet(browser, stack, case, sub="nurse-rejected")
    other, other_page = await open_tablet(browser, stack, case, sub="nurse-other")
    try:
        await page.locator('#milestones button[data-milestone="patient_in_room"]').tap()
        item = strip_item(page, "patient_in_room")
        await item.and_(page.locator('[data-status="held"]')).wait_for(timeout=20_000)
        event_id = await item.get_attribute("data-event-id")
        status, answer, _ = await stack.request(
            "POST", f"/api/v1/reviews/{event_id}", role="approver", sub="attending-kim",
            json_body={"decision": "reject", "reason_code": "inaccurate",
                       "comment": "Patient was already in room 4"})
        assert status in (200, 202), answer
        await item.and_(page.locator('[data-status="rejected"]')).wait_for(timeout=15_000)
        state = item.locator(".state")
        await state.filter(has_text="Patient was already in room 4").wait_for(timeout=10_000)
        assert "inaccurate" in (await state.inner_text())
        # another coordinator on the same case sees the label, never the comment
        seen = other_page.locator(f'#strip li[data-event-id="{event_id}"]'
                                  '[data-status="rejected"]')
        await seen.wait_for(timeout=15_000)
        assert "inaccurate" in (await seen.inner_text())
        assert "room 4" not in (await seen.inner_text())
        stored = await page.evaluate("JSON.stringify(localStorage)")
        assert "room 4" not in stored  # kept in memory only
    finally:
        await other.close()
        await context.close()


async def test_page_passes_axe_and_reminds_after_idle_minutes(
        browser: Any, tablet_stack: Stack) -> None:
    if not AXE.exists():
        if os.environ.get("CI"):  # CI installs it (make test): its absence is a failure
            pytest.fail("axe-core missing: `npm ci --prefix tests/e2e` did not run")
        pytest.skip("axe-core not installed: run `npm ci --prefix tests/e2e`")
    stack = tablet_stack
    case = await stack.register_case()
    # ?remind= takes minutes; 0.02 min = 1.2 s of idleness for the test.
    context, page = await open_tablet(browser, stack, case, query="?remind=0.02",
                                      bypass_csp=True)
    try:
        await page.locator("#reminder:not([hidden])").wait_for(timeout=10_000)
        assert "No update for" in (await page.locator("#reminder-text").text_content() or "")
        await page.locator("#reminder-dismiss").click()
        assert await page.locator("#reminder").is_hidden()
        # Keyboard only: tab from the case picker to a milestone and press Enter.
        await page.focus("#case")
        for _ in range(10):
            await page.keyboard.press("Tab")
            focused = await page.evaluate("document.activeElement.dataset.milestone || ''")
            if focused:
                break
        assert focused == "patient_in_room"
        await page.keyboard.press("Enter")
        await strip_item(page, "patient_in_room").wait_for()
        assert await page.evaluate("document.activeElement.dataset.milestone") == \
            "patient_in_room"  # focus kept after the list re-rendered

        await page.add_script_tag(path=str(AXE))
        for viewport in (PORTRAIT, LANDSCAPE):
            await page.set_viewport_size(viewport)
            result = await page.evaluate(
                "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
                " 'best-practice']})")
            serious = [
                {"id": v["id"], "impact": v["impact"],
                 "nodes": [n["target"] for n in v["nodes"]][:5]}
                for v in result["violations"] if v["impact"] in ("serious", "critical")
            ]
            (artifacts_dir() / f"tablet-axe-{viewport['width']}.json").write_text(
                json.dumps(result["violations"], indent=2))
            assert serious == [], serious
        assert page.errors == []
    finally:
        await context.close()


async def test_the_status_stream_rides_on_the_session_cookie_never_a_token_in_its_url(
        browser: Any, tablet_stack: Stack) -> None:
    """The tablet's EventSource once sent its long-lived token as `?access_token=`; now no
    request carries a token at all: the HttpOnly session cookie does."""
    stack = tablet_stack
    case = await stack.register_case(coordinators=["nurse-tablet"])
    requests: list[Any] = []
    context, page = await open_tablet(browser, stack, case, requests=requests)
    try:
        await page.locator('#milestones button[data-milestone="patient_in_room"]').tap()
        item = strip_item(page, "patient_in_room")
        await item.and_(page.locator('[data-status="live"]')).wait_for(timeout=20_000)
        streams = [r for r in requests if "/api/v1/milestones/stream" in r.url]
        assert streams, [r.url for r in requests]
        cookies = {c["name"]: c["value"] for c in await context.cookies(stack.base_url)}
        token = cookies["orcast_session"]
        for request in streams:
            assert "access_token" not in request.url and token not in request.url
            headers = await request.all_headers()
            assert "authorization" not in headers
            assert f"orcast_session={token}" in headers["cookie"]
        assert not [r.url for r in requests if token in r.url or "access_token" in r.url]
        assert page.errors == []
    finally:
        await context.close()
