"""Building an AuditLog on SQLite or PostgreSQL, synthetic events, and a way to tamper."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from services.audit.anchors import Anchor
from services.audit.checkpoints import Signer
from services.audit.log import AuditLog
from services.audit.tables import MIGRATIONS
from services.common import events
from services.common.consumer import Origin
from services.common.settings import Settings
from services.common.store import Store

SIGNER = Signer(hmac_key=b"k" * 32)
CODER = {"sub": "nurse-7", "role": "coordinator"}
APPROVER = {"sub": "dr-lee", "role": "approver"}


def store_url(tmp_path: Path, postgres_url: str | None = None) -> str:
    settings = Settings(data_dir=tmp_path, database_url=postgres_url, secret="x" * 32)
    return settings.database_url_for("audit")


@asynccontextmanager
async def open_log(url: str, *, every: int = 10, signer: Signer = SIGNER,
                   anchors: tuple[Anchor, ...] = ()) -> AsyncIterator[AuditLog]:
    store = Store(url, service="audit", migrations=MIGRATIONS)
    await store.open()
    try:
        yield AuditLog(store, signer=signer, checkpoint_every=every, anchors=anchors)
    finally:
        await store.close()


def case_state(case_id: str, broadcast_id: str, change: str = "registered") -> events.Event:
    return events.make_event("org.orcast.case.state.v1", service="cases", subject=case_id, data={
        "case_id": case_id, "broadcast_id": broadcast_id, "procedure": "lap_chole",
        "status": "active", "version": 1, "change": change, "changed_by": APPROVER,
        "consent": {"status": "active", "scope": ["students"],
                    "valid_until": "2030-01-01T00:00:00Z", "document_ref": "c.pdf"},
        "identifiers": {"v": 1, "alg": "HMAC-SHA256", "key_id": "0" * 16, "names": [],
                        "initials": [], "fuzzy": [], "mrn": [], "dob": []},
    })


def submitted(case_id: str, note: str = "Incision for Jane Roe") -> events.Event:
    event_id = str(uuid.uuid4())
    return events.make_event(
        "org.orcast.milestone.submitted.v1", service="ingest", subject=case_id, event_id=event_id,
        data={"event_id": event_id, "case_id": case_id, "milestone": "incision", "note": note,
              "phrase_ids": [], "occurred_at": "2026-01-01T10:00:00Z",
              "received_at": "2026-01-01T10:00:01Z", "author": CODER})


def deidentified(case_id: str, update_id: str) -> events.Event:
    return events.make_event(
        "org.orcast.milestone.deidentified.v1", service="deidentify", subject=case_id, data={
            "update_id": update_id, "case_id": case_id, "milestone": "incision",
            "text": "Incision for [NAME]", "verdict": "redacted", "counts": {"NAME": 2},
            "redactions": [], "reasons": [], "phrase_ids": [], "phrase_only": False,
            "occurred_at": "2026-01-01T10:00:00Z", "received_at": "2026-01-01T10:00:01Z",
            "author": CODER})


def approved(case_id: str, broadcast_id: str, update_id: str, seq: int) -> events.Event:
    return events.make_event(
        "org.orcast.update.approved.v1", service="approval", subject=case_id, data={
            "update_id": update_id, "case_id": case_id, "broadcast_id": broadcast_id,
            "seq": seq, "milestone": "incision", "text": "Incision for [NAME]",
            "audience": "students", "occurred_at": "2026-01-01T10:00:00Z",
            "approved_at": "2026-01-01T10:00:02Z", "approved_by": APPROVER})


def pipeline(count: int, case_id: str = "case-1", broadcast_id: str = "bc-1") \
        -> list[tuple[events.Event, Origin]]:
    """`count` events: one case state, then submitted/deidentified/approved triples."""
    found: list[events.Event] = [case_state(case_id, broadcast_id)]
    seq = 0
    while len(found) < count:
        sub = submitted(case_id)
        seq += 1
        found += [sub, deidentified(case_id, sub.id), approved(case_id, broadcast_id, sub.id, seq)]
    return [(e, Origin("t", 0, i)) for i, e in enumerate(found[:count])]


async def count_records(log: AuditLog) -> int:
    async with log.store.engine.connect() as conn:
        return int((await conn.execute(sa.text("SELECT count(*) FROM audit_records"))).scalar())


class Tamper:
    """Runs statements in their own committed transactions (so `verify` sees them)."""

    def __init__(self, log: AuditLog) -> None:
        self._log = log

    async def __call__(self, statement: str | Any, params: Any = None) -> Any:
        async with self._log.store.engine.begin() as conn:
            query = sa.text(statement) if isinstance(statement, str) else statement
            result = await conn.execute(query, params)
            return [dict(r) for r in result.mappings()] if result.returns_rows else None


@asynccontextmanager
async def tampering(log: AuditLog) -> AsyncIterator[Tamper]:
    """The append-only triggers out of the way (what someone with the database file, or a
    PostgreSQL superuser, can do); both tables are restored afterwards."""
    async with log.store.engine.begin() as conn:
        saved = {t: [dict(r) for r in (await conn.execute(sa.text(
            f"SELECT * FROM {t}"))).mappings()] for t in ("audit_records", "audit_checkpoints")}
        await _triggers(conn, enable=False)
    try:
        yield Tamper(log)
    finally:
        async with log.store.engine.begin() as conn:
            for table, rows in saved.items():
                await conn.execute(sa.text(f"DELETE FROM {table}"))
                if rows:
                    columns = ", ".join(f'"{c}"' for c in rows[0])
                    values = ", ".join(f":{c}" for c in rows[0])
                    await conn.execute(sa.text(
                        f"INSERT INTO {table} ({columns}) VALUES ({values})"), rows)
            await _triggers(conn, enable=True)


async def _triggers(conn: Any, *, enable: bool) -> None:
    if conn.dialect.name == "postgresql":
        verb = "ENABLE" if enable else "DISABLE"
        for table in ("audit_records", "audit_checkpoints"):
            await conn.execute(sa.text(f"ALTER TABLE {table} {verb} TRIGGER USER"))
        return
    from services.audit.tables import SQLITE_TRIGGERS

    if enable:
        for statement in SQLITE_TRIGGERS:
            await conn.exec_driver_sql(statement)
    else:
        for name in ("audit_records_no_update", "audit_records_no_delete",
                     "audit_checkpoints_no_update", "audit_checkpoints_no_delete"):
            await conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
