"""Hot-path rewrites that must change nothing: the request digest (receipts written
before must still match a repeat) and a status row read back by position."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from services.common import events
from services.common.store import Store
from services.ingest.rows import record_from_row, row_values
from services.ingest.status import Record
from services.ingest.submit import digest
from services.ingest.tables import statuses
from tests.support.stack import Stack, new_event_id, now_iso

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)


def digest_as_before(body: dict[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


@settings(max_examples=300, deadline=None)
@given(event_id=TEXT, case_id=TEXT, milestone=TEXT, note=TEXT, occurred_at=TEXT,
       phrase_ids=st.lists(TEXT, max_size=4))
def test_the_digest_is_the_one_receipts_were_written_with(
        event_id: str, case_id: str, milestone: str, note: str, occurred_at: str,
        phrase_ids: list[str]) -> None:
    body = {"event_id": event_id, "case_id": case_id, "milestone": milestone, "note": note,
            "phrase_ids": phrase_ids, "occurred_at": occurred_at}
    assert digest(body) == digest_as_before(body)


def test_what_orjson_refuses_is_digested_or_refused_as_json_did() -> None:
    body = {"note": "n", "n": 1 << 70}  # (the schema allows neither; jsonlimits refuses
    assert digest(body) == digest_as_before(body)  # lone surrogates before this)
    for fingerprint in (digest, digest_as_before):
        with pytest.raises(UnicodeEncodeError):
            fingerprint({"note": "\ud800 alone"})


async def test_a_status_row_reads_back_the_same_by_position_or_by_name(api: Stack) -> None:
    store = api.parts("ingest").store
    assert isinstance(store, Store)
    record = Record(event_id=new_event_id(), case_id="case-rows", milestone="incision",
                    author_sub="nurse", occurred_at=now_iso(), received_at=events.now(),
                    reasons=["name"], deid_facts={"removed": {"name": 1}})
    record.audience_state("students", "approved", at=now_iso(), seq=4)
    record.revision, record.updated_at = 3, events.now()
    async with store.begin() as conn:
        await conn.execute(statuses.insert().values(event_id=record.event_id,
                                                    **row_values(record)))
        whole = (await conn.execute(sa.select(statuses).where(
            statuses.c.event_id == record.event_id))).one()
        reordered = (await conn.execute(sa.select(*reversed(list(statuses.c))).where(
            statuses.c.event_id == record.event_id))).one()
    assert record_from_row(whole) == record_from_row(reordered)
    read = record_from_row(whole)
    assert read.received_at is not None and read.received_at.tzinfo is not None
    assert (read.event_id, read.audiences, read.reasons, read.deid_facts, read.revision) == \
        (record.event_id, record.audiences, record.reasons, record.deid_facts, 3)
