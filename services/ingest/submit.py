"""Accepting one milestone: validate, check the case, produce, remember the receipt.

The answer 202 comes only after the broker acknowledged the event. The
client-made `event_id` is the idempotency key: a repeat of the same request
gets the original answer (200) and produces nothing; concurrent repeats on
this instance wait for the first one, and any that slip through on another
instance produce the very same event id, which every consumer drops.

The client's id is never the event's id: ingest mints that from its own
namespace, the author and the client's id (`milestone_event_id`), so a chosen
id can never equal one the system mints for another event (a revocation, an
approval) and make a consumer drop it as a repeat. The client's id stays the
update's id (`data.event_id`, then `update_id` downstream) and everything the
tablet sees speaks in it; the receipts table keeps it unique system-wide (a
reuse by anyone else is 409).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from functools import cache
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from services.common import events, topics
from services.common.auth import Principal
from services.common.cases_view import CaseState, CasesView
from services.common.procedures import phrase_texts, templates
from services.common.producer import EventProducer
from services.common.schemas import FieldError
from services.common.store import StoreUnavailable

from . import SERVICE, coordinators
from .errors import CaseNotAccepting, CaseNotKnown, IdempotencyKeyReused, InvalidMilestone
from .receipts import Receipt, ReceiptBook
from .sending import GroupSender

CASE_WAIT_SECONDS = 2.0
# A coordinator is waiting: when the broker does not ack quickly, say 503 so the tablet
# keeps the update queued and resends (same event id, so never a duplicate).
PRODUCE_TIMEOUT_SECONDS = 3.0


def milestone_event_id(author: Principal, client_event_id: str) -> str:
    issuer = str(getattr(author, "issuer", None) or "")
    return events.derived_id("ingest-milestone", issuer, author.sub, client_event_id)


def digest(body: dict[str, Any]) -> str:
    """The request's fingerprint, kept with its receipt: a repeat must match it. orjson
    writes a body of strings (all the schema allows) byte for byte as json.dumps below
    did, so receipts written before still match; what orjson refuses goes to json."""
    try:
        canonical = orjson.dumps(body, option=orjson.OPT_SORT_KEYS)
    except TypeError:
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":"),
                               ensure_ascii=False).encode()
    return hashlib.sha256(canonical).hexdigest()


@cache
def template_ids(procedure: str) -> tuple[frozenset[str], frozenset[str]]:
    """(milestone ids, phrase ids) of a procedure's template, read once: the templates
    are loaded once per process (`procedures.templates`), and every POST asks."""
    template = templates().get(procedure) or {"milestones": []}
    return (frozenset(m["id"] for m in template["milestones"]),
            frozenset(phrase_texts(procedure)))


def template_problems(case: CaseState, body: dict[str, Any]) -> list[FieldError]:
    """The milestone and each phrase id must come from the case's procedure template
    (a case whose procedure has no template accepts any well-formed milestone)."""
    template = templates().get(case.procedure)
    if template is None:
        return [FieldError(f"/phrase_ids/{i}", "the case's procedure has no pre-approved phrases")
                for i, _ in enumerate(body["phrase_ids"])]
    problems: list[FieldError] = []
    milestones, phrases = template_ids(case.procedure)
    if body["milestone"] not in milestones:
        problems.append(FieldError("/milestone",
                                   f"not a milestone of the {case.procedure} template"))
    problems.extend(
        FieldError(f"/phrase_ids/{i}", f"not a pre-approved phrase of the {case.procedure} "
                                       "template")
        for i, phrase_id in enumerate(body["phrase_ids"]) if phrase_id not in phrases
    )
    return problems


class _Turns:
    """One event id's lock and how many submits hold or wait for it."""

    __slots__ = ("lock", "users")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.users = 0


class _Turn:
    """Concurrent submits of one event id, one at a time; the id's entry goes with its
    last user. A class rather than an `asynccontextmanager`: the generator's frames and
    its helper objects were ~1.5 % of ingest's CPU per POST (issue 14, py-spy)."""

    __slots__ = ("_event_id", "_inflight", "_turns")

    def __init__(self, inflight: dict[str, _Turns], event_id: str) -> None:
        self._inflight = inflight
        self._event_id = event_id
        turns = inflight.get(event_id)
        if turns is None:
            turns = inflight[event_id] = _Turns()
        turns.users += 1
        self._turns = turns

    async def __aenter__(self) -> None:
        try:
            await self._turns.lock.acquire()
        except BaseException:  # cancelled while waiting: no longer a user
            self._leave()
            raise

    async def __aexit__(self, *_: object) -> None:
        self._turns.lock.release()
        self._leave()

    def _leave(self) -> None:
        self._turns.users -= 1
        if self._turns.users <= 0:
            del self._inflight[self._event_id]


class Submitter:
    def __init__(self, *, book: ReceiptBook, producer: EventProducer, cases: CasesView) \
            -> None:
        self._book = book
        self._producer = producer
        self._sender = GroupSender(producer, timeout=PRODUCE_TIMEOUT_SECONDS)
        self._cases = cases
        self._inflight: dict[str, _Turns] = {}

    @property
    def cases(self) -> CasesView:
        return self._cases

    async def case_for(self, case_id: str) -> CaseState:
        case = await self._cases.wait_for(case_id, timeout=CASE_WAIT_SECONDS)
        if case is None:
            raise CaseNotKnown(f"no case {case_id}")
        return case

    async def submit(self, body: dict[str, Any], author: Principal) -> tuple[bool, str]:
        """Returns (created, event_id). A repeat of the same request is not created again."""
        event_id = body["event_id"].lower()
        body = {"note": "", "phrase_ids": [], **body, "event_id": event_id}
        async with _Turn(self._inflight, event_id):
            try:
                seen = await self._book.find(event_id)
                if seen is not None:
                    return self._repeat(seen, digest(body), author), event_id
                await self._accept(event_id, body, author)
            except DBAPIError as exc:
                # Retriable like the database being away (503): if the event was produced,
                # the tablet's resend produces the same event id again, which every
                # consumer drops, so resending is always safe.
                raise StoreUnavailable(type(exc).__name__) from exc
            return True, event_id

    async def _accept(self, event_id: str, body: dict[str, Any], author: Principal) -> None:
        case = await self.case_for(body["case_id"])
        coordinators.check_submit(case, author)
        if not case.accepting():
            raise CaseNotAccepting("case is not active or its consent is not in force")
        problems = template_problems(case, body)
        if problems:
            raise InvalidMilestone("request body failed validation", fields=problems)
        received = events.now()
        data = {
            "event_id": event_id,
            "case_id": case.case_id,
            "milestone": body["milestone"],
            "note": body["note"],
            "phrase_ids": body["phrase_ids"],
            "occurred_at": body["occurred_at"],
            "received_at": events.isoformat(received),
            "author": author.as_actor(),
        }
        event = events.make_event(
            "org.orcast.milestone.submitted.v1", service=SERVICE, subject=case.case_id,
            data=data, event_id=milestone_event_id(author, event_id), time=received,
        )
        # Unacknowledged: BrokerUnavailable, a 503 that keeps the update queued on the tablet.
        # Sent with the requests accepted meanwhile (sending.py), acked before the receipt.
        await self._sender.send(self._producer.hold(topics.MILESTONES_SUBMITTED.name, event))
        await self._book.remember(Receipt(
            event_id=event_id, case_id=case.case_id, author_sub=author.sub,
            request_digest=digest(body), milestone=body["milestone"],
            occurred_at=body["occurred_at"], received_at=received,
        ))

    @staticmethod
    def _repeat(seen: sa.Row[Any], request_digest: str, author: Principal) -> bool:
        if seen.request_digest != request_digest or seen.author_sub != author.sub:
            raise IdempotencyKeyReused("event_id was already used for a different milestone")
        return False
