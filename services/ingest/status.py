"""Where one update stands: a small record and the rules that move it forward.

    received ─▶ deidentified / held (quarantine)
             ─▶ per audience: held ─▶ approved | rejected | expired | blocked | withdrawn
             ─▶ live (approved for students: in the viewer) / published (posted somewhere)
             ─▶ retracted

Events from different topics arrive in no guaranteed order, so every field
only moves forward by rank: a late `held` never overwrites an `approved`, a
late `posted` never undoes a `deleted`. Applying the same event twice is
harmless (and the tracker also skips repeats by event id).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from services.common import events

AUDIENCE_RANK = {"held": 1, "approved": 2, "rejected": 2, "expired": 2, "blocked": 2,
                 "withdrawn": 3, "retracted": 4}
CHANNEL_RANK = {"failed": 0, "dead": 1, "posted": 2, "delete_failed": 3, "deleted": 4}
CLOSED = frozenset({"retracted", "withdrawn", "rejected", "blocked", "expired"})
# Overall state, strongest first, when no audience currently carries the update.
_FALLBACK_ORDER = ("retracted", "withdrawn", "held", "rejected", "blocked", "expired")


@dataclass(slots=True)
class Record:
    event_id: str
    case_id: str
    milestone: str | None = None
    author_sub: str | None = None
    occurred_at: str | None = None
    received_at: datetime | None = None
    verdict: str | None = None
    deid_revision: int = -1
    reasons: list[str] = field(default_factory=list)
    # What de-identification removed from the author's own note (category -> count, never
    # the text), and when an approver's edit last came back de-identified (`edited_at`).
    deid_facts: dict[str, Any] = field(default_factory=dict)
    audiences: dict[str, dict[str, Any]] = field(default_factory=dict)
    channels: dict[str, dict[str, Any]] = field(default_factory=dict)
    withdraw_requested_at: datetime | None = None
    revision: int = 0
    updated_at: datetime | None = None

    # -- transitions (each returns True when something changed) --

    def fill(self, *, milestone: str | None = None, author_sub: str | None = None,
             occurred_at: str | None = None, received_at: datetime | None = None) -> bool:
        changed = False
        for name, value in (("milestone", milestone), ("author_sub", author_sub),
                            ("occurred_at", occurred_at), ("received_at", received_at)):
            if value is not None and getattr(self, name) is None:
                setattr(self, name, value)
                changed = True
        return changed

    def deidentified(self, data: dict[str, Any], *, at: str | None = None) -> bool:
        revision = int(data.get("revision", 0))
        changed = self.fill(milestone=data["milestone"], author_sub=data["author"]["sub"],
                            occurred_at=data["occurred_at"],
                            received_at=events.parse_time(data["received_at"]))
        if revision == 0 and "removed" not in self.deid_facts:
            self.deid_facts = {**self.deid_facts, "removed": dict(data.get("counts") or {})}
            changed = True
        if revision < self.deid_revision:
            return changed
        if revision > 0 and revision > self.deid_revision and at:
            self.deid_facts = {**self.deid_facts, "edited_at": at}
        self.deid_revision = revision
        self.verdict = data["verdict"]
        self.reasons = list(data["reasons"])
        return True

    def audience_state(self, audience: str, state: str, *, at: str,
                       reason: str | None = None, seq: int | None = None) -> bool:
        current = self.audiences.get(audience)
        if current is not None:
            old_rank, new_rank = AUDIENCE_RANK[current["state"]], AUDIENCE_RANK[state]
            if new_rank < old_rank or (new_rank == old_rank and state != current["state"]):
                return False
        entry: dict[str, Any] = {"state": state, "at": at}
        if reason:
            entry["reason"] = reason[:500]
        if seq is None and current is not None:
            seq = current.get("seq")
        if seq is not None:
            entry["seq"] = seq
        if current is not None and {**entry, "at": current["at"]} == current:
            return False  # the same decision told twice (updates.approved and .status)
        self.audiences = {**self.audiences, audience: entry}
        return True

    def retract(self, audience: str | None, *, at: str, reason: str) -> bool:
        targets = [audience] if audience else list(self.audiences)
        changed = False
        for name in targets:
            entry = self.audiences.get(name)
            if entry is not None and entry["state"] == "approved":
                changed |= self.audience_state(name, "retracted", at=at, reason=reason)
        return changed

    def publication(self, data: dict[str, Any]) -> bool:
        channel = data["channel_id"]
        current = self.channels.get(channel)
        if current is not None and CHANNEL_RANK[data["state"]] < CHANNEL_RANK[current["state"]]:
            return False
        entry: dict[str, Any] = {"state": data["state"], "kind": data["channel_kind"],
                                 "at": data["at"]}
        for key in ("url", "error"):
            if data.get(key):
                entry[key] = str(data[key])[:1024]
        if entry == current:
            return False
        self.channels = {**self.channels, channel: entry}
        return True

    # -- what the tablet sees --

    def overall(self) -> tuple[str, str | None]:
        carrying = sorted(a for a, v in self.audiences.items() if v["state"] == "approved")
        if carrying:
            if any(c["state"] in ("posted", "delete_failed") for c in self.channels.values()):
                return "published", None
            return ("live" if "students" in carrying else "approved"), None
        for state in _FALLBACK_ORDER:
            for _, entry in sorted(self.audiences.items()):
                if entry["state"] == state:
                    return state, entry.get("reason")
        if self.verdict == "review":  # the engine guessed: a person checks, every audience
            return "held", "waiting for a person to check"
        if self.verdict == "quarantine":
            return "held", "quarantined by de-identification: " + (", ".join(self.reasons)
                                                                   or "uncertain")
        if self.verdict is not None:
            return "deidentified", None
        return "received", None

    def undo_until(self, undo_seconds: float) -> datetime | None:
        if self.received_at is None:
            return None
        return self.received_at + timedelta(seconds=undo_seconds)

    def withdrawable(self, undo_seconds: float, now: datetime | None = None) -> bool:
        until = self.undo_until(undo_seconds)
        status, _ = self.overall()
        return (until is not None and (now or events.now()) < until and status not in CLOSED
                and self.withdraw_requested_at is None)

    def view(self, undo_seconds: float, now: datetime | None = None) -> dict[str, Any]:
        moment = now or events.now()
        status, reason = self.overall()
        until = self.undo_until(undo_seconds)
        return {
            "event_id": self.event_id,
            "case_id": self.case_id,
            "milestone": self.milestone,
            "status": status,
            "reason": reason,
            "live": any(a == "students" and v["state"] == "approved"
                        for a, v in self.audiences.items()),
            "verdict": self.verdict,
            "removed": dict(self.deid_facts.get("removed") or {}),
            "edited_at": self.deid_facts.get("edited_at"),
            "audiences": self.audiences,
            "channels": [{"channel_id": k, **v} for k, v in sorted(self.channels.items())],
            "occurred_at": self.occurred_at,
            "received_at": _iso(self.received_at),
            "undo_until": _iso(until),
            "undo_seconds_left": max(0.0, round((until - moment).total_seconds(), 1))
            if until is not None and self.withdrawable(undo_seconds, moment) else 0.0,
            "withdraw_requested_at": _iso(self.withdraw_requested_at),
            "revision": self.revision,
            "updated_at": _iso(self.updated_at),
        }


def _iso(moment: datetime | None) -> str | None:
    return events.isoformat(moment) if moment is not None else None
