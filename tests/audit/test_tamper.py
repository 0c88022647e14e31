"""The chain and its signed checkpoints catch every kind of tampering, naming the first bad
record, on SQLite and PostgreSQL; the store itself refuses UPDATE and DELETE."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from services.audit import chain

from .support import open_log, pipeline, tampering

TARGETS = (1, 12, 25)
SAMPLE = {  # a different value of the right type for each column
    "seq": 999, "recorded_at": "2020-01-01T00:00:00.000000Z", "event_time": "2020-01-01T00:00Z",
    "actor_sub": "someone-else", "actor_role": "auditor", "action": "case.forged",
    "outcome": "forged", "case_id": "case-2", "broadcast_id": "bc-2",
    "event_id": "forged-id", "topic": "cases", "partition": 5, "offset": 77,
    "summary": "nothing happened", "prev_hash": "f" * 64, "hash": "e" * 64,
    "update_id": "00000000-0000-0000-0000-000000000000", "detail": '{"verdict":"clean"}',
    "event_source": "/orcast/forged",
}


async def test_every_field_edit_delete_reorder_and_truncation_is_named(audit_url: str) -> None:
    async with open_log(audit_url, every=10) as log:
        await log.on_batch(pipeline(25))
        assert await log.checkpoint() == 25
        clean = await log.verify()
        assert clean["ok"] and clean["records"] == 25 and clean["checkpoints"] == 3

        assert set(SAMPLE) == {*chain.CHAINED_FIELDS, *chain.OPTIONAL_FIELDS, "hash"}
        for index, (column, value) in enumerate(SAMPLE.items()):
            target = TARGETS[index % len(TARGETS)]  # first, middle and last rows
            async with tampering(log) as tamper:
                await tamper(f'UPDATE audit_records SET "{column}" = :v WHERE seq = :s',
                             {"v": value, "s": target})
                verdict = await log.verify()
            assert verdict["ok"] is False, column
            assert verdict["first_bad_seq"] == target, (column, verdict)
        assert (await log.verify())["ok"]  # restored

        async with tampering(log) as tamper:  # delete one record in the middle
            await tamper("DELETE FROM audit_records WHERE seq = 7")
            verdict = await log.verify()
        assert (verdict["first_bad_seq"], verdict["reason"]) == (7, "record 7 is missing")

        async with tampering(log) as tamper:  # swap two records' places
            await tamper("UPDATE audit_records SET seq = -5 WHERE seq = 5")
            await tamper("UPDATE audit_records SET seq = 5 WHERE seq = 6")
            await tamper("UPDATE audit_records SET seq = 6 WHERE seq = -5")
            verdict = await log.verify()
        assert verdict["first_bad_seq"] == 5

        async with tampering(log) as tamper:  # cut the tail: still a valid chain, 1..17
            await tamper("DELETE FROM audit_records WHERE seq > 17")
            assert chain.verify(await tamper("SELECT * FROM audit_records ORDER BY seq")).ok
            verdict = await log.verify()
        assert verdict["ok"] is False and verdict["first_bad_seq"] == 18, verdict
        assert "missing" in verdict["reason"]

        async with tampering(log) as tamper:  # rewrite the tail, re-hashing it consistently
            rows = await tamper("SELECT * FROM audit_records WHERE seq >= 15 ORDER BY seq")
            await tamper("DELETE FROM audit_records WHERE seq >= 15")
            prev = rows[0]["prev_hash"]
            for row in rows:
                row["summary"] = "rewritten" if row["seq"] == 15 else row["summary"]
                row["prev_hash"] = prev
                row["hash"] = prev = chain.link(prev, row)
                await tamper(sa.insert(sa.table("audit_records", *[
                    sa.column(c) for c in row])).values(**row))
            verdict = await log.verify()
        assert verdict["ok"] is False and verdict["first_bad_seq"] == 20, verdict
        assert "differs from the signed one" in verdict["reason"]

        async with tampering(log) as tamper:  # forge a checkpoint
            await tamper("UPDATE audit_checkpoints SET hash = :h WHERE seq = 10",
                         {"h": "a" * 64})
            verdict = await log.verify()
        assert verdict["first_bad_seq"] == 10 and "signature" in verdict["reason"]
        assert (await log.verify())["ok"]


async def test_store_refuses_update_delete_and_truncate(audit_url: str) -> None:
    async with open_log(audit_url, every=2) as log:
        await log.on_batch(pipeline(4))
        statements = ["UPDATE audit_records SET summary = 'x'",
                      "DELETE FROM audit_records WHERE seq = 4",
                      "UPDATE audit_checkpoints SET hash = 'x'",
                      "DELETE FROM audit_checkpoints"]
        if log.store.dialect == "postgresql":
            statements += ["TRUNCATE audit_records", "TRUNCATE audit_checkpoints"]
        for statement in statements:
            with pytest.raises(DBAPIError, match="append-only"):
                async with log.store.engine.begin() as conn:
                    await conn.execute(sa.text(statement))
        assert (await log.verify())["records"] == 4


async def test_redelivery_appends_nothing(audit_url: str) -> None:
    async with open_log(audit_url) as log:
        batch = pipeline(7)
        await log.on_batch(batch)
        await log.on_batch(batch[2:] + batch[:3])  # redelivered, overlapping, repeated
        for event, origin in batch:
            await log.on_event(event, origin)
        verdict = await log.verify()
        assert verdict["ok"] and verdict["records"] == 7
