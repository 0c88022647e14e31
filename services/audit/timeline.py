"""One case's story from its audit records: each update's path in one view.

submitted → de-identified (verdict, redaction counts) → decisions (who, for
which audience) → where it was posted → retractions; plus the case's own
consent changes and who looked at the case in the audit log.

Each update also gets its `path`, the story of its words in one list: the note
(its author) → its redaction → each edit (its editor) → the redaction of that
edit → the approvals → the final text (which revision went out, its length) →
the channels. Each step says who: a person, or the service that acted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, Final

from services.common import events

MAX_RECORDS = 20_000
EPOCH = datetime.fromtimestamp(0, UTC)


def _actor(record: Mapping[str, Any]) -> dict[str, str]:
    return {"sub": record["actor_sub"], "role": record["actor_role"]}


def _step(record: Mapping[str, Any]) -> dict[str, Any]:
    return {"seq": record["seq"], "at": record["event_time"] or record["recorded_at"],
            "action": record["action"], "outcome": record["outcome"], "by": _actor(record),
            "summary": record["summary"], "detail": record["detail"] or {}}


def _new_update(update_id: str) -> dict[str, Any]:
    return {"update_id": update_id, "milestone": None, "submitted": None, "deidentified": [],
            "decisions": [], "publications": [], "retractions": [], "steps": []}


def _when(step: dict[str, Any]) -> datetime:
    at = step["at"]
    try:
        moment = events.parse_time(at) if isinstance(at, str) else EPOCH
    except ValueError:
        return EPOCH
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _story_order(steps: list[dict[str, Any]]) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """The audit log records topics as they arrive (a redaction may be logged before
    the note it came from): order the words' story by what caused what instead. The
    note and its redaction come first; each edit, with its redaction, then sits among
    the decisions by time (both are approval's clock), so an audience approved before
    an edit is told with the text it went out with."""
    edited_at = {int(s["detail"].get("revision") or 0): _when(s)
                 for s in steps if s["action"] == "edit.submitted"}

    def order(step: dict[str, Any]) -> tuple[Any, ...]:
        action, revision = step["action"], int(step["detail"].get("revision") or 0)
        if action == "milestone.submitted":
            return (0, EPOCH, 0, revision, step["seq"])
        if action == "milestone.deidentified" and revision == 0:
            return (0, EPOCH, 1, revision, step["seq"])
        if action == "edit.submitted":
            return (1, _when(step), 0, revision, step["seq"])
        if action == "milestone.deidentified":
            return (1, edited_at.get(revision, _when(step)), 1, revision, step["seq"])
        return (1, _when(step), 2, _CAUSE_FIRST.get(action, 0), step["seq"])

    return order


# In one instant (approval stamps a decision and the update it releases alike, and they
# reach the log on different topics in either order), a cause before its effect.
_CAUSE_FIRST: Final = {"review.decided": 0, "update.approved": 1, "publication": 2,
                       "update.retracted": 3}


def _path(steps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The words' path: note → redaction → edit → redaction → approvals → final text →
    channels (a step that did not happen is absent)."""
    path: list[dict[str, Any]] = []
    revision = 0
    for step in sorted(steps, key=_story_order(steps)):
        facts, action = step["detail"], step["action"]
        base = {"seq": step["seq"], "at": step["at"], "by": step["by"]}
        if action == "milestone.submitted":
            path.append({**base, "stage": "note", "revision": 0,
                         "chars": facts.get("note_chars")})
        elif action == "edit.submitted":
            path.append({**base, "stage": "edit", "revision": facts.get("revision")})
        elif action == "milestone.deidentified":
            revision = int(facts.get("revision") or 0)
            path.append({**base, "stage": "redaction", "revision": revision,
                         "verdict": step["outcome"], "counts": facts.get("counts") or {}})
        elif action == "review.decided" and step["outcome"] in ("approve", "reject"):
            path.append({**base, "stage": "approval" if step["outcome"] == "approve"
                         else "rejection", "audience": facts.get("audience")})
        elif action == "update.approved":
            path.append({**base, "stage": "final text", "revision": revision,
                         "audience": facts.get("audience"), "seq_out": facts.get("seq"),
                         "chars": facts.get("text_chars")})
        elif action == "publication":
            path.append({**base, "stage": "channel", "channel_id": facts.get("channel_id"),
                         "state": step["outcome"], "url": facts.get("url")})
        elif action == "update.retracted":
            path.append({**base, "stage": "retracted", "audience": facts.get("audience")})
    return path


def build(case_id: str, records: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """`records` are API views (detail parsed) of one case, in seq order."""
    updates: dict[str, dict[str, Any]] = {}
    case_changes: list[dict[str, Any]] = []
    case_retractions: list[dict[str, Any]] = []
    accesses: list[dict[str, Any]] = []
    other: list[dict[str, Any]] = []
    broadcast_id: str | None = None
    count = 0
    for record in records:
        count += 1
        broadcast_id = broadcast_id or record.get("broadcast_id")
        step = _step(record)
        facts = step["detail"]
        action = record["action"]
        if action.startswith("audit.") or action.endswith(".read"):  # who looked
            accesses.append(step)
            continue
        if action == "case.state":
            case_changes.append(step)
            continue
        if action == "update.retracted" and not record["update_id"]:
            case_retractions.append(step)
            continue
        if not record["update_id"]:
            other.append(step)
            continue
        update = updates.setdefault(record["update_id"], _new_update(record["update_id"]))
        update["steps"].append(step)
        update["milestone"] = update["milestone"] or facts.get("milestone")
        if action == "milestone.submitted":
            update["submitted"] = step
        elif action == "milestone.deidentified":
            update["deidentified"].append(step)
        elif action in ("review.decided", "edit.submitted", "update.approved",
                        "update.status"):
            update["decisions"].append(step)
        elif action == "publication":
            update["publications"].append(step)
        elif action == "update.retracted":
            update["retractions"].append(step)
    _apply_case_retractions(updates.values(), case_retractions)
    for update in updates.values():
        update["path"] = _path(update["steps"] + [
            r for r in update["retractions"] if r not in update["steps"]])
    return {"case_id": case_id, "broadcast_id": broadcast_id, "records": count,
            "truncated": count >= MAX_RECORDS, "case": case_changes,
            "updates": list(updates.values()), "case_retractions": case_retractions,
            "accesses": accesses, "other": other}


def _apply_case_retractions(updates: Iterable[dict[str, Any]],
                            retractions: list[dict[str, Any]]) -> None:
    """A case-wide retraction (consent revoked) withdraws every update approved earlier for
    that audience: show it on each of them too. The gate's second pass is in the log only
    when it covered more (approvals in between), so each approval gets the first
    retraction after it."""
    for update in updates:
        approved = [s for s in update["decisions"] if s["action"] == "update.approved"]
        for approval in approved:
            audience = approval["detail"].get("audience")
            first = next((r for r in retractions if r["seq"] > approval["seq"] and
                          r["detail"].get("audience") in (None, audience)), None)
            if first is not None and first not in update["retractions"]:
                update["retractions"].append(first)
