"""The publisher's tables: the outbox, recorded retractions, pending announcements, leases.

`publisher_outbox` holds one row per (update, channel) and is the only truth
about what went where. Its states:

    pending ─▶ posted ─(retraction)─▶ deleted | delete_failed (retried until deleted)
       │  ▲
       ▼  │ (backoff)
      failed ──(max_attempts or a refusal)──▶ dead
    pending/failed ─(retraction before posting)─▶ cancelled

Times are Unix seconds as floats (wall clock): portable between SQLite and
PostgreSQL and comparable with the networks' reset headers.

`in_doubt_since` is set before every network write and cleared only once the
outcome is known: a row that has it after a crash or a timeout may exist on
the network, so it is looked up (or re-sent with the same key) before any
re-post. See `attempt.py`.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from services.common.store import Migration

metadata = sa.MetaData()

# Rows still to be delivered; a later row of the same thread waits behind them.
OPEN = ("pending", "failed")

outbox = sa.Table(
    "publisher_outbox",
    metadata,
    sa.Column("update_id", sa.String(36), primary_key=True),
    sa.Column("channel_id", sa.String(64), primary_key=True),
    sa.Column("channel_kind", sa.String(16), nullable=False),
    sa.Column("case_id", sa.String(128), nullable=False),
    sa.Column("broadcast_id", sa.String(128), nullable=False),
    sa.Column("audience", sa.String(16), nullable=False),
    sa.Column("seq", sa.Integer, nullable=False),
    # What to say: the approved, de-identified note and its labels.
    sa.Column("procedure_name", sa.String(200), nullable=False),
    sa.Column("milestone_label", sa.String(120), nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("approved_at", sa.Float, nullable=False),
    # What we sent: frozen once sent, so a retry or a lookup asks for the same post.
    sa.Column("text", sa.Text, nullable=True),
    sa.Column("idempotency_key", sa.String(64), nullable=False),
    sa.Column("reply_to", sa.JSON, nullable=True),  # {"remote_id", "url", "extra"}
    sa.Column("thread_root", sa.JSON, nullable=True),
    sa.Column("reply_to_seq", sa.Integer, nullable=True),
    # Delivery state.
    sa.Column("state", sa.String(16), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("next_attempt_at", sa.Float, nullable=False),
    sa.Column("attempt_started_at", sa.Float, nullable=True),
    sa.Column("in_doubt_since", sa.Float, nullable=True),
    sa.Column("last_error", sa.String(500), nullable=True),
    sa.Column("remote_id", sa.String(512), nullable=True),
    sa.Column("url", sa.String(1024), nullable=True),
    sa.Column("remote_extra", sa.JSON, nullable=True),
    sa.Column("posted_at", sa.Float, nullable=True),
    # Retraction.
    sa.Column("retract", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("retract_reason", sa.String(32), nullable=True),
    sa.Column("delete_attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("delete_next_at", sa.Float, nullable=True),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("updated_at", sa.Float, nullable=False),
    sa.Index("ix_publisher_outbox_due", "channel_id", "state", "next_attempt_at"),
    sa.Index("ix_publisher_outbox_thread", "case_id", "channel_id", "seq"),
)

# A retraction may overtake the approval it withdraws (two topics, no order
# between them), so it is remembered: a later-arriving approval it covers is
# cancelled on arrival instead of posted.
retractions = sa.Table(
    "publisher_retractions",
    metadata,
    sa.Column("event_id", sa.String(128), primary_key=True),
    sa.Column("case_id", sa.String(128), nullable=False, index=True),
    sa.Column("audience", sa.String(16), nullable=True),  # None: every audience
    sa.Column("seq", sa.Integer, nullable=True),  # None: every update
    sa.Column("update_id", sa.String(36), nullable=True),
    sa.Column("retracted_at", sa.Float, nullable=False),
)

# Publication events written in the same transaction as the state change they
# report, then sent by `Announcer` (a crash in between re-sends the same id).
announcements = sa.Table(
    "publisher_announcements",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(64), nullable=False),
    sa.Column("case_id", sa.String(128), nullable=False),
    sa.Column("payload", sa.LargeBinary, nullable=False),
)

# One deliverer per channel across replicas (see lease.py).
leases = sa.Table(
    "publisher_leases",
    metadata,
    sa.Column("channel_id", sa.String(64), primary_key=True),
    sa.Column("holder", sa.String(200), nullable=False),
    sa.Column("expires_at", sa.Float, nullable=False),
)


def _create(conn: Connection) -> None:
    metadata.create_all(conn, tables=[outbox, retractions, announcements, leases])


MIGRATIONS = (Migration(1, "create outbox, retractions, announcements, leases", _create),)
