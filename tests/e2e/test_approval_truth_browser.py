"""The approval path tells the truth (issue 15 items 2–6, issue 13 item 4), in Chromium.

- what de-identification was not sure of is highlighted, with reasons in words, never
  the engine's rule names;
- Send and Cancel buttons under the edit and reject boxes work by touch, and the status
  line says what happened in one sentence;
- an edit's re-de-identified text comes back to a person before it goes out, for every
  audience, and the audit path attributes the edit to the approver who wrote it;
- a milestone posted without a note can be approved, the page shows where it goes
  (the post exactly as each channel will receive it, its length against the channel's
  limit), or says that no channel is configured for the audience.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import expect

from services.common.settings import Settings
from tests.approval.support import policy_settings, review_of, watch
from tests.fakes.social import channel_config, env_for, running_fakes
from tests.publisher.harness import write_channels
from tests.support.browser import artifacts_dir, sign_in_as
from tests.support.guessing import make_unsure
from tests.support.stack import Stack, eventually, running_stack, start_stack, stop_stack

pytestmark = pytest.mark.browser

PATIENT = "Margaret Okonkwo-Reyes"
RULE_NAMES = re.compile(r"\b(guess_\w+|case_name|cue_\w+|lexicon_\w+|name_pair)\b")


def watch_page(page: Any, problems: list[str]) -> None:
    page.on("console", lambda m: problems.append(m.text)
            if m.type == "error" and "404" not in m.text and "422" not in m.text else None)
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}")
            if r.status >= 500 else None)
    page.on("pageerror", lambda e: problems.append(str(e)))


async def open_approvals(stack: Stack, browser: Any, sub: str, **context: Any) \
        -> tuple[Any, Any, list[str]]:
    ctx = await browser.new_context(**context)
    page = await ctx.new_page()
    problems: list[str] = []
    watch_page(page, problems)
    await sign_in_as(page.context, stack.settings, stack.base_url, "approver", sub)
    await page.goto(f"{stack.base_url}/approvals")
    return ctx, page, problems


async def test_uncertain_spans_are_highlighted_with_reasons_in_words(stack: Stack,
                                                                     browser: Any) -> None:
    make_unsure(stack.app, "Quillfeather")
    case = await stack.register_case(names=[PATIENT], scope=["students"])
    _, body, _ = await stack.post_milestone(
        case["case_id"], note="Ports placed; Quillfeather assisting, Okonkwo-Reyes stable.",
        sub="coord-ana")
    update_id = body["event_id"]
    held = await review_of(stack, update_id, "students", "held")  # students too: review
    assert held["verdict"] == "review"

    ctx, page, problems = await open_approvals(stack, browser, "attending-kim")
    try:
        item = page.locator(f'#queue .item[data-key="{update_id}/students"]')
        await item.wait_for(timeout=10_000)
        await page.wait_for_load_state("load")
        unsure = item.locator("mark.redaction.uncertain")
        assert await unsure.count() == 1
        assert (await unsure.inner_text()).startswith("[NAME]")
        reason = await unsure.locator(".reason").inner_text()
        assert reason.startswith("not sure: ")
        # retried: the queue is drawn again when the preview or a poll arrives, and a
        # node read while it is being replaced has no computed style
        await expect(unsure).to_have_css("outline-style", "dashed")
        sure = item.locator('mark.redaction[data-confident="true"] .reason')
        assert await sure.inner_text() == "the patient's registered name"
        doubt = await item.locator(".doubt").inner_text()
        assert "not sure about one part" in doubt
        assert "waiting for a person to check" in (await item.locator(".note").inner_text()).lower()
        shown = await page.locator("#queue").inner_text()
        assert not RULE_NAMES.search(shown), shown  # words, not the engine's rule names
        assert "Okonkwo" not in await page.content()
        await page.screenshot(path=artifacts_dir() / "approvals-uncertain.png", full_page=True)
        assert problems == []
    finally:
        await ctx.close()


async def test_edit_and_reject_boxes_have_send_and_cancel_for_touch(stack: Stack,
                                                                   browser: Any) -> None:
    case = await stack.register_case(names=[PATIENT], scope=["public"])
    ids = []
    for note in ("Closing in layers.", "Clips on the cystic duct."):
        _, body, _ = await stack.post_milestone(case["case_id"], note=note, sub="coord-ana")
        ids.append(body["event_id"])
        await review_of(stack, body["event_id"], "public", "held")
    rejected_id, edited_id = ids

    ctx, page, problems = await open_approvals(
        stack, browser, "attending-kim", has_touch=True, is_mobile=True,
        viewport={"width": 390, "height": 844})
    try:
        status = page.locator("#status")
        item = page.locator(f'#queue .item[data-key="{rejected_id}/public"]')
        await item.wait_for(timeout=10_000)

        # Cancel by touch: the box closes and nothing is sent.
        await item.locator("button.edit").tap()
        cancel = item.locator(".compose button.cancel")
        await cancel.wait_for(timeout=5_000)
        width = await page.evaluate("() => document.documentElement.scrollWidth")
        wide = await page.evaluate(
            "() => Array.from(document.querySelectorAll('body *')).filter(e => "
            "e.getBoundingClientRect().right > 390).map(e => e.tagName + '.' + e.className)"
            ".slice(0, 8)")
        assert width <= 390, f"the page is {width} px wide on a 390 px phone: {wide}"
        box = await cancel.bounding_box()
        assert box is not None and box["height"] >= 44 and box["width"] >= 44
        await cancel.tap()
        await item.locator(".compose").wait_for(state="detached", timeout=5_000)
        assert await status.inner_text() == "Edit cancelled: nothing was sent."

        # Reject by touch: reason, comment, Send.
        await item.locator("button.reject").tap()
        await item.locator(".compose select").select_option("not_educational")
        await item.locator(".compose input").fill("Too routine for the students")
        send = item.locator(".compose button.send")
        assert await send.inner_text() == "Send rejection"
        await send.tap()
        await review_of(stack, rejected_id, "public", "rejected")
        await page.wait_for_function(
            "() => document.querySelector('#status').textContent.startsWith('Rejected')")
        assert await status.inner_text() == (
            "Rejected for public: the author sees the reason “not of educational value”.")

        # Edit by touch: the box's Send button.
        item = page.locator(f'#queue .item[data-key="{edited_id}/public"]')
        await item.locator("button.edit").tap()
        await item.locator(".compose textarea").fill("Clips placed on the cystic duct.")
        await item.locator(".compose button.send").tap()
        await page.wait_for_function(
            "() => document.querySelector('#status').textContent.startsWith('Edit sent')")
        assert await status.inner_text() == "Edit sent: being de-identified again."
        assert problems == []
    finally:
        await ctx.close()


async def test_a_refused_reject_comment_is_marked_at_the_field_on_a_phone(
        stack: Stack, browser: Any) -> None:
    """A comment naming someone was refused only in the status line at the top of the
    page, scrolled away on a phone, with the comment box unmarked (issue 15 item 10)."""
    case = await stack.register_case(names=[PATIENT], scope=["public"])
    _, body, _ = await stack.post_milestone(case["case_id"], note="Closing in layers.",
                                            sub="coord-ana")
    update_id = body["event_id"]
    await review_of(stack, update_id, "public", "held")

    ctx, page, problems = await open_approvals(
        stack, browser, "attending-kim", has_touch=True, is_mobile=True,
        viewport={"width": 360, "height": 780})
    try:
        item = page.locator(f'#queue .item[data-key="{update_id}/public"]')
        await item.locator("button.reject").tap()
        await item.locator(".compose select").select_option("other")
        await item.locator(".compose input").fill(f"Ask {PATIENT} about it, 555-867-5309")
        await item.locator(".compose button.send").tap()
        comment = item.locator('.compose input[aria-invalid="true"]')
        await comment.wait_for(timeout=10_000)
        assert await comment.input_value() == f"Ask {PATIENT} about it, 555-867-5309"
        error = page.locator("#" + (await comment.get_attribute("aria-describedby") or "none"))
        said = await error.inner_text()
        assert "say it without" in said and "/comment" not in said, said
        assert await comment.evaluate("(e) => e === document.activeElement")
        assert await error.is_visible()
        assert await page.evaluate("() => document.documentElement.scrollWidth") <= 360
        assert await item.locator(".compose select").get_attribute("aria-invalid") is None
        assert (await review_of(stack, update_id, "public", "held"))["state"] == "held"
        assert PATIENT not in said
        assert [p for p in problems if "422" not in p] == []
    finally:
        await ctx.close()


@pytest.fixture
def one_approver_for_students(kafka_bootstrap: str, tmp_path: Path) -> Settings:
    """Students: automatic when clean or redacted, and no four eyes (one approver may
    edit and approve): the policy under which an edit used to go out unseen."""
    return policy_settings(kafka_bootstrap, tmp_path, {
        "students": {"auto_when": ["clean", "redacted"], "tiers": 1, "four_eyes": False},
        "public": {"auto_when": [], "tiers": 1, "four_eyes": True}})


@pytest.fixture
async def policy_stack(one_approver_for_students: Settings) -> AsyncIterator[Stack]:
    async with running_stack(one_approver_for_students) as running:
        yield running


async def test_an_edit_comes_back_to_a_person_and_is_attributed_to_its_editor(
        policy_stack: Stack, browser: Any) -> None:
    stack = policy_stack
    make_unsure(stack.app, "Quillfeather")
    case = await stack.register_case(names=[PATIENT], scope=["students"])
    student = await watch(stack, case["broadcast_id"])
    _, body, _ = await stack.post_milestone(
        case["case_id"], note="Quillfeather assisting; ports placed.", sub="coord-ana")
    update_id = body["event_id"]
    await review_of(stack, update_id, "students", "held")

    ctx, page, problems = await open_approvals(stack, browser, "attending-kim")
    try:
        item = page.locator(f'#queue .item[data-key="{update_id}/students"]')
        await item.wait_for(timeout=10_000)
        await item.locator("button.edit").click()
        await item.locator(".compose textarea").fill(
            f"Ports placed; {PATIENT} stable under anaesthesia.")
        await page.keyboard.press("Enter")  # (the Send button: the touch test)

        # The gate's version of the edit comes back to the approver, held: nothing went out.
        async def edited_back() -> dict[str, Any] | None:
            row = await review_of(stack, update_id, "students", "held")
            return row if row["revision"] == 1 and not row["awaiting_edit"] else None

        back = await eventually(edited_back, 20, message="the edit back, held")
        assert back["text"] == "Ports placed; [NAME] stable under anaesthesia."
        assert [f for f in await student.quiet(1.0) if f["type"] == "update"] == []
        await page.wait_for_function(
            "() => /then approve it/.test(document.querySelector('#queue .note')"
            "?.textContent || '')", timeout=10_000)
        note = await item.locator(".note").inner_text()
        assert "waiting for a person to check" in note.lower() and "then approve it" in note
        assert "edited by attending-kim (revision 1)" in await item.locator(".meta").inner_text()
        assert "Okonkwo" not in await page.content()

        # The editor, having seen the final text, approves it: now it goes out.
        await item.locator("button.approve").click()
        approved = await review_of(stack, update_id, "students", "approved")
        assert approved["decided_by"]["sub"] == "attending-kim"
        [frame] = await student.updates(1)
        assert frame["text"] == back["text"]
        assert problems == []
    finally:
        await ctx.close()
        await student.close()

    # The audit path: note (coordinator) → redaction → edit (the approver) → redaction of
    # the edit → approval (the approver) → out.
    timeline: dict[str, Any] = {}

    async def path() -> list[tuple[str, str, Any]] | None:
        status, got, _ = await stack.request(
            "GET", f"/api/v1/audit/cases/{case['case_id']}/timeline", role="compliance")
        if status != 200:
            return None
        [update] = [u for u in got["updates"] if u["update_id"] == update_id]
        steps = [(s["action"], s["by"]["sub"], s["detail"].get("revision"))
                 for s in sorted(update["steps"], key=lambda s: s["seq"])]
        timeline.update(update)
        # the decision and the update it released travel on two topics (reviews,
        # updates.approved) and reach the log in either order: wait for both (the edit
        # is a decision too, logged earlier: the approving one is what is waited for)
        approving = any(s["action"] == "review.decided" and s["outcome"] == "approve"
                        for s in update["steps"])
        done = approving and "update.approved" in {a for a, _, _ in steps}
        return steps if done else None

    steps = await eventually(path, 20, message="the approval and its decision in the audit log")
    words = [(p["stage"], p["by"]["sub"], p.get("revision")) for p in timeline["path"]]
    assert words == words_expected(), words
    assert timeline["path"][-1]["chars"] == len(back["text"])
    assert ("milestone.submitted", "coord-ana", None) in steps
    assert ("edit.submitted", "attending-kim", 1) in steps
    assert ("milestone.deidentified", "service:deidentify", 1) in steps
    assert ("update.approved", "attending-kim", None) in steps
    assert not any(a == "edit.submitted" and who != "attending-kim" for a, who, _ in steps)

    # The compliance officer reads the same story on /compliance, each word attributed.
    ctx = await browser.new_context(viewport={"width": 1024, "height": 768})
    try:
        page = await ctx.new_page()
        problems = []
        watch_page(page, problems)
        await sign_in_as(page.context, stack.settings, stack.base_url, "compliance", "officer-kai")
        await page.goto(f"{stack.base_url}/compliance")
        await page.fill("#f-case", case["broadcast_id"])
        await page.click("#timeline-btn")
        words = page.locator(f'#timeline-body article[data-update="{update_id}"] '
                             "details.words li")
        await words.nth(5).wait_for(timeout=10_000)
        shown = await words.evaluate_all(
            "(items) => items.map((li) => [li.dataset.stage, li.dataset.by])")
        assert shown == [[stage, by] for stage, by, _ in words_expected()], shown
        said = await words.all_inner_texts()
        assert said[2].startswith("Edited (revision 1) — by attending-kim (approver)"), said
        assert said[3].startswith("The edit de-identified: redacted, removed NAME×1"), said
        assert said[5].startswith(
            f"Went out for students as #1: the text of revision 1, {len(back['text'])} "
            "characters — by attending-kim"), said
        assert PATIENT not in await page.inner_text("body")
        assert problems == []
    finally:
        await ctx.close()


async def test_students_told_with_the_note_when_the_public_copy_is_edited_later(
        stack: Stack, browser: Any) -> None:
    """Students got the note at once; an approver then edited the public copy. The
    compliance page said the students' copy went out with "the text of revision 1", the
    edit made a minute later: the words' path keeps what happened in its order."""
    case = await stack.register_case(names=[PATIENT], scope=["students", "public"])
    _, body, _ = await stack.post_milestone(case["case_id"], note="Ports placed.",
                                            sub="coord-ana")
    update_id = body["event_id"]
    await review_of(stack, update_id, "students", "approved")
    await review_of(stack, update_id, "public", "held")

    ctx, page, problems = await open_approvals(stack, browser, "attending-kim",
                                               has_touch=True)
    try:
        item = page.locator(f'#queue .item[data-key="{update_id}/public"]')
        await item.locator("button.edit").tap()
        await item.locator(".compose textarea").fill("Three ports placed.")
        await item.locator(".compose button", has_text="Send").tap()

        async def edited_back() -> dict[str, Any] | None:
            row = await review_of(stack, update_id, "public", "held")
            return row if row["revision"] == 1 and not row["awaiting_edit"] else None

        await eventually(edited_back, 20, message="the edit back, held")
        assert problems == []
    finally:
        await ctx.close()

    ctx = await browser.new_context(viewport={"width": 1024, "height": 768})
    try:
        page = await ctx.new_page()
        watch_page(page, problems)
        await sign_in_as(page.context, stack.settings, stack.base_url, "compliance", "officer-kai")
        words = page.locator(f'#timeline-body article[data-update="{update_id}"] '
                             "details.words li")

        async def told() -> list[str] | None:
            await page.goto(f"{stack.base_url}/compliance?case={case['broadcast_id']}")
            await words.first.wait_for(timeout=10_000)
            said = await words.all_inner_texts()
            return said if any(s.startswith("The edit de-identified") for s in said) else None

        said = await eventually(told, 30, 0.5, "the edit's redaction in the words' path")
        stages = [s.split(" — by ")[0] for s in said]
        assert stages[2].startswith("Went out for students as #1: the text of the note, 13 "
                                    "characters"), said
        assert stages[3:5] == ["Edited (revision 1)",
                               "The edit de-identified: clean, nothing removed (revision 1)"], said
        assert problems == []
    finally:
        await ctx.close()


def words_expected() -> list[tuple[str, str, int | None]]:
    return [("note", "coord-ana", 0), ("redaction", "service:deidentify", 0),
            ("edit", "attending-kim", 1), ("redaction", "service:deidentify", 1),
            ("approval", "attending-kim", None), ("final text", "attending-kim", 1)]


async def test_a_milestone_without_a_note_can_be_approved_and_says_it_goes_nowhere(
        stack: Stack, browser: Any) -> None:
    case = await stack.register_case(names=[PATIENT], scope=["students", "public"])
    _, body, _ = await stack.post_milestone(case["case_id"], note="", milestone="closure",
                                            sub="coord-ana")
    update_id = body["event_id"]
    await review_of(stack, update_id, "public", "held")

    ctx, page, problems = await open_approvals(stack, browser, "comms-lee")
    try:
        item = page.locator(f'#queue .item[data-key="{update_id}/public"]')
        await item.wait_for(timeout=10_000)
        assert await item.locator(".text").inner_text() == (
            "(no note: the milestone alone is posted)")
        goes = item.locator(".destinations .goes")
        await page.wait_for_function(
            "() => !document.querySelector('.destinations .goes').textContent"
            ".startsWith('Working')")
        assert await goes.inner_text() == (
            "No channel is configured for the public audience: approving it records the "
            "decision but posts it nowhere.")
        approve = item.locator("button.approve")
        assert await approve.is_enabled()
        await approve.click()
        approved = await review_of(stack, update_id, "public", "approved")
        assert approved["text"] == "" and approved["seq"] == 1
        await page.wait_for_function(
            "() => document.querySelector('#status').textContent.startsWith('Approved')")
        assert await page.locator("#status").inner_text() == (
            "Approved for public as #1, but no channel is configured for the public "
            "audience: it is posted nowhere.")
        assert problems == []
    finally:
        await ctx.close()


async def test_a_held_students_copy_goes_to_the_live_page_without_a_contradiction(
        stack: Stack, browser: Any) -> None:
    """A students' copy waiting for a person read "If approved, it goes to the students'
    live page. No channel is configured for the students audience.": students never
    have social channels, the live page is where it goes."""
    make_unsure(stack.app, "Quillfeather")
    case = await stack.register_case(names=[PATIENT], scope=["students"])
    _, body, _ = await stack.post_milestone(case["case_id"], note="Quillfeather assisting.",
                                            sub="coord-ana")
    update_id = body["event_id"]
    await review_of(stack, update_id, "students", "held")

    ctx, page, problems = await open_approvals(stack, browser, "attending-kim")
    try:
        goes = page.locator(f'#queue .item[data-key="{update_id}/students"] .destinations .goes')
        await goes.wait_for(timeout=10_000)  # the queue may render after the page opens
        await page.wait_for_function(
            "(sel) => !document.querySelector(sel).textContent.startsWith('Working')",
            arg=f'#queue .item[data-key="{update_id}/students"] .destinations .goes',
            timeout=10_000)
        assert await goes.inner_text() == "If approved, it goes to the students' live page."
        assert problems == []
    finally:
        await ctx.close()


@pytest.fixture
async def public_channel_stack(settings: Settings, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Any]:
    async with running_fakes() as fakes:
        chosen = [channel_config("mastodon", fakes.mastodon.url, audience="public")]
        for name, value in env_for(fakes.mastodon.fake).items():
            monkeypatch.setenv(name, value)
        path = write_channels(tmp_path / "channels.yaml", chosen)
        running = await start_stack(dataclasses.replace(settings, channels_file=path))
        try:
            yield running, fakes
        finally:
            await stop_stack(running)


async def test_the_approver_sees_the_post_exactly_as_the_channel_receives_it(
        public_channel_stack: Any, browser: Any) -> None:
    stack, fakes = public_channel_stack
    case = await stack.register_case(names=[PATIENT], scope=["public"])
    _, body, _ = await stack.post_milestone(case["case_id"], note="", milestone="closure",
                                            sub="coord-ana")
    update_id = body["event_id"]
    await review_of(stack, update_id, "public", "held")

    ctx, page, problems = await open_approvals(stack, browser, "comms-lee")
    try:
        item = page.locator(f'#queue .item[data-key="{update_id}/public"]')
        post = item.locator('.destinations figure.post[data-channel="mastodon-test"]')
        await post.wait_for(timeout=10_000)
        assert await item.locator(".destinations .goes").inner_text() == (
            "If approved, it goes to mastodon-test (mastodon).")
        preview = await post.locator("pre").inner_text()
        caption = await post.locator("figcaption").inner_text()
        assert re.fullmatch(r"mastodon-test · \d+ of 500 characters", caption), caption
        await item.locator("button.approve").click()
        await page.wait_for_function(
            "() => document.querySelector('#status').textContent.startsWith('Approved')")
        assert await page.locator("#status").inner_text() == (
            "Approved for public as #1: going to mastodon-test.")

        async def posted() -> Any:
            return fakes.mastodon.fake.live_posts()

        [sent] = await eventually(posted, 30, message="the post on Mastodon")
        assert sent.text == preview  # exactly what the approver saw
        assert caption.startswith(f"mastodon-test · {len(sent.text)} of")
        assert problems == []
    finally:
        await ctx.close()


async def test_a_poll_leaves_the_approvers_focus_and_selection_where_they_were(
        stack: Stack, browser: Any) -> None:
    """Tab to a button, or select a word to copy: the next polls must not undo either.
    The page polled every 1.5 s and drew the queue anew each time, sending focus back to the
    item and dropping the selection, so a keyboard user never reached Reject by Tab."""
    case = await stack.register_case(names=[PATIENT], scope=["public"])
    _, body, _ = await stack.post_milestone(case["case_id"], note="Closing in layers.",
                                            sub="coord-ana")
    update_id = body["event_id"]
    await review_of(stack, update_id, "public", "held")

    ctx, page, problems = await open_approvals(stack, browser, "attending-kim")
    try:
        item = page.locator(f'#queue .item[data-key="{update_id}/public"]')
        await item.locator(".destinations .goes").filter(
            has_not_text="Working out").wait_for(timeout=10_000)
        reject = item.locator("button.reject")
        await reject.focus()
        await page.evaluate("() => { const r = document.createRange();"
                            " r.selectNodeContents(document.querySelector('#queue .item .text'));"
                            " getSelection().removeAllRanges(); getSelection().addRange(r); }")
        polls = []
        page.on("response", lambda r: polls.append(r.url) if "/api/v1/reviews?" in r.url else None)

        async def polled_twice() -> bool:
            return len(polls) >= 2
        await eventually(polled_twice, timeout=10)
        await page.wait_for_timeout(200)  # the second poll's answer drawn, if it draws
        assert await reject.evaluate("b => b === document.activeElement")
        assert "Closing in layers" in await page.evaluate("() => String(getSelection())")
        await page.keyboard.press("Enter")  # the focused button still works
        await item.locator(".compose select").wait_for(timeout=5_000)
        assert problems == []
    finally:
        await ctx.close()
