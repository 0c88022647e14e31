"""Red-team hit H8: an approval that does not say which revision it approves was applied to
whatever text was current, so approver B could publish approver A's edit unseen (four eyes
on paper only). Approving an edited text now needs its `revision`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest

from services.approval import decisions
from services.approval.errors import NotNow

B = {"sub": "approver-b", "role": "approver"}


def held(revision: int) -> Any:
    return SimpleNamespace(
        state="held", expires_at=datetime.now(UTC) + timedelta(minutes=5),
        author={"sub": "nurse-ana", "role": "coordinator"}, revision=revision,
        pending_revision=revision,
        editor={"sub": "approver-a", "role": "approver"} if revision else None,
        approvals=[], text="Incision at 09:42, all stable", verdict="clean")


def test_approving_an_edit_without_naming_its_revision_is_refused() -> None:
    with pytest.raises(NotNow) as refused:
        decisions.check(held(1), "approve", B, four_eyes=True, now=datetime.now(UTC),
                        revision=None)
    assert refused.value.code == "revision_required"


def test_approving_the_edit_read_by_its_revision_is_allowed() -> None:
    decisions.check(held(1), "approve", B, four_eyes=True, now=datetime.now(UTC), revision=1)


def test_an_unedited_text_may_be_approved_without_a_revision() -> None:
    decisions.check(held(0), "approve", B, four_eyes=True, now=datetime.now(UTC),
                    revision=None)
