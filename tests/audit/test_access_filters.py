"""What a search was for is recorded as a keyed hash, never as typed.

What broke: the `actor`, `case_id` and `broadcast_id` filters of a search, timeline or
export were written verbatim into the append-only log, so a name typed into a filter
stayed there for good.
"""

from __future__ import annotations

import json
from urllib.parse import urlencode

import sqlalchemy as sa

from services.audit.api import LOG
from services.audit.tables import records
from services.common.settings import Settings
from tests.support.stack import start_stack, stop_stack

from .support import pipeline

TYPED = {"actor": "Maria Gonzalez", "case_id": "Gonzalez-Maria",
         "broadcast_id": "maria.gonzalez", "q": "Maria"}


async def test_typed_in_filters_are_kept_only_as_keyed_hashes(settings: Settings) -> None:
    stack = await start_stack(settings, ("audit",))
    try:
        log = stack.app[LOG]
        await log.on_batch(pipeline(4, case_id="case-known"))
        for path in ("/api/v1/audit?" + urlencode(TYPED),
                     "/api/v1/audit/export?format=jsonl&" + urlencode(TYPED),
                     "/api/v1/audit/cases/Gonzalez-Maria/timeline",
                     "/api/v1/audit?case_id=case-known"):
            status, _, _ = await stack.request("GET", path, role="compliance")
            assert status in (200, 404), (path, status)
        async with log.store.engine.connect() as conn:
            access = [dict(r) for r in (await conn.execute(
                sa.select(records).where(records.c.actor_sub == "test-compliance")
                .order_by(records.c.seq))).mappings()]
    finally:
        await stop_stack(stack)
    assert len(access) == 4
    for record in access:
        written = json.dumps(record).lower()
        assert "maria" not in written and "gonzalez" not in written, record
    search = json.loads(access[0]["detail"])
    assert search["actor"] == log.signer.keyed_hash("Maria Gonzalez")
    assert search["case_id"].startswith("hmac:") and search["text_filter"] is True
    assert "actor (hashed)" in access[0]["summary"]
    # a case the log knows is an id, not something typed: its timeline names it
    assert access[3]["case_id"] == "case-known" and access[0]["case_id"] is None
