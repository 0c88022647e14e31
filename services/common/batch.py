"""One fetched batch handled as a unit: one database transaction, sends held until it commits.

A consumer loop that batches (`ConsumerLoop(batched=True)`) runs its handler for
every record of one fetch inside a `BatchScope`. There:
- `Store.begin()` of the scope's store joins one transaction for the whole batch
  (opened on first use), so N events cost one commit, not N;
- `EventProducer.publish` validates the event and readies it for signing (validation
  and missing-key errors still raise at the call) but holds the send; after the
  transaction commits the loop signs them all at once (one Merkle root, signing.py),
  sends them and awaits every ack, then commits the offsets.
So what a handler promises keeps its order: its database writes are durable before
anything derived from them is produced, and both before the offsets move. If
anything in the batch fails, the transaction rolls back, nothing held is sent, and
the loop handles the same records one by one as before (retries, dead letters).
`after_commit` defers what must only happen once the writes are visible (waking a
status stream that reads them back). `local` gives a handler per-batch state (rows read
once for the whole batch, counters) whose `flush` writes it back in the same
transaction after the last handler, so N events can cost a few multi-row statements
instead of N small ones. A state that can also write synchronously (`WritesAtOnce`)
writes in one call into SQLite's worker thread together with the commit, when every
state of the batch can (`sqlite_calls.in_one_call`); what it does with the stored rows
(announcing them: sends still held) comes right after, before the batch closes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from . import sqlite_calls

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlalchemy.ext.asyncio import AsyncConnection

    from .producer import EventProducer
    from .signing import Unsealed
    from .store import Store


class BatchState(Protocol):
    """Per-batch state of a handler (`local`): written back by `flush` on the batch's
    connection once every handler has run, before the commit."""

    async def flush(self, conn: AsyncConnection) -> None: ...


class WritesAtOnce(BatchState, Protocol):
    """A state whose writes are a synchronous function of the connection (no awaiting):
    `write`, then `after_write` on the loop for what needs it (its `flush` is the two)."""

    def write(self, conn: Connection) -> None: ...

    async def after_write(self) -> None: ...


State = TypeVar("State", bound=BatchState)


class BatchAborted(Exception):
    """Thrown into the batch transaction to roll it back."""


@dataclass(slots=True)
class HeldSend:
    producer: EventProducer
    full_topic: str
    unsealed: Unsealed
    key: str | None


@dataclass
class BatchScope:
    store: Store | None
    sends: list[HeldSend] = field(default_factory=list)
    after_commit_jobs: list[Callable[[], None]] = field(default_factory=list)
    # claim keys of the batch's events, by topic; one multi-row claim per consumer name
    # and topic answers every `claim_event` of the batch (store.py)
    claim_keys: dict[str, list[str]] = field(default_factory=dict)
    # every (event, origin) of the batch, in handling order: lets per-batch state read
    # what the whole batch needs in one statement
    events: list[tuple[Any, Any]] = field(default_factory=list)
    _states: dict[object, BatchState] = field(default_factory=dict)
    _topic_of: dict[str, str] = field(default_factory=dict)
    _fresh: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    # set once the handlers are done: a task a handler left behind that publishes
    # later sends at once (nothing would send what it held)
    closed: bool = False
    _transaction: Any = None
    _conn: AsyncConnection | None = None
    _locked: asyncio.Lock | None = None

    def add_claim_key(self, topic: str, key: str) -> None:
        self.claim_keys.setdefault(topic, []).append(key)
        self._topic_of[key] = topic

    def has_claims_for(self, key: str) -> bool:
        return key in self._topic_of

    async def claim(self, conn: AsyncConnection, consumer: str, key: str,
                    claim_many: Callable[[AsyncConnection, str, list[str]],
                                         Awaitable[set[str]]]) -> bool:
        """`claim_event` inside a batch: the first claim by `consumer` of an event of a
        topic claims every event of that topic in the batch in one statement. Sound
        because a batched handler claims every event of a topic it claims at all, in
        the batch's one transaction (a failure rolls all of them back)."""
        fresh_key = (consumer, self._topic_of[key])
        if fresh_key not in self._fresh:
            self._fresh[fresh_key] = await claim_many(conn, consumer,
                                                      self.claim_keys[fresh_key[1]])
        return self._take(fresh_key, key)

    def claim_now(self, conn: Connection, consumer: str, key: str,
                  claim_many: Callable[[Connection, str, list[str]], set[str]]) -> bool:
        """`claim` with a synchronous connection (inside `sqlite_calls.in_one_call`)."""
        fresh_key = (consumer, self._topic_of[key])
        if fresh_key not in self._fresh:
            self._fresh[fresh_key] = claim_many(conn, consumer, self.claim_keys[fresh_key[1]])
        return self._take(fresh_key, key)

    def claimed_already(self, consumer: str, key: str) -> bool:
        """Whether `consumer`'s claim of `key`'s topic in this batch is made (`claim` then
        needs no statement)."""
        return (consumer, self._topic_of[key]) in self._fresh

    def _take(self, fresh_key: tuple[str, str], key: str) -> bool:
        fresh = self._fresh[fresh_key]
        if key in fresh:
            fresh.discard(key)  # a repeat of the id later in the batch is a duplicate
            return True
        return False

    async def connection(self) -> AsyncConnection:
        """The batch's transaction on its store, begun on first use."""
        if self._conn is None:
            assert self.store is not None
            lock = self.store.writer_lock if self.store.dialect == "sqlite" else None
            if lock is not None:
                await lock.acquire()
                self._locked = lock
            try:
                transaction = self.store.transaction()
                self._conn = await transaction.__aenter__()
                self._transaction = transaction
            except BaseException:
                self._release()
                raise
        return self._conn

    def state(self, key: object, make: Callable[[], State]) -> State:
        found = self._states.get(key)
        if found is None:
            found = self._states[key] = make()
        return found  # type: ignore[return-value]

    async def flush(self) -> None:
        """Write every per-batch state back, in the order first used (handlers done). When
        every one writes at once, they and the commit are one worker call on SQLite
        (SQLAlchemy's commit after it finds nothing open); a failure after that commit
        is a crash after commit: the one-by-one retry finds the claims taken."""
        states = list(self._states.values())
        if states and all(hasattr(state, "write") for state in states):
            at_once: list[Any] = states

            def write_all(conn: Connection) -> None:
                for state in at_once:
                    state.write(conn)

            await sqlite_calls.in_one_call(await self.connection(), write_all, commit=True)
            for state in at_once:
                await state.after_write()
            return
        for state in states:
            await state.flush(await self.connection())

    async def commit(self) -> None:
        transaction, self._transaction, self._conn = self._transaction, None, None
        try:
            if transaction is not None:
                await transaction.__aexit__(None, None, None)
        finally:
            self._release()

    async def abort(self) -> None:
        transaction, self._transaction, self._conn = self._transaction, None, None
        try:
            if transaction is not None:
                error = BatchAborted()
                await transaction.__aexit__(BatchAborted, error, None)
        finally:
            self._release()
            self.sends.clear()
            self.after_commit_jobs.clear()

    def _release(self) -> None:
        lock, self._locked = self._locked, None
        if lock is not None:
            lock.release()


_SCOPE: ContextVar[BatchScope | None] = ContextVar("orcast_batch_scope", default=None)


def current() -> BatchScope | None:
    """The batch being handled here, if any (and not yet closed)."""
    scope = _SCOPE.get()
    return scope if scope is not None and not scope.closed else None


def joins(store: Store) -> bool:
    """Whether `store.begin()` here joins a batch transaction (no own commit)."""
    scope = current()
    return scope is not None and scope.store is store


def enter(scope: BatchScope) -> Any:
    return _SCOPE.set(scope)


def leave(token: Any) -> None:
    _SCOPE.reset(token)


def local(store: Store, key: object, make: Callable[[], State]) -> State | None:
    """This batch's state for `key` (made on first use), when a batch transaction on
    `store` is open here; None outside a batch (the caller writes as it goes)."""
    scope = current()
    if scope is None or scope.store is not store:
        return None
    return scope.state(key, make)


async def run(store: Store | None, batch_events: list[tuple[Any, Any]],
              handler: Callable[[Any, Any], Awaitable[None]]) -> BatchScope:
    """`handler` for every event in order, as one unit: one transaction on `store`, per-batch
    state flushed into it, committed (rolled back, and the error raised, on any failure),
    then the after-commit jobs. The scope returned holds the sends, for the caller to send
    now that the writes are durable."""
    scope = BatchScope(store=store, events=batch_events)
    for event, origin in batch_events:
        scope.add_claim_key(origin.topic, event.claim_key)
    token = enter(scope)
    try:
        for event, origin in batch_events:
            await handler(event, origin)
        await scope.flush()
        scope.closed = True
        await scope.commit()
    except BaseException:
        scope.closed = True
        await scope.abort()
        raise
    finally:
        leave(token)
    for job in scope.after_commit_jobs:
        job()
    return scope


def after_commit(job: Callable[[], None]) -> None:
    """Run `job` once the current batch has committed, or now outside a batch."""
    scope = current()
    if scope is None:
        job()
    else:
        scope.after_commit_jobs.append(job)
