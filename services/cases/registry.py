"""Case lifecycle: register, start, end, revoke, expire; each change is one case-state event.

A change is written to the table and produced to `orcast.cases` in the same
transaction: the HTTP answer (and the DB commit) come only after the broker
acknowledged, so the registry and the topic cannot disagree about a revocation.
"""

from __future__ import annotations

import secrets
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from services.common import events, topics
from services.common.auth import Principal, subject_problem
from services.common.identifiers import CaseIdentifiers
from services.common.procedures import procedure_name, templates
from services.common.producer import EventProducer
from services.common.schemas import FieldError
from services.common.settings import Settings
from services.common.store import Store

from . import SERVICE
from .errors import CaseNotFound, ConcurrentChange, InvalidCase, WrongCaseState
from .tables import cases

_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
_TRANSITION_ATTEMPTS = 5
FULL_SWEEP_SECONDS = 10.0


def _utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every time ORcast stores is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _coordinators(subjects: list[str]) -> list[str]:
    """The assigned coordinators' subjects, exactly as their tokens will carry them."""
    problems = [FieldError(f"/coordinators/{i}", f"not a usable token subject: {problem}")
                for i, sub in enumerate(subjects) if (problem := subject_problem(sub))]
    if problems:
        raise InvalidCase("request body failed validation", fields=problems)
    return sorted(set(subjects))


def new_broadcast_id() -> str:
    """Public id with no link to the patient: random, short enough to read aloud."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(10))


class CaseRegistry:
    def __init__(self, *, settings: Settings, store: Store, producer: EventProducer) -> None:
        self._settings = settings
        self._store = store
        self._producer = producer
        # The sweep's hint (issue 14: an idle sweep twice a second cost CPU for nothing):
        # the earliest end of an active consent as of the last sweep. Until then, and while
        # this instance changes nothing, only a full sweep every FULL_SWEEP_SECONDS looks
        # (for cases another instance registered).
        self._next_due: datetime | None = None
        self._swept_at = float("-inf")
        self._changes = 0

    def _changed(self) -> None:
        self._changes += 1
        self._next_due = None

    async def register(self, body: dict[str, Any], actor: Principal) -> dict[str, Any]:
        self._changed()
        patient, consent = body["patient"], body["consent"]
        now = events.now()
        valid_from, valid_until = _consent_period(consent, now)
        if body["procedure"] not in templates():
            raise InvalidCase("unknown procedure", fields=[FieldError(
                "/procedure", f"one of {', '.join(sorted(templates()))}")])
        identifiers = CaseIdentifiers.from_plain(
            names=patient["names"], mrn=patient.get("mrn"), dob=patient.get("dob"),
            key=self._settings.require_identifier_key(),
        ).to_wire()
        start = body.get("start", True)
        coordinators = _coordinators(body.get("coordinators", []))
        state: dict[str, Any] = {
            "case_id": str(uuid.uuid4()),
            "broadcast_id": new_broadcast_id(),
            "procedure": body["procedure"],
            "procedure_name": procedure_name(body["procedure"]),
            "status": "active" if start else "registered",
            "version": 1,
            "started_at": events.isoformat(now) if start else None,
            "ended_at": None,
            "consent": {
                "status": "active",
                "scope": sorted(consent["scope"]),
                "valid_from": events.isoformat(valid_from),
                "valid_until": events.isoformat(valid_until),
                "document_ref": consent["document_ref"],
                "recorded_by": actor.sub,
                "revoked_at": None,
            },
            "identifiers": identifiers,
            "coordinators": coordinators,
            "changed_by": actor.as_actor(),
            "change": "registered",
        }
        async with self._store.begin() as conn:
            await conn.execute(cases.insert().values(
                case_id=state["case_id"], broadcast_id=state["broadcast_id"],
                procedure=state["procedure"], status=state["status"], version=1, state=state,
                created_by=actor.sub, created_at=now, consent_status="active",
                consent_until=valid_until,
            ))
            await self._emit(state)
            await conn.execute(cases.update().where(cases.c.case_id == state["case_id"])
                               .values(published_version=1))
        return state

    async def transition(self, case_id: str, change: str, actor: Principal, *,
                         reason: str | None = None) -> dict[str, Any]:
        """One change, numbered `version + 1`: the update is a compare-and-set on the
        version, so a revocation racing the expiry sweep can never share a version (and
        so an event id) with it; the loser re-reads and applies on top."""
        self._changed()
        for _ in range(_TRANSITION_ATTEMPTS):
            async with self._store.begin() as conn:
                row = (await conn.execute(
                    sa.select(cases.c.state).where(cases.c.case_id == case_id)
                    .with_for_update()
                )).first()
                if row is None:
                    raise CaseNotFound(f"no case {case_id}")
                state = dict(row.state)
                state["consent"] = dict(state["consent"])
                seen = state["version"]
                _apply_change(state, change, events.now(), reason=reason)
                state["version"] = seen + 1
                state["changed_by"] = actor.as_actor()
                state["change"] = change
                written = await conn.execute(cases.update().where(
                    cases.c.case_id == case_id, cases.c.version == seen
                ).values(
                    status=state["status"], version=state["version"], state=state,
                    published_version=state["version"],
                    consent_status=state["consent"]["status"],
                ))
                if written.rowcount == 1:
                    await self._emit(state)
                    return state
        raise ConcurrentChange("the case changed concurrently; try again")

    async def get(self, case_id: str) -> dict[str, Any]:
        async with self._store.begin() as conn:
            row = (await conn.execute(
                sa.select(cases.c.state).where(cases.c.case_id == case_id)
            )).first()
        if row is None:
            raise CaseNotFound(f"no case {case_id}")
        return dict(row.state)

    async def with_recorded_at(self, case_id: str) -> tuple[dict[str, Any], datetime]:
        """The state and when the consent was entered (for the FHIR export)."""
        async with self._store.begin() as conn:
            row = (await conn.execute(
                sa.select(cases.c.state, cases.c.created_at).where(cases.c.case_id == case_id)
            )).first()
        if row is None:
            raise CaseNotFound(f"no case {case_id}")
        created: datetime = row.created_at
        return dict(row.state), created if created.tzinfo else created.replace(tzinfo=UTC)

    async def list(self) -> list[dict[str, Any]]:
        async with self._store.begin() as conn:
            rows = (await conn.execute(
                sa.select(cases.c.state).order_by(cases.c.created_at.desc())
            )).all()
        return [dict(r.state) for r in rows]

    async def expire_due(self, actor: Principal) -> int:
        """Consent expiry is enforced like a revocation, by the registry that recorded it
        (the gates also refuse at `valid_until` by themselves, without waiting for this)."""
        now = events.now()
        if (self._next_due is not None and now < self._next_due
                and time.monotonic() - self._swept_at < FULL_SWEEP_SECONDS):
            return 0  # no consent known here ends before then
        changes, self._swept_at = self._changes, time.monotonic()
        async with self._store.begin() as conn:
            due = list((await conn.execute(sa.select(cases.c.case_id).where(
                cases.c.consent_status == "active", cases.c.consent_until <= now
            ))).scalars())
            earliest = (await conn.execute(sa.select(sa.func.min(cases.c.consent_until)).where(
                cases.c.consent_status == "active", cases.c.consent_until > now))).scalar()
        if changes == self._changes and not due:
            self._next_due = _utc(earliest) if earliest is not None \
                else now + timedelta(seconds=FULL_SWEEP_SECONDS)
        expired = 0
        for case_id in due:
            try:
                await self.transition(case_id, "expired", actor)
                expired += 1
            except WrongCaseState:  # revoked (or expired by another instance) meanwhile
                continue
        return expired

    async def _emit(self, state: dict[str, Any]) -> None:
        await self._producer.publish(topics.CASES.name, events.make_event(
            "org.orcast.case.state.v1", service=SERVICE, subject=state["case_id"],
            data=on_the_wire(state),
            event_id=state_event_id(state["case_id"], state["version"]),
        ))


def state_event_id(case_id: str, version: int) -> str:
    """The id of a case's n-th state event: derived, so a re-produce repeats it."""
    return events.derived_id("cases-state", case_id, str(version))


def on_the_wire(state: dict[str, Any]) -> dict[str, Any]:
    """The case state as `orcast.cases` carries it: without the consent's document
    reference, which stays in this service's database and its API (six services read the
    topic, for a year; none needs it)."""
    consent = {k: v for k, v in state["consent"].items() if k != "document_ref"}
    return {**state, "consent": consent}


def _consent_period(consent: dict[str, Any], now: datetime) -> tuple[datetime, datetime]:
    """The signed period, as aware datetimes; a release that is already over is refused."""
    moments = {}
    for name in ("valid_from", "valid_until"):
        if name not in consent:
            continue
        try:
            moment = events.parse_time(consent[name])
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            raise InvalidCase("invalid consent period", fields=[FieldError(
                f"/consent/{name}", "a date-time with a time zone, e.g. 2026-05-01T14:00:00Z")])
        moments[name] = moment
    valid_from = moments.get("valid_from", now)
    valid_until = moments["valid_until"]
    if valid_until <= max(valid_from, now):
        raise InvalidCase("invalid consent period", fields=[FieldError(
            "/consent/valid_until", "must be later than valid_from and than now")])
    return valid_from, valid_until


def _apply_change(state: dict[str, Any], change: str, now: datetime, *,
                  reason: str | None = None) -> None:
    consent, status = state["consent"], state["status"]
    stamp = events.isoformat(now)
    if change == "started":
        if status != "registered":
            raise WrongCaseState(f"a case that is {status} cannot be started")
        if consent["status"] != "active":
            raise WrongCaseState("consent is not active")
        state.update(status="active", started_at=stamp)
    elif change == "ended":
        if status not in ("registered", "active"):
            raise WrongCaseState(f"a case that is {status} cannot be ended")
        state.update(status="ended", ended_at=stamp)
    elif change == "revoked":
        if consent["status"] == "revoked":
            raise WrongCaseState("consent is already revoked")
        consent.update(status="revoked", revoked_at=stamp, revoke_reason=reason or "not_given")
        state.update(status="revoked")
    elif change == "expired":
        if consent["status"] != "active":
            raise WrongCaseState(f"consent is already {consent['status']}")
        consent.update(status="expired")
        if status in ("registered", "active"):
            state.update(status="ended", ended_at=stamp)
    else:  # pragma: no cover - callers pass literals
        raise ValueError(change)
