"""Per-case timelines: what each broadcast has shown, in sequence order.

Approved updates arrive numbered 1, 2, 3… per case and audience; the timeline
releases them only in order (a number that arrives early waits for its
predecessor), so a client never sees a gap. Retractions are remembered, so a
client resuming with `after_seq` also learns what disappeared while it was away.

Bounds (the memory a case may hold):
- the newest `MAX_UPDATES_PER_CASE` (10,000) updates are kept, as encoded frames;
  resume reaches back that far — days of a real procedure, and the topic's
  30-day retention is what a restarted instance rebuilds from;
- at most `MAX_EARLY` updates wait for a missing predecessor; past that the
  missing numbers are given up (logged) and treated as withdrawn, so one lost
  message cannot freeze a live case.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from services.common import events, procedures
from services.common.cases_view import reactivates

from . import protocol

logger = logging.getLogger(__name__)

MAX_UPDATES_PER_CASE = 10_000
MAX_EARLY = 1_000
AUDIENCE = "students"


@cache
def template_phases(procedure: str) -> tuple[tuple[str, ...], dict[str, int]]:
    """The procedure's phases in template order, and each milestone's phase index."""
    phases: list[str] = []
    of_milestone: dict[str, int] = {}
    for milestone in procedures.templates().get(procedure, {}).get("milestones", []):
        phase = milestone.get("phase")
        if not phase:
            continue
        if phase not in phases:
            phases.append(phase)
        of_milestone[milestone["id"]] = phases.index(phase)
    return tuple(phases), of_milestone


@dataclass(eq=False)
class Timeline:
    broadcast_id: str
    case_id: str
    procedure: str = ""
    procedure_name: str = ""
    started_at: str | None = None
    ended_at: str | None = None
    status: str = "registered"
    consent_active: bool = True
    students: bool = False  # consent scope includes students (or a students update arrived)
    version: int = 0
    frames: dict[int, bytes] = field(default_factory=dict)  # seq -> encoded `update` frame
    phase_of: dict[int, int] = field(default_factory=dict)  # seq -> phase index
    early: dict[int, dict[str, Any]] = field(default_factory=dict)
    retracted: set[int] = field(default_factory=set)
    retracted_through: int = 0  # every seq up to here is withdrawn (`retract all`)
    last_seq: int = 0
    first_seq: int = 1  # oldest seq still held
    phase_index: int = -1

    @property
    def listed(self) -> bool:
        """Shown on the live index: running, in consent, open to students."""
        return self.status == "active" and self.consent_active and self.students

    @property
    def withdrawn_by_case(self) -> bool:
        """Consent revoked or expired, or the case revoked: nothing of it may show, even
        before (or without) the approval gate's retract-all."""
        return self.version > 0 and (not self.consent_active or self.status == "revoked")

    def add(self, seq: int, update: dict[str, Any]) -> list[tuple[int, bytes]]:
        """Store an update; returns the (seq, frame) pairs that became deliverable, in order."""
        if seq <= self.last_seq or seq in self.early:
            return []  # redelivery: already known
        self.early[seq] = update
        if len(self.early) > MAX_EARLY:
            skipped = min(self.early) - self.last_seq - 1
            logger.warning("broadcast %s: giving up on %d missing updates after seq %d",
                           self.broadcast_id, skipped, self.last_seq)
            self.retracted.update(range(self.last_seq + 1, min(self.early)))
            self.last_seq = min(self.early) - 1
        released = []
        while self.last_seq + 1 in self.early:
            self.last_seq += 1
            item = self.early.pop(self.last_seq)
            frame = protocol.encode(item).encode()
            self.frames[self.last_seq] = frame
            if self.withdrawn_by_case:
                self.retracted.add(self.last_seq)  # approved just before the revocation
            shown = self.visible(self.last_seq)
            phase = template_phases(self.procedure)[1].get(item["milestone"])
            if phase is not None:
                self.phase_of[self.last_seq] = phase
                if shown:
                    self.phase_index = max(self.phase_index, phase)
            if shown:
                released.append((self.last_seq, frame))
        while len(self.frames) > MAX_UPDATES_PER_CASE:
            self.frames.pop(self.first_seq, None)
            self.phase_of.pop(self.first_seq, None)
            self.retracted.discard(self.first_seq)
            self.first_seq += 1
        return released

    def visible(self, seq: int) -> bool:
        return seq > self.retracted_through and seq not in self.retracted

    def retract(self, seq: int | None) -> bool:
        """Remember a withdrawal; False when it was already known."""
        if seq is None:
            through = max(self.last_seq, max(self.early, default=0))
            if through <= self.retracted_through:
                return False
            # Nothing new to withdraw when every seq past the mark was never shown
            # (held back since the case's own revocation): move the mark, tell no one.
            news = any(self.visible(s) for s in range(self.retracted_through + 1, through + 1))
            self.retracted_through = through
            self.retracted = {s for s in self.retracted if s > through}
            if not news:
                return False
        else:
            if not self.visible(seq):
                return False
            self.retracted.add(seq)
        self.phase_index = max((p for s, p in self.phase_of.items() if self.visible(s)),
                               default=-1)
        return True

    def covers(self, after_seq: int) -> bool:
        return after_seq >= self.first_seq - 1

    def visible_after(self, after_seq: int) -> list[bytes]:
        start = max(after_seq + 1, self.first_seq, self.retracted_through + 1)
        return [self.frames[s] for s in range(start, self.last_seq + 1)
                if s not in self.retracted]

    def withdrawn(self) -> list[int]:
        """Individually retracted seqs still in history (beyond `retracted_through`)."""
        return sorted(s for s in self.retracted if s <= self.last_seq)

    def summary(self) -> dict[str, Any]:
        phases = template_phases(self.procedure)[0]
        return {
            "broadcast_id": self.broadcast_id,
            "procedure": self.procedure,
            "procedure_name": self.procedure_name,
            "status": self.status,
            "started_at": self.started_at,
            "ended_at": self.ended_at,
            "phases": list(phases),
            "phase": phases[self.phase_index] if 0 <= self.phase_index < len(phases) else None,
            "last_seq": self.last_seq,
        }


def offset_seconds(occurred_at: str, started_at: str | None) -> int | None:
    if not started_at:
        return None
    delta = events.parse_time(occurred_at) - events.parse_time(started_at)
    return int(delta.total_seconds())


class History:
    def __init__(self) -> None:
        self._by_broadcast: dict[str, Timeline] = {}

    def timeline(self, broadcast_id: str) -> Timeline | None:
        """A timeline students may watch (unknown and non-student cases look alike)."""
        found = self._by_broadcast.get(broadcast_id)
        return found if found is not None and found.students else None

    def timelines(self) -> list[Timeline]:
        return list(self._by_broadcast.values())

    def _ensure(self, broadcast_id: str, case_id: str) -> Timeline:
        timeline = self._by_broadcast.get(broadcast_id)
        if timeline is None:
            timeline = Timeline(broadcast_id=broadcast_id, case_id=case_id)
            self._by_broadcast[broadcast_id] = timeline
        return timeline

    def on_case(self, data: dict[str, Any]) -> Timeline | None:
        """Apply a case state (latest version wins); None when it is not newer."""
        timeline = self._ensure(data["broadcast_id"], data["case_id"])
        if data["version"] <= timeline.version:
            return None  # replayed or reordered: a step back in time
        if timeline.version > 0 and reactivates(
                timeline.status, "active" if timeline.consent_active else "revoked", data):
            return None  # a stopped case never comes back (see cases_view.reactivates)
        timeline.version = data["version"]
        timeline.procedure = data["procedure"]
        timeline.procedure_name = data.get("procedure_name") or data["procedure"]
        timeline.started_at = data.get("started_at") or timeline.started_at
        timeline.ended_at = data.get("ended_at")
        timeline.status = data["status"]
        consent = data["consent"]
        timeline.consent_active = consent["status"] == "active"
        timeline.students = timeline.students or AUDIENCE in consent["scope"]
        return timeline

    def on_approved(self, data: dict[str, Any]) -> tuple[Timeline | None, list[tuple[int, bytes]]]:
        if data["audience"] != AUDIENCE:
            return None, []
        timeline = self._ensure(data["broadcast_id"], data["case_id"])
        timeline.students = True
        if not timeline.procedure and data.get("procedure"):
            timeline.procedure = data["procedure"]
            timeline.procedure_name = data.get("procedure_name") or data["procedure"]
        if timeline.started_at is None:
            timeline.started_at = data.get("case_started_at")
        phases, of_milestone = template_phases(timeline.procedure)
        phase = of_milestone.get(data["milestone"])
        update = {
            "type": "update",
            "broadcast_id": data["broadcast_id"],
            "seq": data["seq"],
            "milestone": data["milestone"],
            "milestone_label": data.get("milestone_label", data["milestone"]),
            "phase": phases[phase] if phase is not None else None,
            "text": data["text"],
            "occurred_at": data["occurred_at"],
            "approved_at": data["approved_at"],
            "t_offset_s": offset_seconds(data["occurred_at"], timeline.started_at),
        }
        return timeline, timeline.add(data["seq"], update)

    def on_retracted(self, data: dict[str, Any]) -> tuple[Timeline | None, bool]:
        if data.get("audience", AUDIENCE) != AUDIENCE:
            return None, False
        timeline = self._by_broadcast.get(data["broadcast_id"])
        if timeline is None:
            return None, False
        return timeline, timeline.retract(None if data.get("all") else data.get("seq"))
