"""Deciding what goes out: consent first, then the policy, then a sequence number.

One consumer (co-partitioned over `cases`, `milestones.deidentified`,
`reviews` and `withdrawals`: partition N of each goes to the same instance, and
every topic is keyed by case) applies everything that changes a case's reviews, one event at
a time. So a revocation is never overtaken by an approval of the same case: an
approval emitted before the ordered retract-all is retracted by it, and none is
emitted after it (the consent check comes first). The case-view consumer also
retracts a live revocation the moment it sees it (`on_case_seen`), so the one
second holds even when the ordered stream has a backlog of milestones. Both
passes name their retraction by the last number it covers, so the ordered pass
repeats the fast one's event id (consumers and the audit log drop the copy)
unless something was approved in between, when it is a new retraction.

Each handler writes its decision in one transaction (claiming the input event
id so a redelivery changes nothing), then produces the resulting events with
ids derived from the input, so a crash between commit and produce is repaired
by the redelivery re-producing the very same events. Claims are keyed by the
event's source and id, so no other writer's event can take an id's place.
Inside a consumer batch that transaction is the batch's: its sequence counters are
read and written once (`numbering.py`) and its new milestones claimed, numbered and
inserted together with the commit (`intakes.py`), written before any handler reads
reviews or sends after them.

Each topic is honoured only for what its one writer is authoritative for:
`reviews` (approval's HTTP handlers) for approve, reject and edit; `withdrawals`
(ingest) for the author's withdraw and nothing else; `milestones.deidentified`
for text and verdicts only: who edited an update is read from approval's own
edit ledger by the edit's id, and a result that matches no edit it sent is
ignored.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection

from services.common import batch, events, sqlite_calls, topics
from services.common.cases_view import CaseState, CasesView
from services.common.consumer import Origin
from services.common.store import Store, claim_event, claim_events, claim_events_now

from . import decisions, intakes, reasons, rows
from .emit import GATE_ACTOR, Emitter
from .expiry import ExpirySweep
from .intakes import PendingIntakes
from .numbering import SequenceBook
from .phrases import only_phrases
from .policy import PolicySource
from .rows import Row
from .tables import edits, next_seq, sequences

logger = logging.getLogger(__name__)

CONSUMER = "approval"
CASE_WAIT_SECONDS = 5.0
# How long a case may stay unknown once the case view is caught up before an event about
# it is given up on (dead-lettered): a genuine case event is seconds behind at most, and
# a signed event naming a case that was never registered must not hold its partition.
UNKNOWN_CASE_GIVE_UP_SECONDS = 30.0
_MISSING_TRACKED = 10_000


class CaseNotYetKnown(RuntimeError):
    """The case registry event has not arrived yet; retry (it is on its way)."""

    retriable = True


class UnknownCase(ValueError):
    """No such case, still, after UNKNOWN_CASE_GIVE_UP_SECONDS: not retriable, so the
    consumer dead-letters the event and the partition moves on."""


class NotAuthoritative(ValueError):
    """An event on a topic whose writer may not say this (dead-lettered by the loop)."""


# what each decision topic's one writer may decide
AUTHORITY = {
    topics.REVIEWS.name: frozenset({"approve", "reject", "edit"}),  # approval (approvers)
    topics.WITHDRAWALS.name: frozenset({"withdraw"}),  # ingest (the author's undo)
}


class ApprovalGate:
    def __init__(self, *, store: Store, cases: CasesView, emitter: Emitter,
                 policy: PolicySource, view_ready: asyncio.Event | None = None) -> None:
        self.store = store
        self.cases = cases
        self.emit = emitter
        self.policy = policy
        # Set once the case view has replayed `orcast.cases` to its end: before that a
        # revoked case could still look active (e.g. right after a restart).
        self.view_ready = view_ready
        self._missing_since: dict[str, float] = {}  # case id -> first seen unknown
        self.expiry = ExpirySweep(store=store, emitter=emitter)

    async def on_event(self, event: events.Event, origin: Origin) -> None:
        if origin.topic != topics.MILESTONES_DEIDENTIFIED.name:
            await self._write_pending()  # what it reads and sends comes after them
        if origin.topic == topics.CASES.name:
            await self.on_case(event, origin)
        elif origin.topic in AUTHORITY:
            if event.data["decision"] not in AUTHORITY[origin.topic]:
                raise NotAuthoritative(f"{event.data['decision']} on {origin.topic}")
            await self.on_review(event, origin)
        else:
            await self.on_deidentified(event, origin)

    async def _case(self, case_id: str) -> CaseState:
        if self.view_ready is not None and not self.view_ready.is_set():
            try:
                await asyncio.wait_for(self.view_ready.wait(), CASE_WAIT_SECONDS)
            except TimeoutError:
                raise CaseNotYetKnown(case_id) from None
        case = await self.cases.wait_for(case_id, CASE_WAIT_SECONDS)
        if case is not None:
            self._missing_since.pop(case_id, None)
            return case
        now = time.monotonic()
        if len(self._missing_since) >= _MISSING_TRACKED:
            self._missing_since.clear()
        since = self._missing_since.setdefault(case_id, now)
        if now - since >= UNKNOWN_CASE_GIVE_UP_SECONDS:
            raise UnknownCase(f"no case {case_id} after {UNKNOWN_CASE_GIVE_UP_SECONDS:.0f} s")
        raise CaseNotYetKnown(case_id)

    # --- de-identified milestones ------------------------------------------------------

    async def on_deidentified(self, event: events.Event, origin: Origin) -> None:
        data = event.data
        case = await self._case(data["case_id"])
        revision = data.get("revision", 0) > 0
        pending = None if revision else self._pending()
        if pending is not None:  # claimed, numbered and inserted with the batch's others
            pending.hold(event.claim_key, data["update_id"], self._intake(data, case), case)
            return
        async with self.store.begin() as conn:
            if await self._claim_and_read(conn, event.claim_key, case.case_id):
                if revision:
                    await self._write_pending(conn)
                    changed = await self._revise(conn, data, case)
                else:
                    values = self._intake(data, case)
                    for value in values:
                        if value["state"] == "approved":
                            value["seq"] = await self._next_seq(conn, case.case_id,
                                                                value["audience"])
                    changed = await intakes.insert(conn, values)
            else:
                await self._write_pending(conn)
                changed = await rows.of_update(conn, data["update_id"])
        if batch.current() is None and any(row.state == "held" for row in changed):
            self.expiry.changed()  # committed now (`_holds_one`)
        await self.announce(changed, case)

    async def _claim_and_read(self, conn: AsyncConnection, claim_key: str,
                              case_id: str) -> bool:
        """`claim_event`; inside a batch (a revision: new milestones are claimed by
        `PendingIntakes.write`), its first claim (every milestone of the batch) and the
        read of its cases' counters are one call into SQLite's worker thread (the next
        find both done). Claimed first, as one at a time."""
        scope, book = batch.current(), self._book()
        if scope is None or book is None or not scope.has_claims_for(claim_key):
            return await claim_event(conn, CONSUMER, claim_key)
        if scope.claimed_already(CONSUMER, claim_key) and book.has_read(case_id):
            return await scope.claim(conn, CONSUMER, claim_key, claim_events)  # no statement

        def claim_then_read(sync: Connection) -> bool:
            claimed = scope.claim_now(sync, CONSUMER, claim_key, claim_events_now)
            book.read(sync, case_id)
            return claimed

        return await sqlite_calls.in_one_call(conn, claim_then_read)

    def _pending(self) -> PendingIntakes | None:
        """The consumer batch's new review rows, inserted together (intakes.py), if any."""
        scope = batch.current()
        if scope is None:
            return None

        def claim(conn: Connection, claim_key: str) -> bool:
            return scope.claim_now(conn, CONSUMER, claim_key, claim_events_now)

        def make() -> PendingIntakes:
            book = self._book()
            assert book is not None  # in the same batch
            return PendingIntakes(self.announce, claim=claim, book=book)

        return batch.local(self.store, (self, PendingIntakes), make)

    async def _write_pending(self, conn: AsyncConnection | None = None) -> None:
        """Before a batch's handler reads reviews or sends: the rows held so far, stored
        and announced."""
        pending = self._pending()
        if pending is None:
            return
        if conn is not None:
            await pending.flush(conn)
            return
        async with self.store.begin() as joined:
            await pending.flush(joined)

    def _intake(self, data: dict[str, Any], case: CaseState) -> list[dict[str, Any]]:
        """The review rows a new milestone makes, one per audience of the case's scope;
        approved ones without their number yet (given once the event is claimed)."""
        policy = self.policy.current()
        now = events.now()
        phrase_only = data["verdict"] == "clean" and only_phrases(
            case.procedure, data["phrase_ids"], data["text"])
        created: list[dict[str, Any]] = []
        for audience in sorted(case.scope):
            decision = policy.decide(audience, verdict=data["verdict"], phrase_only=phrase_only)
            if decision is None:
                continue
            expires_at = events.parse_time(data["received_at"]) + timedelta(
                seconds=decision.freshness_seconds)
            state, reason = "held", None
            if not case.broadcastable(audience, now):
                state, reason = "blocked", "consent or case not in force"
            elif expires_at <= now:
                state, reason = "expired", "not decided in time"
            elif decision.automatic:
                state = "approved"
            note = reasons.held_note(data["verdict"], data["reasons"]) if state == "held" else None
            if state == "held":
                self._holds_one()
            created.append(dict(
                update_id=data["update_id"], audience=audience, case_id=case.case_id,
                state=state, milestone=data["milestone"], text=data["text"],
                verdict=data["verdict"], counts=data["counts"],
                redactions=data["redactions"], reasons=data["reasons"],
                phrase_only=phrase_only, phrase_ids=data["phrase_ids"], author=data["author"],
                occurred_at=data["occurred_at"], received_at=data["received_at"],
                expires_at=expires_at, tiers_required=decision.tiers, approvals=[], seq=None,
                decided_by=None, decided_at=now if state != "held" else None,
                reason=reason, created_at=now, version=0, pending_revision=0, note=note,
                # its server default, named: with no default left to fill, a batch's
                # rows go to the driver as they are (common/many_rows.py)
                revision=0,
            ))
        return created

    def _holds_one(self) -> None:
        """A new held row: the expiry sweep looks at the next tick, and again once the
        row is committed (a sweep that read before the commit did not see it; outside a
        batch `on_deidentified` says so after its transaction). Only a new
        held row can fall due earlier than the sweep expects: every other change ends a
        hold (issue 14: marking every event a change made the sweep read the reviews
        twice a second under load, auto-approved milestones and all)."""
        self.expiry.changed()
        if batch.current() is not None:
            batch.after_commit(self.expiry.changed)

    async def _revise(self, conn: AsyncConnection, data: dict[str, Any], case: CaseState) \
            -> list[Row]:
        """An approver's edit, de-identified again: it replaces the text of every
        audience still held, and counts as the editor's approval unless quarantined."""
        edit = (await conn.execute(sa.select(edits).where(
            edits.c.edit_id == data.get("edit_id", "")))).first()
        if edit is None or (edit.update_id, edit.revision) != (data["update_id"],
                                                               data["revision"]):
            logger.warning("de-identified revision %d of %s matches no edit sent; ignored",
                           data["revision"], data["update_id"])
            return []
        policy = self.policy.current()
        now = events.now()
        changed = []
        for row in await rows.of_update(conn, data["update_id"]):
            if row.state != "held" or row.revision >= data["revision"]:
                continue
            stopped = self._stopped(row, case, now)
            if stopped is not None:
                changed.append(await rows.change(conn, row, **stopped))
                continue
            rule = policy.decide(row.audience, verdict=data["verdict"], phrase_only=False)
            if rule is None:
                continue
            result = decisions.revise(row, data, rule, editor=dict(edit.editor),
                                      four_eyes=policy.four_eyes(row.audience), now=now)
            changed.append(await self._write(conn, row, result))
        return changed

    # --- human decisions ---------------------------------------------------------------

    async def on_review(self, event: events.Event, origin: Origin) -> None:
        data = event.data
        case = await self._case(data["case_id"])
        async with self.store.begin() as conn:
            if await claim_event(conn, CONSUMER, event.claim_key):
                changed = await self._decide(conn, data, case)
            else:
                changed = await rows.of_update(conn, data["update_id"], data.get("audience"))
        await self.announce(changed, case)

    async def _decide(self, conn: AsyncConnection, data: dict[str, Any], case: CaseState) \
            -> list[Row]:
        policy = self.policy.current()
        now = events.now()
        decision, reviewer = data["decision"], data["reviewer"]
        changed = []
        for row in await rows.of_update(conn, data["update_id"], data.get("audience")):
            if decision != "withdraw":
                stopped = self._stopped(row, case, now) if row.state == "held" else None
                if stopped is not None:
                    changed.append(await rows.change(conn, row, **stopped))
                    continue
            try:
                decisions.check(row, decision, reviewer, four_eyes=policy.four_eyes(
                    row.audience), now=now, revision=data.get("revision"))
            except decisions.Refused as refused:
                logger.info("review %s/%s: %s not applied (%s)", row.update_id, row.audience,
                            decision, refused.code)
                continue
            result = decisions.outcome(row, decision, reviewer, now=now,
                                       reason_code=data.get("reason_code"),
                                       revision=data.get("revision"))
            if result.values:
                changed.append(await self._write(conn, row, result))
        return changed

    def _stopped(self, row: Row, case: CaseState, now: datetime) -> dict[str, Any] | None:
        """A held row that may no longer go out: expired, or consent/case not in force."""
        if decisions.expired(row, now):
            return {"state": "expired", "reason": "not decided in time", "decided_at": now}
        if not case.broadcastable(row.audience, now):
            return {"state": "blocked", "reason": "consent or case not in force",
                    "decided_at": now}
        return None

    async def _write(self, conn: AsyncConnection, row: Row, result: decisions.Outcome) -> Row:
        values = dict(result.values)
        if result.number:
            values["seq"] = await self._next_seq(conn, row.case_id, row.audience)
        return await rows.change(conn, row, **values)

    def _book(self) -> SequenceBook | None:
        """The consumer batch's counters (read at once for every case it names), if any."""
        scope = batch.current()
        if scope is None:
            return None
        return batch.local(self.store, (self, SequenceBook), lambda: SequenceBook(
            str(event.data["case_id"]) for event, _ in scope.events
            if isinstance(event.data.get("case_id"), str)))

    async def _next_seq(self, conn: AsyncConnection, case_id: str, audience: str) -> int:
        book = self._book()
        if book is not None:
            return await book.next(conn, case_id, audience)
        return await next_seq(conn, case_id, audience)

    async def announce(self, changed: list[Row], case: CaseState) -> None:
        """Produce what the decisions mean, all at once: each event stands alone (ids
        derived from the decision, consumers order by seq and state, not by arrival),
        and the offset is committed only after every one is acked."""
        sends = []
        for row in changed:
            if row.state == "approved":
                sends += [self.emit.approved(row, case), self.emit.status(row, "approved")]
            elif row.state == "withdrawn" and row.seq is not None:
                sends += [self.emit.retract_one(row, case, "author",
                                                row.decided_by or GATE_ACTOR),
                          self.emit.status(row, "withdrawn")]
            else:
                sends.append(self.emit.status(row, row.state))
        if batch.current() is not None:
            # Held by the batch: each returns without waiting for anything, so in turn
            # is the same order without a task per event (issue 14: most of announcing).
            for send in sends:
                await send
            return
        await asyncio.gather(*sends)

    # --- the kill switch ---------------------------------------------------------------

    async def on_case_seen(self, data: dict[str, Any]) -> None:
        """Fast path, from the case-view consumer (never behind a backlog of milestones):
        a live revocation or expiry is retracted the moment it is seen. The ordered path
        (`on_case`) retracts again after anything this instance approved before it."""
        await self.cases.apply_and_notify(data)
        if self.view_ready is not None and not self.view_ready.is_set():
            return  # replaying history: the group consumer handles those in order
        reason = _kill_reason(data)
        if reason in ("consent_revoked", "consent_expired"):
            await self._retract_all(CaseState.from_event(data), reason)

    async def on_case(self, event: events.Event, origin: Origin) -> None:
        data = event.data
        await self.cases.apply_and_notify(data)
        reason = _kill_reason(data)
        if reason is None:
            return
        case = CaseState.from_event(data)
        if reason != "case_ended":
            await self._retract_all(case, reason)
        now = events.now()
        async with self.store.begin() as conn:
            blocked = [await rows.change(conn, row, state="blocked", reason=reason,
                                         decided_at=now)
                       for row in await rows.held_of_case(conn, case.case_id)]
        if blocked:
            logger.info("case %s: %s; %d held updates blocked", case.case_id, reason,
                        len(blocked))
        for row in blocked:
            await self.emit.status(row, "blocked")

    async def _retract_all(self, case: CaseState, reason: str) -> None:
        book = self._book()  # inside a batch: numbers it handed out count too
        async with self.store.begin() as conn:
            if book is not None:
                numbered = await book.last_numbers(conn, case.case_id)
            else:
                numbered = {row.audience: int(row.last_seq) for row in await conn.execute(
                    sa.select(sequences.c.audience, sequences.c.last_seq)
                    .where(sequences.c.case_id == case.case_id))}
        await asyncio.gather(*(
            self.emit.retract_case(case, reason, audience, numbered.get(audience, 0))
            for audience in sorted(case.scope)
        ))

    async def expire_due(self) -> int:
        """Held updates past their freshness window expire (expiry.py)."""
        return await self.expiry.sweep()


def _kill_reason(data: dict[str, Any]) -> str | None:
    """Why a case-state event stops the case's updates, if it does."""
    consent = data["consent"]["status"]
    if consent in ("revoked", "expired"):
        return "consent_revoked" if consent == "revoked" else "consent_expired"
    if data["status"] in ("ended", "revoked"):
        return "case_ended"
    return None
