"""A rejection's comment is free text that leaves its author: it passes de-identification
before it is kept (issue 13 item 5). One that could identify someone is refused with a 422
naming `/comment`, nothing is decided and nothing is stored; a clean one is kept and read
by the update's author."""

from __future__ import annotations

import json

import pytest

from tests.support.stack import Stack

from .support import decide, review_of

AUTHOR = "coord-ana"
PATIENT = "Margaret Okonkwo-Reyes"


@pytest.mark.parametrize("comment", [
    "Mentions Mrs Okonkwo-Reyes by name",
    "Call the daughter on 555-867-5309 first",
    "Her MRN 44718293 is in the note",
    "Born 14 Mar 1961, remove it",
])
async def test_a_comment_that_could_identify_someone_is_refused(stack: Stack,
                                                                 comment: str) -> None:
    case = await stack.register_case(names=[PATIENT], scope=["students", "public"])
    _, body, _ = await stack.post_milestone(case["case_id"], note="Closing in layers.",
                                            milestone="closure", sub=AUTHOR)
    update_id = body["event_id"]
    await review_of(stack, update_id, "public", "held")
    status, answer = await decide(stack, update_id, "attending-1", decision="reject",
                                  audience="public", reason_code="identifies_patient",
                                  comment=comment)
    assert status == 422, answer
    [field] = answer["error"]["fields"]
    assert field["pointer"] == "/comment" and "say it without" in field["reason"]
    assert comment not in json.dumps(answer)
    held = await review_of(stack, update_id, "public", "held")  # nothing was decided
    assert held["reason_code"] is None

    # Said without the identifier, the same rejection goes through and the author reads it.
    clean = "Names a relative; say 'the family' instead"
    status, answer = await decide(stack, update_id, "attending-1", decision="reject",
                                  audience="public", reason_code="identifies_patient",
                                  comment=clean)
    assert status == 200, answer
    status, got, _ = await stack.request("GET", f"/api/v1/reviews/{update_id}/comment",
                                         role="coordinator", sub=AUTHOR)
    assert status == 200 and [c["comment"] for c in got["comments"]] == [clean]
