"""The hash chain: `hash = SHA-256(prev_hash ‖ canonical JSON of the record)`.

Canonical JSON = keys sorted, no insignificant whitespace, UTF-8. Every field
except `hash` is covered, including `seq` and `prev_hash`, so editing,
deleting or reordering any record breaks the chain at that record.

Fields added after version 1 (`OPTIONAL_FIELDS`) are covered when they hold a
value and left out when NULL, so records written before they existed keep
their hashes; setting or clearing one later still changes the canonical form.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import orjson

GENESIS = "0" * 64
CHAINED_FIELDS = (
    "seq", "recorded_at", "event_time", "actor_sub", "actor_role", "action", "outcome",
    "case_id", "broadcast_id", "event_id", "topic", "partition", "offset", "summary",
    "prev_hash",
)
OPTIONAL_FIELDS = ("update_id", "detail", "event_source")


_ORDER = tuple(sorted((*CHAINED_FIELDS, *OPTIONAL_FIELDS)))
_OPTIONAL = frozenset(OPTIONAL_FIELDS)
_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)
# Values orjson writes byte for byte as the encoder above: every string (escapes and all),
# integers within 64 bits (it refuses larger ones), booleans and None. Not floats (orjson
# spells some otherwise: 1e-7, json 1e-07), nor subclasses.
SAME_IN_ORJSON = frozenset((str, int, bool, type(None)))


def canonical(record: Mapping[Any, Any]) -> bytes:
    # Keys inserted in sorted order == json.dumps(sort_keys=True), without a new encoder
    # per call (verification runs this a million times).
    body = {name: record[name] for name in _ORDER
            if name not in _OPTIONAL or record.get(name) is not None}
    if SAME_IN_ORJSON.issuperset(map(type, body.values())):  # in C: a generator cost ~2 µs
        try:  # the same bytes, ~4 µs less per record (issue 14: audit links every event)
            return orjson.dumps(body)
        except orjson.JSONEncodeError:  # an integer beyond 64 bits, a lone surrogate
            pass
    return _ENCODER.encode(body).encode()


def link(prev_hash: str, record: Mapping[Any, Any]) -> str:
    return hashlib.sha256(prev_hash.encode() + canonical(record)).hexdigest()


@dataclass(frozen=True, slots=True)
class Verification:
    ok: bool
    records: int
    first_bad_seq: int | None
    last_hash: str
    reason: str | None = None


class ChainWalker:
    """Feed rows in seq order (in chunks, so a million rows never sit in memory).

    After the first broken record it only counts: `first_bad_seq` names the
    first record that does not fit (for a deleted record, the missing seq).
    `hashes_at` collects the hash found at the requested seqs (checkpoints).
    """

    def __init__(self, watch: Iterable[int] = ()) -> None:
        self.prev_hash = GENESIS
        self.expected_seq = 1
        self.count = 0
        self.max_seq = 0
        self.first_bad_seq: int | None = None
        self.reason: str | None = None
        self._watch = set(watch)
        self.hashes_at: dict[int, str] = {}

    def feed(self, rows: Iterable[Mapping[Any, Any]]) -> None:
        for row in rows:
            self.count += 1
            seq = int(row["seq"])
            self.max_seq = max(self.max_seq, seq)
            if seq in self._watch:
                self.hashes_at[seq] = str(row["hash"])
            if self.first_bad_seq is not None:
                continue
            problem = self._check(seq, row)
            if problem is not None:
                self.first_bad_seq, self.reason = problem
                continue
            self.prev_hash, self.expected_seq = row["hash"], seq + 1

    def _check(self, seq: int, row: Mapping[Any, Any]) -> tuple[int, str] | None:
        if seq > self.expected_seq:
            return self.expected_seq, f"record {self.expected_seq} is missing"
        if seq != self.expected_seq:
            return seq, "record out of sequence"
        if row["prev_hash"] != self.prev_hash:
            return seq, "prev_hash does not match the previous record"
        if row["hash"] != link(self.prev_hash, row):
            return seq, "hash does not match the record's content"
        return None

    def result(self) -> Verification:
        return Verification(self.first_bad_seq is None, self.count, self.first_bad_seq,
                            self.prev_hash, self.reason)


def verify(rows: Iterable[Mapping[str, Any]]) -> Verification:
    """Walk the chain in seq order; name the first record that does not fit."""
    walker = ChainWalker()
    walker.feed(rows)
    return walker.result()
