"""One batch, one chain segment, in one call into SQLite's worker thread.

Why: each call there is a queue put and two thread wakes; an append took six of them
(lock, look-ups, insert, commit), which cost the audit hop more CPU than the statements
themselves (issue 14). And the segment still names each record's broadcast when the
cache that usually gives it is empty (a restart).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from services.audit.tables import MIGRATIONS, records
from services.common.consumer import Origin
from services.common.store import Store
from tests.support.worker_calls import WorkerCalls

from .support import approved, deidentified, open_log, store_url, submitted


async def test_a_batch_is_appended_in_one_call_into_sqlites_worker(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async with open_log(store_url(tmp_path), every=1000) as log:
        first = submitted("c1")
        batch = [(first, Origin("milestones.submitted", 0, 0)),
                 (deidentified("c1", first.id), Origin("milestones.deidentified", 0, 0)),
                 (approved("c1", "b1", first.id, 1), Origin("updates.approved", 0, 0))]
        await log.on_batch(batch[:1])  # the connection and its statements, warm
        calls = WorkerCalls(monkeypatch)
        await log.on_batch(batch[1:])
        assert calls.reset() == 1
        await log.on_batch(batch)  # a redelivery: nothing new, still one call
        assert calls.reset() == 1
        verdict = await log.verify()
        assert verdict["ok"] and verdict["records"] == 3


async def test_a_restarted_log_finds_the_broadcast_of_a_case_in_its_records(
        audit_url: str) -> None:
    async with open_log(audit_url) as log:
        first = submitted("c1")
        await log.on_batch([(approved("c1", "b1", first.id, 1),
                             Origin("updates.approved", 0, 0))])
    async with open_log(audit_url) as restarted:  # an empty cache
        later = submitted("c1")
        await restarted.on_batch([(later, Origin("milestones.submitted", 0, 0)),
                                  (submitted("c2"), Origin("milestones.submitted", 0, 1))])
        async with restarted.store.engine.connect() as conn:
            found = (await conn.execute(sa.select(records.c.case_id, records.c.broadcast_id)
                                        .order_by(records.c.seq))).all()
        assert [tuple(r) for r in found] == [("c1", "b1"), ("c1", "b1"), ("c2", None)]
        assert restarted._broadcasts == {"c1": "b1"}  # remembered for the next batch
        assert (await restarted.verify())["ok"]


async def test_event_ids_have_no_index_of_their_own_after_migration_4(audit_url: str) -> None:
    """Every insert paid a random b-tree write into an index of event ids that only the
    redelivery check read; it reads the unique (topic, event source, event id) index
    now. A log at version 3 loses the index; redeliveries are still dropped."""
    store = Store(audit_url, service="audit", migrations=MIGRATIONS[:3])
    await store.open()
    async with store.begin() as conn:
        await conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_audit_records_event_id "
                                   "ON audit_records (event_id)")  # as version 3 made it
    await store.close()
    async with open_log(audit_url) as log:
        async with log.store.engine.connect() as conn:
            indexed = await conn.run_sync(
                lambda sync: [i["column_names"] for i in
                              sa.inspect(sync).get_indexes("audit_records")])
        assert ["event_id"] not in indexed
        assert ["topic", "event_source", "event_id"] in indexed
        first = submitted("c1")
        origin = Origin("milestones.submitted", 0, 0)
        assert await log.append_many([log.fields_for(first, origin)]) == 1
        assert await log.append_many([log.fields_for(first, origin)]) == 0
