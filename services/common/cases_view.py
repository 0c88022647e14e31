"""A read model of `orcast.cases`: the latest state of every case, rebuilt from the topic.

Several services need to know whether a case is active and in consent; each
keeps this view in memory by replaying the topic at start (latest version wins).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from . import events
from .auth import normalise_subject

logger = logging.getLogger(__name__)


# Once here a case never comes back: the registry has no transition out of them (a case
# to broadcast again is registered anew, with a new case id), so a later event that
# says otherwise is not the registry speaking and is ignored.
FINAL_CONSENT = frozenset({"revoked", "expired"})
FINAL_STATUS = frozenset({"ended", "revoked"})


def reactivates(before_status: str, before_consent: str, data: dict[str, Any]) -> bool:
    """Would this case-state payload bring a stopped case or consent back to life?"""
    return ((before_consent in FINAL_CONSENT and data["consent"]["status"] == "active")
            or (before_status in FINAL_STATUS and data["status"] not in FINAL_STATUS))


@dataclass(frozen=True, slots=True)
class CaseState:
    case_id: str
    broadcast_id: str
    procedure: str
    procedure_name: str
    status: str
    version: int
    consent_status: str
    scope: frozenset[str]
    valid_until: datetime
    started_at: str | None
    identifiers: dict[str, Any]
    # Normalised subjects of the assigned coordinators; empty for cases registered
    # without any (then every coordinator may submit and reads only their own updates).
    coordinators: frozenset[str] = frozenset()

    def broadcastable(self, audience: str, at: datetime | None = None) -> bool:
        """Consent on file, in scope, not expired or revoked, and the case running."""
        moment = at or events.now()
        return (
            self.status == "active"
            and self.consent_status == "active"
            and audience in self.scope
            and moment < self.valid_until
        )

    def assigned(self, sub: str) -> bool:
        """The subject is one of the case's assigned coordinators."""
        return normalise_subject(sub) in self.coordinators

    def accepting(self, at: datetime | None = None) -> bool:
        return any(self.broadcastable(a, at) for a in self.scope)

    @classmethod
    def from_event(cls, data: dict[str, Any]) -> CaseState:
        consent = data["consent"]
        return cls(
            case_id=data["case_id"],
            broadcast_id=data["broadcast_id"],
            procedure=data["procedure"],
            procedure_name=data.get("procedure_name") or data["procedure"],
            status=data["status"],
            version=data["version"],
            consent_status=consent["status"],
            scope=frozenset(consent["scope"]),
            valid_until=events.parse_time(consent["valid_until"]),
            started_at=data.get("started_at"),
            identifiers=data["identifiers"],
            coordinators=frozenset(normalise_subject(s) for s in data.get("coordinators", ())),
        )


class CasesView:
    def __init__(self) -> None:
        self._cases: dict[str, CaseState] = {}
        self._by_broadcast: dict[str, str] = {}
        self._changed = asyncio.Condition()

    def apply(self, data: dict[str, Any]) -> tuple[CaseState | None, CaseState] | None:
        """Apply a case-state payload; returns (previous, current) when it changed."""
        state = CaseState.from_event(data)
        previous = self._cases.get(state.case_id)
        if previous is not None and previous.version >= state.version:
            return None
        if previous is not None and reactivates(previous.status, previous.consent_status, data):
            logger.warning("case %s: version %d would re-activate a stopped case; ignored",
                           state.case_id, state.version)
            return None
        self._cases[state.case_id] = state
        self._by_broadcast[state.broadcast_id] = state.case_id
        return previous, state

    async def apply_and_notify(
        self, data: dict[str, Any]
    ) -> tuple[CaseState | None, CaseState] | None:
        change = self.apply(data)
        async with self._changed:
            self._changed.notify_all()
        return change

    def get(self, case_id: str) -> CaseState | None:
        return self._cases.get(case_id)

    def by_broadcast(self, broadcast_id: str) -> CaseState | None:
        case_id = self._by_broadcast.get(broadcast_id)
        return self._cases.get(case_id) if case_id else None

    def all(self) -> list[CaseState]:
        return list(self._cases.values())

    async def wait_for(self, case_id: str, timeout: float) -> CaseState | None:
        """The case's state, waiting briefly for a just-registered case to arrive."""
        if case_id in self._cases:
            return self._cases[case_id]
        try:
            async with self._changed:
                await asyncio.wait_for(
                    self._changed.wait_for(lambda: case_id in self._cases), timeout
                )
        except TimeoutError:
            return None
        return self._cases.get(case_id)
