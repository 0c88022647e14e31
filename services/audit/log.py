"""Appending to the audit log (in batches, idempotent per source event) and verifying it.

One transaction appends a whole batch: it takes the append lock (`audit_head`),
drops events already in the log (redelivery) or repeated in the batch,
links each record to the previous hash, inserts them together and signs a
checkpoint at every multiple of `checkpoint_every`.

A repeat is the same (topic, event source, event id), never the id alone: ids
are chosen by their sources (a client picks its milestone's), so one source
must not be able to make another's event look like a repeat and vanish. The consumer commits its
offsets only after that transaction, so delivery stays at-least-once and the
log still holds each event once.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple, cast

import orjson
import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection

from services.common import events, sqlite_calls
from services.common.auth import Principal
from services.common.consumer import Origin
from services.common.store import Store

from . import chain, summary
from .anchors import ANCHOR_FIELDS, Anchor, anchor_of
from .checkpoints import DEFAULT_EVERY, Signer
from .search import custom_plans
from .tables import checkpoints, head, records

logger = logging.getLogger(__name__)

VERIFY_CHUNK = 5000
MAX_UNANCHORED = 100
BROADCAST_CACHE = 10_000


def recorded_time(moment: datetime | None = None) -> str:
    """Fixed-width UTC timestamps, so text order is time order (range filters rely on it)."""
    return (moment or events.now()).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_json(value: Mapping[str, Any]) -> str:
    if _same_in_orjson(value):
        try:  # the same text, a fifth of the CPU (issue 14: one per audited event)
            return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()
        except orjson.JSONEncodeError:  # an integer beyond 64 bits, a lone surrogate
            pass
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _same_in_orjson(value: object) -> bool:
    """Whether orjson writes `value` byte for byte as `json.dumps` above: plain dicts with
    string keys and lists of what `chain.canonical` lets orjson write (no floats). A walk
    with a stack and set tests in C: recursion through generators cost more than the
    encoding it guards (one detail per audited event)."""
    waiting = [value]
    while waiting:
        item = waiting.pop()
        kind = type(item)
        if kind is dict:
            mapping = cast(dict[object, object], item)
            if not _STR_ONLY.issuperset(map(type, mapping)):
                return False
            waiting.extend(mapping.values())
        elif kind is list:
            waiting.extend(cast(list[object], item))
        elif kind not in chain.SAME_IN_ORJSON:
            return False
    return True


_STR_ONLY = frozenset((str,))


# Serialises appenders (row lock on `audit_head`; SQLite takes its write lock here).
_TAKE_LOCK = head.update().where(head.c.id == 1).values(appends=head.c.appends + 1)
_LAST = sa.select(records.c.seq, records.c.hash).order_by(records.c.seq.desc()).limit(1)
_INSERT = records.insert()
_FIELDS = (*chain.CHAINED_FIELDS, *chain.OPTIONAL_FIELDS)


async def _take_append_lock(conn: AsyncConnection) -> None:
    await custom_plans(conn)
    await conn.execute(_TAKE_LOCK)


_COMPILED_INSERTS: dict[str, tuple[str, Callable[[Mapping[str, Any]], tuple[Any, ...]]]] = {}


def _insert_records(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """One executemany of `rows` straight to the driver, the statement compiled once per
    dialect: SQLAlchemy's own parameter handling cost more than SQLite's insert."""
    compiled = _COMPILED_INSERTS.get(conn.dialect.name)
    if compiled is None:
        statement = _INSERT.compile(dialect=conn.dialect)
        assert statement.positiontup is not None  # qmark (SQLite), $n (asyncpg)
        names = tuple(statement.positiontup)
        # itemgetter of several names returns their tuple, in C (a generator cost ~3 µs)
        compiled = _COMPILED_INSERTS[conn.dialect.name] = (str(statement), itemgetter(*names))
    sql, values = compiled
    conn.exec_driver_sql(sql, [values(row) for row in rows])


class _Segment(NamedTuple):
    """What one append wrote: how many records, the checkpoints it signed, and the
    broadcast ids it had to look up (for the cache)."""

    appended: int
    signed: list[dict[str, Any]]
    found: dict[str, str]


def _lookup(topic_known: bool, source_known: bool, ids: str) -> sa.Select[Any]:
    """The records of one (topic, event source) whose event id is in bind parameter `ids`:
    that source's, or from before version 3 (no source). The topic and source are bind
    parameters `{ids}_topic` and `{ids}_source`."""
    on_topic = records.c.topic == sa.bindparam(f"{ids}_topic") if topic_known \
        else records.c.topic.is_(None)
    source = records.c.event_source == sa.bindparam(f"{ids}_source") if source_known \
        else records.c.event_source.is_(None)
    return sa.select(records.c.topic, records.c.event_source, records.c.event_id).where(
        on_topic, source, records.c.event_id.in_(sa.bindparam(ids, expanding=True)))


@lru_cache(maxsize=256)
def _lookups(shapes: tuple[tuple[bool, bool], ...]) -> sa.Executable:
    """One statement for a batch whose (topic, source) groups have these shapes (topic
    known, source known), built once: the ids travel as expanding parameters, so a batch
    no longer pays SQLAlchemy's coercion and compilation of every id (issue 14: that was
    most of an append's CPU)."""
    selects = []
    for group, (topic_known, source_known) in enumerate(shapes):
        if source_known:
            selects.append(_lookup(topic_known, True, f"g{group}"))
        selects.append(_lookup(topic_known, False, f"g{group}"))
    return selects[0] if len(selects) == 1 else sa.union_all(*selects)


def _unseen(conn: Connection, batch: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The records of `batch` whose source event is not in the log yet (nor earlier in
    the batch). Records from before version 3 carry no source: they match any source
    on their topic, so a redelivery across the upgrade is still dropped. Looked up by
    the unique (topic, event source, event id) index, the only one on event ids."""
    wanted: dict[tuple[Any, Any], set[str]] = {}
    for fields in batch:
        wanted.setdefault((fields.get("topic"), fields.get("event_source")), set()).add(
            str(fields["event_id"]))
    shapes: list[tuple[bool, bool]] = []
    parameters: dict[str, Any] = {}
    for group, ((topic, source), ids) in enumerate(wanted.items()):
        shapes.append((topic is not None, source is not None))
        parameters[f"g{group}"] = sorted(ids)
        parameters[f"g{group}_topic"] = topic
        parameters[f"g{group}_source"] = source
    stored = conn.execute(_lookups(tuple(shapes)), parameters).all()
    seen = {(r.topic, r.event_source, r.event_id) for r in stored}
    legacy = {(r.topic, r.event_id) for r in stored if r.event_source is None}
    fresh: list[Mapping[str, Any]] = []
    for fields in batch:
        key = (fields.get("topic"), fields.get("event_source"), str(fields["event_id"]))
        if key in seen or (key[0], key[2]) in legacy:
            continue
        seen.add(key)
        fresh.append(fields)
    return fresh


def _broadcasts_for(conn: Connection, fresh: Sequence[Mapping[str, Any]],
                    known: Mapping[str, str]) -> dict[str, str]:
    """Broadcast ids neither the records nor the cache (`known`) give (after a restart),
    from earlier records of the case."""
    missing = {str(f["case_id"]) for f in fresh
               if f.get("case_id") and not f.get("broadcast_id")
               and f["case_id"] not in known}
    if not missing:
        return {}
    result = conn.execute(
        sa.select(records.c.case_id, sa.func.min(records.c.broadcast_id))
        .where(records.c.case_id.in_(missing), records.c.broadcast_id.is_not(None))
        .group_by(records.c.case_id))
    return {str(case_id): str(broadcast_id) for case_id, broadcast_id in result.all()}


class AuditLog:
    def __init__(self, store: Store, *, signer: Signer,
                 checkpoint_every: int = DEFAULT_EVERY, anchors: Sequence[Anchor] = ()) -> None:
        self.store = store
        self.signer = signer
        self.checkpoint_every = checkpoint_every
        self.anchors = tuple(anchors)
        self._unanchored: dict[str, list[dict[str, Any]]] = {a.name: [] for a in self.anchors}
        self._anchor_lock = asyncio.Lock()
        self._broadcasts: OrderedDict[str, str] = OrderedDict()
        self._lock = asyncio.Lock()  # one appender per process; audit_head across processes

    # -- consuming ---------------------------------------------------------------------

    async def on_event(self, event: events.Event, origin: Origin) -> None:
        await self.append_many([self.fields_for(event, origin)])

    async def on_batch(self, batch: list[tuple[events.Event, Origin]]) -> None:
        await self.append_many([self.fields_for(event, origin) for event, origin in batch])

    def fields_for(self, event: events.Event, origin: Origin) -> dict[str, Any]:
        action, outcome, actor = summary.describe(event)
        case_id, broadcast_id = summary.case_and_broadcast(event)
        if case_id and broadcast_id:
            self._remember(case_id, broadcast_id)
        elif case_id:
            broadcast_id = self._broadcasts.get(case_id)
        facts = summary.facts(event)
        return {
            "event_time": event.time,
            "actor_sub": actor["sub"],
            "actor_role": actor["role"],
            "action": action,
            "outcome": outcome,
            "case_id": case_id,
            "broadcast_id": broadcast_id,
            "event_id": event.id,
            "event_source": event.source,
            "topic": origin.topic,
            "partition": origin.partition,
            "offset": origin.offset,
            "summary": summary.summarise(event)[:1000],
            "update_id": summary.update_of(event),
            "detail": canonical_json(facts) if facts else None,
        }

    def _remember(self, case_id: str, broadcast_id: str) -> None:
        self._broadcasts[case_id] = broadcast_id
        self._broadcasts.move_to_end(case_id)
        while len(self._broadcasts) > BROADCAST_CACHE:
            self._broadcasts.popitem(last=False)

    # -- reads are audited too -----------------------------------------------------------

    async def record_access(self, who: Principal, action: str, described: str, *,
                            detail: Mapping[str, Any] | None = None,
                            case_id: str | None = None, outcome: str = "ok") -> None:
        """One record per search, timeline, export or verification, by whom and with which
        filters (`described` must already be PHI-free: free text is never echoed)."""
        now = recorded_time()
        await self.append_many([{
            "event_time": now, "actor_sub": who.sub, "actor_role": who.role,
            "action": action, "outcome": outcome, "case_id": case_id,
            "broadcast_id": self._broadcasts.get(case_id) if case_id else None,
            "event_id": f"access:{uuid.uuid4()}", "topic": None, "partition": None,
            "offset": None, "summary": described[:1000], "update_id": None,
            "detail": canonical_json(detail) if detail else None,
        }])

    # -- appending ---------------------------------------------------------------------

    async def append(self, fields: dict[str, Any]) -> bool:
        """Append one record; False when its event id is already in the log."""
        return await self.append_many([fields]) == 1

    async def append_many(self, batch: Sequence[Mapping[str, Any]]) -> int:
        """Append `batch` in one transaction; returns how many records were new. On SQLite
        the whole append (lock, look-ups, chain, inserts, commit) is one call into the
        worker thread: each round trip there cost more CPU than most of its statements."""
        if not batch:
            return 0
        known = {case_id: self._broadcasts[case_id] for case_id in {
            str(f["case_id"]) for f in batch if f.get("case_id") and not f.get("broadcast_id")}
            if case_id in self._broadcasts}
        async with self._lock, self.store.begin() as conn:
            await custom_plans(conn)
            segment = await sqlite_calls.in_one_call(
                conn, lambda sync: self._append_now(sync, batch, known), commit=True)
        for case_id, broadcast_id in segment.found.items():
            self._remember(case_id, broadcast_id)
        for row in segment.signed:
            logger.info("audit checkpoint seq=%d hash=%s key=%s:%s", row["seq"], row["hash"],
                        row["algorithm"], row["key_id"])
        if segment.signed:
            await self.anchor(segment.signed)
        return segment.appended

    def _append_now(self, conn: Connection, batch: Sequence[Mapping[str, Any]],
                    known: Mapping[str, str]) -> _Segment:
        """The append, synchronously: no awaiting, and nothing the event loop uses is
        touched (on SQLite this runs in the worker thread). `known`: the cached broadcast
        ids of the batch's cases; those the cache missed are looked up and returned."""
        conn.execute(_TAKE_LOCK)
        fresh = _unseen(conn, batch)
        if not fresh:
            return _Segment(0, [], {})
        found = _broadcasts_for(conn, fresh, known)
        last = conn.execute(_LAST).first()
        seq, prev_hash = (int(last.seq), str(last.hash)) if last else (0, chain.GENESIS)
        now = recorded_time()
        rows: list[dict[str, Any]] = []
        signed: list[dict[str, Any]] = []
        for fields in fresh:
            seq += 1
            # the comprehension's per-name `get` in Python cost more than the hash
            record: dict[str, Any] = dict(zip(_FIELDS, map(fields.get, _FIELDS), strict=True))
            record.update(seq=seq, recorded_at=now, prev_hash=prev_hash)
            case_id = record["case_id"]
            if record["broadcast_id"] is None and case_id is not None:
                record["broadcast_id"] = known.get(case_id) or found.get(case_id)
            record["hash"] = prev_hash = chain.link(prev_hash, record)
            rows.append(record)
            if seq % self.checkpoint_every == 0:
                signed.append(self._checkpoint_row(seq, prev_hash))
        _insert_records(conn, rows)
        if signed:
            conn.execute(checkpoints.insert(), signed)
        return _Segment(len(rows), signed, found)

    def _checkpoint_row(self, seq: int, chain_hash: str) -> dict[str, Any]:
        created = recorded_time()
        signature = self.signer.sign(seq, chain_hash, created)
        return {"seq": seq, "hash": chain_hash, "created_at": created,
                "algorithm": signature.algorithm, "key_id": signature.key_id,
                "signature": signature.signature}

    async def checkpoint(self) -> int | None:
        """Sign the head of the chain unless it already is (shutdown, timer); its seq."""
        async with self._lock, self.store.begin() as conn:
            await _take_append_lock(conn)
            last = (await conn.execute(
                sa.select(records.c.seq, records.c.hash).order_by(records.c.seq.desc()).limit(1)
            )).first()
            done = (await conn.execute(sa.select(sa.func.max(checkpoints.c.seq)))).scalar()
            if last is None or (done is not None and int(done) >= int(last.seq)):
                return None
            row = self._checkpoint_row(int(last.seq), str(last.hash))
            await conn.execute(checkpoints.insert().values(**row))
        logger.info("audit checkpoint seq=%d hash=%s key=%s:%s", row["seq"], row["hash"],
                    row["algorithm"], row["key_id"])
        await self.anchor([row])
        return int(row["seq"])

    async def anchor(self, signed: Sequence[Mapping[str, Any]]) -> None:
        """Copy new checkpoints to every anchor outside the database. One that fails keeps
        them and is retried with the next checkpoint or by the timer (`anchor([])`); the
        log itself is already durable, so the caller goes on."""
        async with self._anchor_lock:  # one writer, so nothing is cleared before it is sent
            for target in self.anchors:
                waiting = self._unanchored[target.name]
                waiting.extend(anchor_of(row) for row in signed)
                if not waiting:
                    continue
                try:
                    await target.write(waiting)
                except Exception as exc:
                    logger.warning("audit: anchoring %d checkpoint(s) to the %s failed (%s)",
                                   len(waiting), target.name, type(exc).__name__)
                    del waiting[:-MAX_UNANCHORED]  # the newest anchor covers the older ones
                    continue
                waiting.clear()

    # -- verifying ---------------------------------------------------------------------

    async def verify(self) -> dict[str, Any]:
        """Recompute the chain (streamed, hashed off the event loop) and check every
        checkpoint's signature and hash: `{ok, records, first_bad_seq, ...}`."""
        # anchors first, then checkpoints: every record they name was committed before them
        outside = await self._newest_anchors()
        async with self.store.engine.connect() as conn:
            marks = [dict(r) for r in (await conn.execute(
                sa.select(checkpoints).order_by(checkpoints.c.seq))).mappings()]
            watch = [int(m["seq"]) for m in marks]
            watch += [int(a["seq"]) for a in outside.values() if a.get("seq") is not None]
            walker = chain.ChainWalker(watch=watch)
            result = await conn.stream(
                sa.select(records).order_by(records.c.seq)
                .execution_options(yield_per=VERIFY_CHUNK))
            async for part in result.mappings().partitions(VERIFY_CHUNK):
                await asyncio.to_thread(walker.feed, part)
        return self._judge(walker, marks, outside)

    async def _newest_anchors(self) -> dict[str, dict[str, Any]]:
        """The newest anchor of each place; `{"unreadable": reason}` where it cannot be read
        (then it proves nothing, and the verdict says so)."""
        found: dict[str, dict[str, Any]] = {}
        for target in self.anchors:
            try:
                newest = await target.newest()
            except OSError as exc:
                found[target.name] = {"unreadable": str(exc)}
                continue
            if newest is not None:
                found[target.name] = newest
        return found

    def _against_anchor(self, walker: chain.ChainWalker, name: str,
                        anchor: Mapping[str, Any]) -> tuple[int, str] | None:
        """Truncation or a rewritten tail, seen from one anchor outside the database."""
        seq = int(anchor["seq"])
        if any(anchor.get(k) is None for k in ANCHOR_FIELDS) or not self.signer.verify(anchor):
            return seq, f"{name} anchor {seq}: signature does not verify"
        if seq not in walker.hashes_at:
            held = walker.max_seq
            return min(seq, held + 1), (
                f"log truncated: the {name} anchors {anchor.get('records', seq)} records "
                f"(checkpoint {seq} of {anchor['created_at']}) but the database holds "
                f"{walker.count}; records {held + 1}..{seq} are missing")
        if walker.hashes_at[seq] != anchor["hash"]:
            return seq, f"record {seq}: hash differs from the one the {name} anchors"
        return None

    def _judge(self, walker: chain.ChainWalker, marks: list[dict[str, Any]],
               outside: Mapping[str, Mapping[str, Any]] | None = None) -> dict[str, Any]:
        verdict = walker.result()
        bad, reason = verdict.first_bad_seq, verdict.reason
        anchored: dict[str, Any] = {}
        for name, anchor in (outside or {}).items():
            if "unreadable" in anchor:
                anchored[name] = {"status": "unreadable", "reason": anchor["unreadable"]}
                continue
            found = self._against_anchor(walker, name, anchor)
            anchored[name] = {"status": "ok" if found is None else "broken",
                              "seq": int(anchor["seq"]), "created_at": anchor.get("created_at")}
            if found is not None and (bad is None or found[0] < bad):
                bad, reason = found
        trusted = 0
        for mark in marks:
            seq = int(mark["seq"])
            problem: tuple[int, str] | None = None
            if not self.signer.verify(mark):
                problem = seq, f"checkpoint {seq}: signature does not verify"
            elif seq not in walker.hashes_at:
                first_missing = min(seq, walker.max_seq + 1)
                problem = first_missing, f"checkpoint {seq} names a record that is missing"
            elif walker.hashes_at[seq] != mark["hash"]:
                problem = seq, f"checkpoint {seq}: record hash differs from the signed one"
            if problem is not None:
                if bad is None or problem[0] < bad:
                    bad, reason = problem
                break
            trusted += 1
        last_mark = int(marks[-1]["seq"]) if marks else None
        return {
            "ok": bad is None,
            "records": verdict.records,
            "first_bad_seq": bad,
            "reason": reason,
            "last_hash": verdict.last_hash,
            "checkpoints": len(marks),
            "checkpoints_verified": trusted,
            "last_checkpoint_seq": last_mark,
            "unsigned_tail": max(0, walker.max_seq - (last_mark or 0)),
            "signer": f"{self.signer.algorithm}:{self.signer.key_id}",
            "anchors": anchored,
        }
