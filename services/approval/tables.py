"""The review queue and the per-(case, audience) sequence counters."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from services.common.store import Migration

metadata = sa.MetaData()

reviews = sa.Table(
    "approval_reviews",
    metadata,
    sa.Column("update_id", sa.String(36), primary_key=True),
    sa.Column("audience", sa.String(16), primary_key=True),
    sa.Column("case_id", sa.String(64), nullable=False, index=True),
    # held | approved | rejected | expired | withdrawn | blocked
    sa.Column("state", sa.String(16), nullable=False, index=True),
    sa.Column("milestone", sa.String(64), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("verdict", sa.String(16), nullable=False),
    sa.Column("counts", sa.JSON, nullable=False),
    sa.Column("redactions", sa.JSON, nullable=False),
    sa.Column("reasons", sa.JSON, nullable=False),
    sa.Column("phrase_only", sa.Boolean, nullable=False),
    sa.Column("author", sa.JSON, nullable=False),
    sa.Column("occurred_at", sa.String(40), nullable=False),
    sa.Column("received_at", sa.String(40), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("tiers_required", sa.Integer, nullable=False),
    sa.Column("approvals", sa.JSON, nullable=False),  # [{sub, role, tier, at}]
    sa.Column("seq", sa.Integer, nullable=True),
    sa.Column("decided_by", sa.JSON, nullable=True),
    sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("reason", sa.Text, nullable=True),
    sa.Column("revision", sa.Integer, nullable=False, server_default="0"),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

# Columns of migration 2. A fresh database gets them from migration 1's create_all
# (same metadata), so migration 2 adds only what an older database lacks.
V2_COLUMNS = (
    # optimistic concurrency: every change is `... WHERE version = :seen`
    sa.Column("version", sa.Integer, nullable=False, server_default="0"),
    # an approver asked for revision n; it is being de-identified again
    sa.Column("pending_revision", sa.Integer, nullable=False, server_default="0"),
    sa.Column("editor", sa.JSON, nullable=True),
    sa.Column("note", sa.Text, nullable=True),  # why a held update waits (never PHI)
    sa.Column("phrase_ids", sa.JSON, nullable=True),
)
for _column in V2_COLUMNS:
    reviews.append_column(_column)
# A sequence number is used once per (case, audience): the database says so too.
SEQ_ONCE = sa.Index("approval_reviews_seq_once", reviews.c.case_id, reviews.c.audience,
                    reviews.c.seq, unique=True)

# Columns of migration 3: a rejection's code (on the topics, as a code and its label) and
# the approver's optional comment (free text: this database only, never a topic).
V3_COLUMNS = (
    sa.Column("reason_code", sa.String(32), nullable=True),
    sa.Column("reason_comment", sa.Text, nullable=True),
)
for _column in V3_COLUMNS:
    reviews.append_column(_column)

# Approval's own record of every edit it sends to de-identification: when the result
# comes back on `milestones.deidentified`, who edited which update is read here, never
# from the event (de-identification is not an authority on authorship).
edits = sa.Table(
    "approval_edits",
    metadata,
    sa.Column("edit_id", sa.String(36), primary_key=True),
    sa.Column("update_id", sa.String(36), nullable=False, index=True),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("editor", sa.JSON, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

sequences = sa.Table(
    "approval_sequences",
    metadata,
    sa.Column("case_id", sa.String(64), primary_key=True),
    sa.Column("audience", sa.String(16), primary_key=True),
    sa.Column("last_seq", sa.Integer, nullable=False),
)


def _create(conn: Connection) -> None:
    metadata.create_all(conn, tables=[reviews, sequences])


def _add_columns(conn: Connection, columns: tuple[sa.Column[Any], ...]) -> None:
    present = {c["name"] for c in sa.inspect(conn).get_columns(reviews.name)}
    for column in columns:
        if column.name in present:
            continue
        ddl = sa.schema.CreateColumn(column).compile(dialect=conn.dialect)
        conn.execute(sa.text(f"ALTER TABLE {reviews.name} ADD COLUMN {ddl}"))


def _v2(conn: Connection) -> None:
    """Columns for edits, notes and optimistic concurrency; a database created after
    they joined the table definition already has them."""
    _add_columns(conn, V2_COLUMNS)
    SEQ_ONCE.create(conn, checkfirst=True)


def _v3(conn: Connection) -> None:
    """Coded reject reasons with a private comment, and the edit ledger."""
    _add_columns(conn, V3_COLUMNS)
    metadata.create_all(conn, tables=[edits])


MIGRATIONS = (
    Migration(1, "create reviews and sequences", _create),
    Migration(2, "review edits, notes, row versions, unique seq", _v2),
    Migration(3, "reject reason codes and comments, edit ledger", _v3),
)


async def next_seq(conn: AsyncConnection, case_id: str, audience: str) -> int:
    """Allocate the next number in the caller's transaction: a rolled-back approval
    gives its number back, so the sequence has no gaps and no reuse."""
    updated = await conn.execute(
        sequences.update()
        .where(sequences.c.case_id == case_id, sequences.c.audience == audience)
        .values(last_seq=sequences.c.last_seq + 1)
        .returning(sequences.c.last_seq)
    )
    row = updated.first()
    if row is not None:
        return int(row.last_seq)
    try:
        await conn.execute(sequences.insert().values(case_id=case_id, audience=audience,
                                                     last_seq=1))
    except IntegrityError as exc:  # another instance numbered this case's first update
        raise Contended(f"first sequence number of {case_id}/{audience}") from exc
    return 1


class Contended(RuntimeError):
    """Another writer changed the row (or counter) first; the consumer retries the event,
    whose transaction rolled back, against the new state."""

    retriable = True
