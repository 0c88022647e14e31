"""The canonical form is a contract: changing it would orphan every stored hash."""

from __future__ import annotations

import hashlib
import json

import pytest

from services.audit import chain
from services.audit.log import canonical_json

RECORD = {
    "seq": 1, "recorded_at": "2026-01-01T10:00:00.000000Z", "event_time": "2026-01-01T10:00:00Z",
    "actor_sub": "nurse-7", "actor_role": "coordinator", "action": "milestone.submitted",
    "outcome": "accepted", "case_id": "c1", "broadcast_id": None, "event_id": "e1",
    "topic": "milestones.submitted", "partition": 0, "offset": 0,
    "summary": "milestone incision submitted; note 3 chars; phrases 0", "prev_hash": chain.GENESIS,
}
V1 = ('{"action":"milestone.submitted","actor_role":"coordinator","actor_sub":"nurse-7",'
      '"broadcast_id":null,"case_id":"c1","event_id":"e1","event_time":"2026-01-01T10:00:00Z",'
      '"offset":0,"outcome":"accepted","partition":0,"prev_hash":"' + chain.GENESIS + '",'
      '"recorded_at":"2026-01-01T10:00:00.000000Z","seq":1,'
      '"summary":"milestone incision submitted; note 3 chars; phrases 0",'
      '"topic":"milestones.submitted"}')


def test_canonical_form_is_stable_and_version_1_records_keep_their_hash() -> None:
    assert chain.canonical(RECORD).decode() == V1
    assert chain.canonical({**RECORD, "update_id": None, "detail": None}).decode() == V1
    assert chain.link(chain.GENESIS, RECORD) == \
        hashlib.sha256(chain.GENESIS.encode() + V1.encode()).hexdigest()
    with_detail = chain.canonical({**RECORD, "update_id": "u1", "detail": '{"a":1}'}).decode()
    assert with_detail.startswith('{"action"') and '"detail":"{\\"a\\":1}","event_id"' in \
        with_detail and with_detail.endswith('"topic":"milestones.submitted","update_id":"u1"}')


def _reference(record: dict[str, object]) -> bytes:
    """The canonical form as first defined: json, keys sorted, no spaces, UTF-8."""
    body = {k: v for k, v in record.items()
            if k not in chain.OPTIONAL_FIELDS or v is not None}
    return json.dumps(body, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode()


EVERY_CHARACTER = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


@pytest.mark.parametrize("changes", [
    {"summary": EVERY_CHARACTER},  # every escape orjson and json write alike
    {"actor_sub": "\"quoted\"\\back\\slash\n\t\x00\x1f\x7f\u2028\u2029é✓😀"},
    {"offset": 2**64 - 1, "partition": -(2**63), "seq": 2**63},
    {"offset": 2**64, "seq": -(2**63) - 1},  # beyond orjson: json writes them
    {"offset": 1e-7, "partition": 0.1 + 0.2, "detail": "1e-07"},  # floats: json's spelling
    {"broadcast_id": True, "topic": False, "update_id": "u", "event_source": "/orcast/x"},
])
def test_the_fast_canonical_form_is_byte_for_byte_json(changes: dict[str, object]) -> None:
    """orjson writes the chained records now (issue 14); a record whose bytes changed
    would no longer verify against the hash stored when it was appended."""
    record = {**RECORD, **changes}
    assert chain.canonical(record) == _reference(record)
    assert chain.link(chain.GENESIS, record) == \
        hashlib.sha256(chain.GENESIS.encode() + _reference(record)).hexdigest()


class Name(str):
    pass


def test_a_string_subclass_is_written_as_json_writes_it() -> None:
    record = {**RECORD, "actor_sub": Name("nurse-7"), "summary": Name("x")}
    assert chain.canonical(record) == _reference(record)


def test_a_lone_surrogate_is_refused_as_before() -> None:
    with pytest.raises(UnicodeEncodeError):  # json writes it, UTF-8 cannot
        chain.canonical({**RECORD, "summary": "lone \ud800 surrogate"})


@pytest.mark.parametrize("detail", [
    {"milestone": "incision", "counts": {"NAME": 2, "DATE": 1, "ÉCHO": 3, "z": 0, "ä": 1,
                                        "😀": 2, "\uffff": 1, "a\x00": 4}},
    {"reasons": ["b", "a", EVERY_CHARACTER], "revision": 0, "edited": False, "seq": None},
    {"resource": {"kind": "review", "id": "u1", "nested": [{"b": 1, "a": [2, {"d": 3}]}]}},
    {"big": 2**64, "small": -(2**63) - 1, "edge": 2**64 - 1},  # beyond orjson: json writes
    {"ratio": 0.1 + 0.2, "tiny": 1e-7},  # floats: json's spelling
    {"tuple": (1, 2), "name": Name("x")},  # not plain: json writes them
    {"lone": "a \ud800 surrogate"},  # json keeps it in the text; orjson refuses
    {1: "an int key"},  # json turns it into "1"
])
def test_the_detail_column_is_written_as_json_writes_it(detail: dict[str, object]) -> None:
    """`detail` is a chained field and stored as text (issue 14: orjson writes it when it
    can): the text must stay what json.dumps wrote, or new records would differ."""
    expected = json.dumps(detail, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert canonical_json(detail) == expected  # type: ignore[arg-type]
