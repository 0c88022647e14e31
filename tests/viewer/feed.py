"""Plays the approval and cases services for viewer tests: events straight to the topics."""

from __future__ import annotations

import asyncio
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from services.common import events, topics
from services.common.identifiers import CaseIdentifiers
from services.common.producer import EventProducer
from services.common.settings import Settings

ACTOR = {"sub": "service:approval", "role": "service"}


@dataclass
class Case:
    case_id: str
    broadcast_id: str
    procedure: str
    started_at: str
    version: int = 1


class Feed:
    def __init__(self, settings: Settings) -> None:
        self.producer = EventProducer(settings=settings, service="approval")
        self.identifiers = CaseIdentifiers.from_plain(
            names=["Test Patient"], mrn=None, dob=None, key=b"k" * 32).to_wire()

    async def start(self) -> None:
        await self.producer.start()

    async def stop(self) -> None:
        await self.producer.stop()

    async def case(self, *, status: str = "active", scope: tuple[str, ...] = ("students",),
                   procedure: str = "lap_chole", case: Case | None = None) -> Case:
        if case is None:
            case = Case(case_id=str(uuid.uuid4()), broadcast_id=secrets.token_hex(5),
                        procedure=procedure, started_at=events.isoformat(events.now()))
        else:
            case.version += 1
        data = {
            "case_id": case.case_id, "broadcast_id": case.broadcast_id,
            "procedure": case.procedure, "procedure_name": "Laparoscopic cholecystectomy",
            "status": status, "version": case.version, "started_at": case.started_at,
            "ended_at": None,
            "consent": {"status": "revoked" if status == "revoked" else "active",
                        "scope": list(scope), "valid_until": "2099-01-01T00:00:00Z",
                        "document_ref": "consent/test.pdf"},
            "identifiers": self.identifiers, "changed_by": ACTOR,
        }
        await self.producer.publish(topics.CASES.name, events.make_event(
            "org.orcast.case.state.v1", service="cases", subject=case.case_id, data=data))
        return case

    def approved(self, case: Case, seq: int, *, text: str | None = None,
                 milestone: str = "incision", audience: str = "students") -> events.Event:
        now = events.isoformat(events.now())
        data: dict[str, Any] = {
            "update_id": str(uuid.uuid4()), "case_id": case.case_id,
            "broadcast_id": case.broadcast_id, "seq": seq, "audience": audience,
            "milestone": milestone, "milestone_label": milestone.replace("_", " ").title(),
            "procedure": case.procedure, "text": f"update {seq}" if text is None else text,
            "occurred_at": now, "case_started_at": case.started_at, "approved_at": now,
            "approved_by": ACTOR,
        }
        return events.make_event("org.orcast.update.approved.v1", service="approval",
                                 subject=case.case_id, data=data)

    async def approve(self, case: Case, seq: int, **kwargs: Any) -> None:
        await self.producer.publish(topics.UPDATES_APPROVED.name,
                                    self.approved(case, seq, **kwargs))

    async def approve_many(self, case: Case, seqs: range, **kwargs: Any) -> None:
        """Many at once (the viewer orders early arrivals itself)."""
        chunk = 100
        for start in range(0, len(seqs), chunk):
            await asyncio.gather(*(self.approve(case, seq, **kwargs)
                                   for seq in seqs[start:start + chunk]))

    async def retract(self, case: Case, seq: int | None = None) -> None:
        data: dict[str, Any] = {
            "case_id": case.case_id, "broadcast_id": case.broadcast_id, "audience": "students",
            "reason": "approver", "retracted_by": ACTOR,
            "retracted_at": events.isoformat(events.now()),
        }
        if seq is None:
            data["all"] = True
        else:
            data["seq"] = seq
        await self.producer.publish(topics.UPDATES_RETRACTED.name, events.make_event(
            "org.orcast.update.retracted.v1", service="approval", subject=case.case_id,
            data=data))
