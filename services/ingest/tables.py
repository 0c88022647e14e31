"""Ingest's tables: receipts (the idempotency key's memory) and update statuses.

DESIGN.md called ingest stateless; answering a repeated `event_id` with the
original answer (and producing nothing) needs the receipts table, and telling
the tablet where each update stands after a restart needs the status table,
which ingest's own consumer group fills from the downstream topics.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from services.common.store import Migration

metadata = sa.MetaData()

receipts = sa.Table(
    "ingest_receipts",
    metadata,
    sa.Column("event_id", sa.String(36), primary_key=True),
    sa.Column("case_id", sa.String(64), nullable=False, index=True),
    sa.Column("author_sub", sa.String(256), nullable=False),
    sa.Column("request_digest", sa.String(64), nullable=False),
    sa.Column("milestone", sa.String(64), nullable=False),
    sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
)

# One row per update; `audiences` and `channels` are small JSON maps
# (audience -> {state, reason, seq, at}; channel id -> {state, kind, url, error, at}).
# `revision` grows on every change, so a status stream can send only what changed.
statuses = sa.Table(
    "ingest_statuses",
    metadata,
    sa.Column("event_id", sa.String(36), primary_key=True),
    sa.Column("case_id", sa.String(128), nullable=False, index=True),
    sa.Column("milestone", sa.String(64), nullable=True),
    sa.Column("author_sub", sa.String(256), nullable=True),
    sa.Column("occurred_at", sa.String(40), nullable=True),
    sa.Column("received_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("verdict", sa.String(16), nullable=True),
    sa.Column("deid_revision", sa.Integer, nullable=False, default=-1),
    sa.Column("reasons", sa.JSON, nullable=False),
    sa.Column("deid_facts", sa.JSON, nullable=True),  # added by migration 3
    sa.Column("audiences", sa.JSON, nullable=False),
    sa.Column("channels", sa.JSON, nullable=False),
    sa.Column("withdraw_requested_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)


def _create(conn: Connection) -> None:
    metadata.create_all(conn, tables=[receipts])


def _create_statuses(conn: Connection) -> None:
    metadata.create_all(conn, tables=[statuses])


def _add_deid_facts(conn: Connection) -> None:
    """What was removed (categories and counts) and when an edit came back: the tablet's
    strip says so (issue 15). A fresh database got the column from migration 2."""
    present = {c["name"] for c in sa.inspect(conn).get_columns(statuses.name)}
    if "deid_facts" not in present:
        ddl = sa.schema.CreateColumn(statuses.c.deid_facts).compile(dialect=conn.dialect)
        conn.execute(sa.text(f"ALTER TABLE {statuses.name} ADD COLUMN {ddl}"))


MIGRATIONS = (
    Migration(1, "create receipts", _create),
    Migration(2, "create update statuses", _create_statuses),
    Migration(3, "update statuses: de-identification facts", _add_deid_facts),
)
