"""What one decision does to one review row: pure functions, no I/O.

The HTTP handler calls `check` to refuse early (`errors.Refused`); the consumer
calls it again when it applies the event (the row may have moved on since the
handler looked: another approver, the expiry sweep, an edit) and then asks
`outcome` for the column values to write.

    held ──approve (N tiers)──▶ approved ──withdraw──▶ withdrawn (+ retract seq)
      ├──reject──▶ rejected          edit: held, re-de-identified, then
      ├──withdraw──▶ withdrawn             `revise` (under four eyes another approver
      │                                      must approve the editor's words)
      ├──time──▶ expired
      └──consent/case stopped──▶ blocked

What goes out is what a person approved: an edit's re-de-identified text always
comes back held, for every audience (to the editor, or under four eyes to another
approver), whatever the policy lets through on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from services.common import events
from services.common.auth import same_person

from .errors import NotAllowed, NotNow
from .errors import Refused as Refused  # `decisions.Refused`: what `check` raises
from .policy import Decision
from .reasons import WAITING, in_words, label
from .rows import Row, aware

SYSTEM = {"sub": "service:approval", "role": "service"}


@dataclass(frozen=True, slots=True)
class Outcome:
    values: dict[str, Any] = field(default_factory=dict)
    number: bool = False  # allocate the next sequence number in the same transaction
    retract: bool = False  # an approved update was withdrawn: retract its number


def expired(row: Row, now: datetime) -> bool:
    return row.state == "held" and aware(row.expires_at) <= now


def check(row: Row, decision: str, reviewer: dict[str, str], *, four_eyes: bool,
          now: datetime, revision: int | None = None) -> None:
    if decision == "withdraw":
        if not same_person(reviewer, row.author):
            raise NotAllowed("not_author", "only the author may withdraw an update")
        if row.state not in ("held", "approved"):
            raise NotNow("not_pending", f"update is already {row.state}")
        return
    if row.state != "held":
        raise NotNow("not_pending", f"update is already {row.state}")
    if expired(row, now):
        raise NotNow("expired", "update expired before a decision")
    if decision in ("approve", "edit") and four_eyes and same_person(reviewer, row.author):
        raise NotAllowed("four_eyes", "the author may not approve or edit their own update")
    if (decision == "approve" and four_eyes and row.revision > 0 and row.editor
            and same_person(reviewer, row.editor)):
        raise NotAllowed("four_eyes", "the text is your edit: another approver must "
                      "approve it")
    if decision == "edit":
        return
    if revision is not None and revision != row.revision:
        raise NotNow("stale_revision", "the text changed since you saw it; reload")
    if decision != "approve":
        return
    if revision is None and row.revision > 0:
        # Edited text goes out only as the revision its approver read (the page always
        # says which; an API client must too): never someone else's edit, unseen.
        raise NotNow("revision_required", "the text was edited: approve it by its "
                     "`revision`, after reading that revision")
    if row.pending_revision > row.revision:
        raise NotNow("edit_pending", "an edit is being de-identified again")
    if any(same_person(a, reviewer) for a in row.approvals):
        raise NotNow("already_approved",
                      "you already approved this; it needs a different approver")
    if not row.text and row.verdict != "clean":
        # An empty clean text is a milestone posted without a note: that may go out.
        raise NotNow("text_withheld", "the text was withheld by de-identification; "
                      "edit it instead")


def outcome(row: Row, decision: str, reviewer: dict[str, str], *, now: datetime,
            reason_code: str | None = None, revision: int | None = None) -> Outcome:
    """Values for an already `check`ed decision."""
    if decision == "approve":
        approvals = [*row.approvals, {"sub": reviewer["sub"], "role": reviewer["role"],
                                      "tier": len(row.approvals) + 1,
                                      "at": events.isoformat(now)}]
        if len(approvals) >= row.tiers_required:
            return Outcome({"state": "approved", "approvals": approvals, "decided_by": reviewer,
                            "decided_at": now, "note": None}, number=True)
        return Outcome({"approvals": approvals,
                        "note": f"approved {len(approvals)} of {row.tiers_required}"})
    if decision == "reject":
        return Outcome({"state": "rejected", "reason": label(reason_code or "other"),
                        "reason_code": reason_code or "other",
                        "decided_by": reviewer, "decided_at": now})
    if decision == "edit":
        wanted = revision if revision is not None else row.revision + 1
        if wanted <= max(row.revision, row.pending_revision):
            return Outcome()
        return Outcome({"pending_revision": wanted, "editor": reviewer,
                        "note": "edited; being de-identified again"})
    if decision == "withdraw":
        return Outcome({"state": "withdrawn", "reason": "withdrawn by the author",
                        "decided_by": reviewer, "decided_at": now},
                       retract=row.state == "approved")
    raise ValueError(decision)  # pragma: no cover - the schema admits only the above


def revise(row: Row, data: dict[str, Any], rule: Decision, *, editor: dict[str, str],
           four_eyes: bool, now: datetime) -> Outcome:
    """An edit came back from de-identification: new text, held for a person to see.

    Never approved here, whatever `rule` says: nobody has seen the text the gate made of
    the edit. The editor may approve it next (or, under four eyes, another approver:
    `check` refuses the editor); tiers approved earlier start again. `editor` comes from
    approval's own record of the edit, never from the event."""
    values: dict[str, Any] = {
        "text": data["text"], "verdict": data["verdict"], "counts": data["counts"],
        "redactions": data["redactions"], "reasons": data["reasons"],
        "revision": data["revision"], "phrase_only": False, "approvals": [],
        "pending_revision": max(row.pending_revision, data["revision"]),
        "editor": editor or row.editor,
    }
    if data["verdict"] == "quarantine":
        values["note"] = "edited text held by de-identification: " + in_words(data["reasons"])
    elif four_eyes:
        values["note"] = ("edited and de-identified again: " + WAITING
                          + " (another approver must approve the new text)")
    else:
        values["note"] = ("edited and de-identified again: " + WAITING
                          + " (check the new text, then approve it)")
    return Outcome(values)
