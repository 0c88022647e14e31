"""SQLite through aiosqlite with as few calls into its worker thread as possible.

aiosqlite runs every sqlite3 call in one worker thread per connection; each call is
a queue put, a wake of the worker, and a wake of the event loop to resume. SQLAlchemy's
stock adapter makes four of them per statement (cursor(), execute, fetchall, close),
one per commit, and one more for the pool's reset-on-return rollback after a commit,
when nothing is left to roll back: ~18 for an approval batch of four statements. On a
busy machine each one waits for a CPU (issue 14: the largest part of the approval hop
at 100 milestones/s).

Here a statement is one call (the worker creates the cursor, executes, fetches every
row and closes it), and commit and rollback are no call at all when SQLite has no
transaction open (what sqlite3 itself would do, minus the round trip). `in_one_call`
goes further: a synchronous function of the SQLAlchemy connection runs whole in the
worker thread, so its every statement (and the commit, when asked) is one call.
"""

from __future__ import annotations

import collections
import sqlite3
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.connectors.asyncio import AsyncAdapt_dbapi_cursor
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_dbapi,
)
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.util.concurrency import await_

T = TypeVar("T")


class OneCallCursor:
    """A DBAPI cursor whose execute is one worker call with every row fetched in it
    (the stock adapter fetches everything too, in a call of its own)."""

    server_side = False
    arraysize = 1

    def __init__(self, adapted: OneCallConnection) -> None:
        self._adapted = adapted
        self._rows: collections.deque[Any] = collections.deque()
        self.description: Any = None
        self.rowcount = -1
        self.lastrowid: int | None = None

    def _run(self, method: str, operation: Any, parameters: Any) -> None:
        def work() -> tuple[Any, list[Any], int, int | None]:
            cursor = self._adapted.raw.cursor()
            try:
                if parameters is None:
                    getattr(cursor, method)(operation)
                else:
                    getattr(cursor, method)(operation, parameters)
                rows = cursor.fetchall() if cursor.description else []
                return cursor.description, rows, cursor.rowcount, cursor.lastrowid
            finally:
                cursor.close()

        try:
            self.description, rows, self.rowcount, self.lastrowid = self._adapted.call(work)
        except Exception as error:
            self._adapted._handle_exception(error)
        self._rows = collections.deque(rows)

    def execute(self, operation: Any, parameters: Any = None) -> None:
        self._run("execute", operation, parameters)

    def executemany(self, operation: Any, seq_of_parameters: Any) -> None:
        self._run("executemany", operation, seq_of_parameters)

    def close(self) -> None:
        self._rows.clear()

    async def _async_soft_close(self) -> None:
        """The worker's cursor is closed already (SQLAlchemy's asyncio results ask)."""

    def __iter__(self) -> Any:
        while self._rows:
            yield self._rows.popleft()

    fetchone = AsyncAdapt_dbapi_cursor.fetchone
    fetchmany = AsyncAdapt_dbapi_cursor.fetchmany
    fetchall = AsyncAdapt_dbapi_cursor.fetchall


class OneCallConnection(AsyncAdapt_aiosqlite_connection):
    __slots__ = ()
    _cursor_cls = OneCallCursor  # type: ignore[assignment]

    @property
    def raw(self) -> sqlite3.Connection:
        return self._connection._conn  # type: ignore[attr-defined,no-any-return]

    def in_worker(self) -> bool:
        return self._connection._thread is threading.current_thread()  # type: ignore[attr-defined]

    def call(self, work: Callable[[], T]) -> T:
        """`work()` in the worker thread: at once when already there (`in_one_call`),
        else one round trip from the loop's greenlet."""
        if self.in_worker():
            return work()
        return await_(self._connection._execute(work))  # type: ignore[attr-defined,no-any-return]

    def _open_transaction(self) -> bool:
        # Read on the loop thread while no call is in flight on this connection (a
        # connection is used by one task at a time): sqlite3 does not check the thread
        # for this attribute.
        return self._connection._connection is not None and self.raw.in_transaction  # type: ignore[attr-defined]

    def commit(self) -> None:
        if self.in_worker():
            self.raw.commit()
        elif self._open_transaction():
            super().commit()

    def rollback(self) -> None:
        if self.in_worker():
            self.raw.rollback()
        elif self._open_transaction():
            super().rollback()


class OneCallDbapi(AsyncAdapt_aiosqlite_dbapi):
    """aiosqlite as SQLAlchemy's `module=`: every connection a `OneCallConnection`."""

    def connect(self, *arg: Any, **kw: Any) -> OneCallConnection:
        stock = super().connect(*arg, **kw)
        return OneCallConnection(self, stock._connection)


def dbapi() -> OneCallDbapi:
    import aiosqlite
    return OneCallDbapi(aiosqlite, sqlite3)


async def in_one_call(conn: AsyncConnection, work: Callable[[Connection], T], *,
                      commit: bool = False) -> T:
    """`work(sync_connection)` with all its statements in one worker call on SQLite, and
    then the transaction committed in that same call when `commit` (SQLAlchemy's own
    commit that follows finds nothing open and costs nothing). Elsewhere (PostgreSQL)
    `work` runs as `run_sync` does and the caller's transaction commits as usual.
    `work` must not await or touch the event loop: on SQLite it runs in another thread."""
    return await conn.run_sync(_one_call, work, commit)


def _one_call(sync_conn: Connection, work: Callable[[Connection], T], commit: bool) -> T:
    adapted = sync_conn.connection.dbapi_connection
    if not isinstance(adapted, OneCallConnection):
        return work(sync_conn)

    def whole() -> T:
        result = work(sync_conn)
        if commit:
            adapted.raw.commit()
        return result

    return adapted.call(whole)
