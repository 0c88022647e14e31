"""The append-only audit log and its signed checkpoints.

There is no update or delete path in the code. The store refuses them too: on
PostgreSQL a statement trigger raises on UPDATE, DELETE and TRUNCATE; on SQLite
row triggers abort UPDATE and DELETE. (Whoever owns the database file or is a
PostgreSQL superuser can still drop a trigger; the hash chain and the signed
checkpoints are what make that visible.)

`audit_head` holds one row that every append updates first: the row lock
serialises appenders across processes on both dialects (and makes SQLite take
its write lock at the start of the transaction, not halfway through).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from services.common.store import Migration

metadata = sa.MetaData()

records = sa.Table(
    "audit_records",
    metadata,
    sa.Column("seq", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True,
              autoincrement=False),
    sa.Column("recorded_at", sa.String(40), nullable=False, index=True),
    sa.Column("event_time", sa.String(40), nullable=True),
    sa.Column("actor_sub", sa.String(256), nullable=False),
    sa.Column("actor_role", sa.String(32), nullable=False),
    sa.Column("action", sa.String(64), nullable=False, index=True),
    sa.Column("outcome", sa.String(32), nullable=False),
    sa.Column("case_id", sa.String(64), nullable=True, index=True),
    sa.Column("broadcast_id", sa.String(64), nullable=True, index=True),
    # version 3: idempotency is per source event (topic, event source, id), not a global id;
    # version 4: looked up by that unique index alone (an index of its own cost each insert
    # a random b-tree write, ~10 µs on SQLite, for no reader)
    sa.Column("event_id", sa.String(128), nullable=False),
    sa.Column("topic", sa.String(249), nullable=True),
    sa.Column("partition", sa.Integer, nullable=True),
    sa.Column("offset", sa.BigInteger, nullable=True),
    sa.Column("summary", sa.String(1000), nullable=False),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
    # version 2: structured, PHI-free facts for the per-case timeline
    sa.Column("update_id", sa.String(64), nullable=True, index=True),
    sa.Column("detail", sa.Text, nullable=True),  # canonical JSON object
    sa.Column("event_source", sa.String(256), nullable=True),  # CloudEvents `source`
    sa.Index("ux_audit_records_source_event", "topic", "event_source", "event_id", unique=True),
)

checkpoints = sa.Table(
    "audit_checkpoints",
    metadata,
    sa.Column("seq", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True,
              autoincrement=False),
    sa.Column("hash", sa.String(64), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("algorithm", sa.String(16), nullable=False),  # ed25519 | hmac-sha256
    sa.Column("key_id", sa.String(32), nullable=False),
    sa.Column("signature", sa.String(200), nullable=False),  # base64
)

head = sa.Table(
    "audit_head",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("appends", sa.BigInteger, nullable=False),
)

def _forbid_changes(table: str) -> tuple[str, ...]:
    """PostgreSQL: refuse UPDATE, DELETE and TRUNCATE on `table` (one statement each:
    asyncpg prepares statements and refuses several in one)."""
    return (
        f"CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger AS $$ "
        f"BEGIN RAISE EXCEPTION '{table} is append-only'; END; $$ LANGUAGE plpgsql",
        f"DROP TRIGGER IF EXISTS {table}_no_change ON {table}",
        f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON {table} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only()",
    )


SQLITE_TRIGGERS = tuple(
    f"CREATE TRIGGER IF NOT EXISTS {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
    for table in ("audit_records", "audit_checkpoints") for verb in ("UPDATE", "DELETE")
)


def _create(conn: Connection) -> None:
    metadata.create_all(conn, tables=[records])
    if conn.dialect.name == "postgresql":
        for statement in _forbid_changes("audit_records"):
            conn.exec_driver_sql(statement)


def _checkpoints_and_details(conn: Connection) -> None:
    present = {c["name"] for c in sa.inspect(conn).get_columns("audit_records")}
    if "update_id" not in present:
        conn.exec_driver_sql("ALTER TABLE audit_records ADD COLUMN update_id VARCHAR(64)")
    if "detail" not in present:
        conn.exec_driver_sql("ALTER TABLE audit_records ADD COLUMN detail TEXT")
    for column in ("update_id", "recorded_at"):
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS ix_audit_records_{column} "
                             f"ON audit_records ({column})")
    metadata.create_all(conn, tables=[checkpoints, head])
    conn.execute(head.insert().values(id=1, appends=0))
    if conn.dialect.name == "postgresql":
        for statement in _forbid_changes("audit_checkpoints"):
            conn.exec_driver_sql(statement)
    else:
        for statement in SQLITE_TRIGGERS:
            conn.exec_driver_sql(statement)


def _per_source_idempotency(conn: Connection) -> None:
    """Drop the global UNIQUE(event_id): an id chosen by one source (a client's milestone)
    must not make another source's event with the same id (a revocation) vanish. Records
    are unique per (topic, event source, event id) instead; rows from before this version
    have no source (NULL) and keep their hashes."""
    inspector = sa.inspect(conn)
    present = {c["name"] for c in inspector.get_columns("audit_records")}
    global_unique = [u for u in inspector.get_unique_constraints("audit_records")
                     if u["column_names"] == ["event_id"]]
    if conn.dialect.name == "postgresql":
        if "event_source" not in present:
            conn.exec_driver_sql("ALTER TABLE audit_records ADD COLUMN event_source VARCHAR(256)")
        for constraint in global_unique:
            conn.exec_driver_sql(
                f'ALTER TABLE audit_records DROP CONSTRAINT "{constraint["name"]}"')
        for index in records.indexes:
            index.create(conn, checkfirst=True)
        return
    if global_unique or "event_source" not in present:
        _rebuild_sqlite_records(conn, present)
    for index in records.indexes:
        index.create(conn, checkfirst=True)


def _rebuild_sqlite_records(conn: Connection, present: set[str]) -> None:
    """SQLite cannot drop a table constraint: copy the rows into a table of the new shape.
    The append-only triggers go first (they would refuse nothing here, but must not follow
    the renamed table) and come back last; DROP TABLE fires no triggers."""
    for name in ("audit_records_no_update", "audit_records_no_delete"):
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    for index in sa.inspect(conn).get_indexes("audit_records"):
        conn.exec_driver_sql(f'DROP INDEX IF EXISTS "{index["name"]}"')
    conn.exec_driver_sql("ALTER TABLE audit_records RENAME TO audit_records_before_v3")
    metadata.create_all(conn, tables=[records])
    columns = ", ".join(f'"{c.name}"' for c in records.columns if c.name in present)
    conn.exec_driver_sql(f"INSERT INTO audit_records ({columns}) "
                         f"SELECT {columns} FROM audit_records_before_v3")
    conn.exec_driver_sql("DROP TABLE audit_records_before_v3")
    for statement in SQLITE_TRIGGERS:
        conn.exec_driver_sql(statement)


def _drop_event_id_index(conn: Connection) -> None:
    """Event ids are looked up by (topic, event source, event id) only (log.py)."""
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_audit_records_event_id")


MIGRATIONS = (
    Migration(1, "create audit records (append-only)", _create),
    Migration(2, "audit checkpoints, timeline details, append lock", _checkpoints_and_details),
    Migration(3, "per-source idempotency: unique (topic, event source, event id)",
              _per_source_idempotency),
    Migration(4, "event ids looked up by the unique source-event index alone",
              _drop_event_id_index),
)
