"""An approver works the /approvals queue from the keyboard: sees what was removed and why,
moves with j/k, approves with a, rejects with r, a reason code and a comment."""

from __future__ import annotations

from typing import Any

import pytest

from tests.approval.support import review_of
from tests.support.browser import artifacts_dir, sign_in_as
from tests.support.stack import Stack, eventually

pytestmark = pytest.mark.browser


def watch(page: Any, problems: list[str]) -> None:
    page.on("console", lambda m: problems.append(m.text)
            if m.type == "error" and "404" not in m.text else None)
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))


async def test_approver_approves_and_rejects_with_the_keyboard(stack: Stack,
                                                               browser: Any) -> None:
    case = await stack.register_case(scope=["students", "public"])
    ids = []
    for note in ("Ports placed for Margaret Okonkwo-Reyes.", "Clips on the cystic duct.",
                 "Closing in layers."):
        status, body, _ = await stack.post_milestone(case["case_id"], note=note,
                                                     sub="coord-ana")
        assert status == 202
        ids.append(body["event_id"])
        await review_of(stack, body["event_id"], "public", "held")
    redacted_id, edited_id, newest_id = ids

    context = await browser.new_context()
    problems: list[str] = []
    try:
        page = await context.new_page()
        watch(page, problems)
        await sign_in_as(page.context, stack.settings, stack.base_url, "approver", "attending-kim")
        await page.goto(f"{stack.base_url}/approvals")
        items = page.locator('#queue .item[data-state="held"]')
        await items.nth(2).wait_for(timeout=10_000)
        # Newest first, within the case; the first is selected.
        assert await items.nth(0).get_attribute("data-key") == f"{newest_id}/public"
        assert await items.nth(0).get_attribute("aria-selected") == "true"
        mark = items.nth(2).locator("mark.redaction")
        assert await mark.get_attribute("data-rule") == "case_name"
        assert (await mark.inner_text()).startswith("[NAME]")
        assert "Okonkwo" not in await page.content()
        left = await items.nth(0).locator(".left").inner_text()
        assert left.endswith("left") and ":" in left
        await page.screenshot(path=artifacts_dir() / "approvals.png", full_page=True)

        await page.keyboard.press("j")
        assert await items.nth(1).get_attribute("aria-selected") == "true"
        await page.keyboard.press("k")
        assert await items.nth(0).get_attribute("aria-selected") == "true"

        await page.keyboard.press("a")  # approve the newest
        approved = await review_of(stack, newest_id, "public", "approved")
        assert approved["decided_by"]["sub"] == "attending-kim" and approved["seq"] == 1

        # Edit the next one; the approver's typo names the patient: de-identification
        # catches it, and the edited text comes back held for another approver (four
        # eyes: the editor's own words are not theirs to pass).
        await page.locator(f'#queue .item[data-key="{edited_id}/public"]'
                           '[aria-selected="true"]').wait_for(timeout=10_000)
        await page.keyboard.press("e")
        field = page.locator(".compose textarea")
        await field.wait_for(timeout=5_000)
        assert await field.input_value() == "Clips on the cystic duct."
        await field.fill("Clips on the cystic duct; Okonkwo-Reyes doing well.")
        await page.keyboard.press("Enter")
        async def edited_back() -> dict[str, Any] | None:
            row = await review_of(stack, edited_id, "public", "held")
            return row if row["revision"] == 1 else None

        edited = await eventually(edited_back, 20, message="the edit back, held")
        assert "Okonkwo" not in edited["text"] and "[NAME]" in edited["text"]
        assert edited["approvals"] == []
        status, answer, _ = await stack.request(
            "POST", f"/api/v1/reviews/{edited_id}", role="approver", sub="attending-lee",
            json_body={"decision": "approve", "audience": "public", "revision": 1})
        assert status == 200, answer
        edited = await review_of(stack, edited_id, "public", "approved")
        assert edited["decided_by"]["sub"] == "attending-lee"

        # The queue refreshes by itself; the remaining one is selected: reject it.
        await page.locator(f'#queue .item[data-key="{redacted_id}/public"]'
                           '[aria-selected="true"]').wait_for(timeout=10_000)
        await page.keyboard.press("r")
        code = page.locator(".compose select")
        await code.wait_for(timeout=5_000)
        await code.select_option("identifies_patient")
        await page.locator(".compose input").focus()
        await page.keyboard.type("Names the patient's family")
        await page.keyboard.press("Enter")
        rejected = await review_of(stack, redacted_id, "public", "rejected")
        assert rejected["reason_code"] == "identifies_patient"
        assert rejected["reason"] == "could identify the patient"  # the comment stays private
        await page.locator("#empty:not([hidden])").wait_for(timeout=10_000)
        assert "rejected" in (await page.locator("#status").inner_text()).lower()
        assert problems == []
    finally:
        await context.close()
