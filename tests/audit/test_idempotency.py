"""Audit's idempotency is per source event: (topic, event source, event id).

What broke: audit dropped any event id it had already stored, from any topic, so a
coordinator who gave a milestone the id the revocation would get made the revocation
(and who revoked) vanish from the log while verification still said ok.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from services.audit import chain
from services.audit.log import AuditLog
from services.audit.tables import MIGRATIONS, records
from services.common import events
from services.common.consumer import Origin
from services.common.store import Migration, Store
from tests.support.stack import Stack, eventually

from .support import SIGNER, case_state, count_records, open_log, pipeline, submitted


def _revocation(case_id: str, event_id: str) -> events.Event:
    state = case_state(case_id, "bc-1", change="revoked")
    return events.make_event(state.type, service="cases", subject=case_id, event_id=event_id,
                             data={**state.data, "status": "revoked",
                                   "consent": {**state.data["consent"], "status": "revoked"}})


def _milestone_with_id(case_id: str, event_id: str) -> events.Event:
    sub = submitted(case_id)
    return events.make_event(sub.type, service="ingest", subject=case_id, event_id=event_id,
                             data={**sub.data, "event_id": event_id})


async def _actions(log: AuditLog) -> list[tuple[str, str, str]]:
    async with log.store.engine.connect() as conn:
        rows = await conn.execute(sa.select(records.c.topic, records.c.action,
                                            records.c.outcome).order_by(records.c.seq))
        return [tuple(r) for r in rows.all()]


async def test_a_chosen_id_cannot_hide_another_sources_event(audit_url: str) -> None:
    collided = events.derived_id("revocation", "case-1")  # the id the revocation will get
    milestone = _milestone_with_id("case-1", collided)
    revocation = _revocation("case-1", collided)
    async with open_log(audit_url) as log:
        await log.on_event(milestone, Origin("milestones.submitted", 0, 0))
        await log.on_batch([(revocation, Origin("cases", 3, 9))])
        assert await _actions(log) == [
            ("milestones.submitted", "milestone.submitted", "accepted"),
            ("cases", "case.state", "revoked")]
        # a genuine redelivery of either record is still stored once
        await log.on_batch([(revocation, Origin("cases", 3, 9)),
                            (milestone, Origin("milestones.submitted", 0, 0))])
        await log.on_event(revocation, Origin("cases", 3, 9))
        assert await count_records(log) == 2
        # the same id from another source on the same topic is another record too
        forged = events.make_event(revocation.type, service="ingest", subject="case-1",
                                   event_id=collided, data=revocation.data)
        await log.on_event(forged, Origin("cases", 3, 10))
        assert await count_records(log) == 3
        assert (await log.verify())["ok"]


def _version_2_records() -> sa.Table:
    """audit_records as versions 1-2 created it: UNIQUE(event_id), no event_source."""
    return sa.Table("audit_records", sa.MetaData(), *[
        sa.Column(c.name, c.type, nullable=c.nullable, primary_key=c.primary_key,
                  autoincrement=False, unique=c.name == "event_id")
        for c in records.columns if c.name != "event_source"])


async def test_migration_3_keeps_old_records_and_their_redeliveries_stay_dropped(
        audit_url: str) -> None:
    old = _version_2_records()
    legacy = pipeline(5)
    store = Store(audit_url, service="audit", migrations=(
        Migration(1, "create audit records (append-only)", old.create), MIGRATIONS[1]))
    await store.open()
    try:
        log = AuditLog(store, signer=SIGNER)
        prev, rows = chain.GENESIS, []
        for seq, (event, origin) in enumerate(legacy, start=1):
            fields: dict[str, Any] = {k: v for k, v in log.fields_for(event, origin).items()
                                      if k != "event_source"}
            fields.update(seq=seq, recorded_at="2026-01-01T00:00:00.000000Z", prev_hash=prev)
            fields["hash"] = prev = chain.link(prev, fields)
            rows.append(fields)
        async with store.begin() as conn:
            await conn.execute(old.insert(), rows)
    finally:
        await store.close()

    async with open_log(audit_url) as log:  # applies migration 3
        assert (await log.verify())["ok"] and await count_records(log) == 5
        await log.on_batch(legacy)  # redelivered across the upgrade
        assert await count_records(log) == 5
        event, _ = legacy[1]
        await log.on_event(event, Origin("cases", 0, 99))  # same id, other topic: new
        await log.on_event(event, Origin("cases", 0, 99))
        assert await count_records(log) == 6
        assert (await log.verify())["ok"]
    async with open_log(audit_url) as log:  # and reopening migrates nothing twice
        assert (await log.verify())["records"] == 6


async def test_the_collision_attack_through_the_running_stack(stack: Stack) -> None:
    """A coordinator gives a milestone the id the revocation will get; both stay in the log."""
    case = await stack.register_case()
    case_id = case["case_id"]
    status, current, _ = await stack.request("GET", f"/api/v1/cases/{case_id}", role="admin")
    assert status == 200
    revocation_id = events.derived_id("cases-state", case_id, str(current["version"] + 1))
    status, _, _ = await stack.post_milestone(case_id, event_id=revocation_id, note="incision")
    assert status == 202
    status, _, _ = await stack.request("POST", f"/api/v1/cases/{case_id}/revoke", role="admin",
                                       sub="admin-who-revoked")
    assert status == 200

    async def both() -> list[dict[str, Any]]:
        async with audit_store(stack).engine.connect() as conn:
            rows = (await conn.execute(sa.select(records).where(sa.or_(
                records.c.event_id == revocation_id,
                records.c.update_id == revocation_id)))).mappings()
            found = [dict(r) for r in rows]
        actions = {r["action"] for r in found}
        return found if {"case.state", "milestone.submitted"} <= actions else []

    # Ingest mints the milestone's event id, so the client's id stays the update's id and
    # never the event's; audit would keep both even if it were (per-source idempotency).
    found = await eventually(both, 20, message="milestone and revocation both recorded")
    by_action = {r["action"]: r for r in found}
    assert by_action["case.state"]["outcome"] == "revoked"
    assert by_action["case.state"]["actor_sub"] == "admin-who-revoked"
    assert by_action["case.state"]["event_id"] == revocation_id
    assert by_action["milestone.submitted"]["topic"] == "milestones.submitted"
    status, verdict, _ = await stack.request("GET", "/api/v1/audit/verify", role="compliance")
    assert status == 200 and verdict["ok"]


def audit_store(stack: Stack) -> Store:
    store = stack.parts("audit").store
    assert isinstance(store, Store)
    return store


async def test_batches_of_one_shape_are_each_looked_up_by_their_own_ids(audit_url: str) -> None:
    """The repeat look-up is one statement per shape of batch (which topics and sources
    are known), reused with each batch's own topics, sources and ids: a later batch of
    the same shape finds its own repeats, never the earlier batch's."""
    first = pipeline(7, "case-1", "bc-1")
    second = [(event, Origin("u", 0, n)) for n, (event, _) in
              enumerate(pipeline(7, "case-2", "bc-2"))]
    async with open_log(audit_url) as log:
        await log.on_batch(first)
        await log.on_batch(second)  # the same shape, other topic and ids: all new
        assert await count_records(log) == 14
        await log.on_batch(second[4:] + first[:3])  # redelivered, mixed: none new
        await log.on_batch(second[:2])
        assert await count_records(log) == 14
        moved = [(event, Origin("v", 1, n)) for n, (event, _) in enumerate(first[:2])]
        await log.on_batch(moved + second[2:4])  # the same ids on another topic are new
        assert await count_records(log) == 16
        assert (await log.verify())["ok"]
