"""Tables owned by the cases service and their migrations.

Patient identifiers are kept only as keyed hashes (the same wire form the
de-identification gate matches against); the registry never stores the
plaintext name, MRN or date of birth.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from services.common.store import Migration

metadata = sa.MetaData()

cases = sa.Table(
    "cases_cases",
    metadata,
    sa.Column("case_id", sa.String(64), primary_key=True),
    sa.Column("broadcast_id", sa.String(64), nullable=False, unique=True),
    sa.Column("procedure", sa.String(64), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("state", sa.JSON, nullable=False),  # the latest case-state event payload
    sa.Column("created_by", sa.String(256), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("published_version", sa.Integer, nullable=False, server_default="0"),
)


# Columns of migration 2: the expiry sweep finds due consents by index, not by reading
# every case's state each second. A fresh database gets them from migration 1.
V2_COLUMNS = (
    sa.Column("consent_status", sa.String(16), nullable=False, server_default="active"),
    sa.Column("consent_until", sa.DateTime(timezone=True), nullable=True),
)
for _column in V2_COLUMNS:
    cases.append_column(_column)
CONSENT_DUE = sa.Index("cases_consent_due", cases.c.consent_status, cases.c.consent_until)


def _create(conn: Connection) -> None:
    metadata.create_all(conn, tables=[cases])


def _v2(conn: Connection) -> None:
    present = {c["name"] for c in sa.inspect(conn).get_columns(cases.name)}
    for column in V2_COLUMNS:
        if column.name not in present:
            ddl = sa.schema.CreateColumn(column).compile(dialect=conn.dialect)
            conn.execute(sa.text(f"ALTER TABLE {cases.name} ADD COLUMN {ddl}"))
    CONSENT_DUE.create(conn, checkfirst=True)
    for row in conn.execute(sa.select(cases.c.case_id, cases.c.state)).all():
        consent = row.state["consent"]
        until = datetime.fromisoformat(consent["valid_until"].replace("Z", "+00:00"))
        conn.execute(cases.update().where(cases.c.case_id == row.case_id).values(
            consent_status=consent["status"], consent_until=until))


MIGRATIONS = (
    Migration(1, "create cases", _create),
    Migration(2, "consent status and expiry columns", _v2),
)
