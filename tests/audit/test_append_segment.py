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

from services.audit.tables import records
from services.common.consumer import Origin
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
