"""Write transactions for the publisher's tables, queued in-process on SQLite.

SQLite lets one writer in at a time and makes the others poll with growing
sleeps (the busy handler: up to 100 ms a nap). The intake, every channel
worker and the announcer write small transactions side by side, so on
SQLite they queue here instead, on an asyncio lock per store: same
serialisation, no naps. PostgreSQL takes row locks and needs none of this.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncConnection

from services.common.store import Store

_LOCKS: weakref.WeakKeyDictionary[Store, asyncio.Lock] = weakref.WeakKeyDictionary()


@asynccontextmanager
async def begin(store: Store) -> AsyncIterator[AsyncConnection]:
    """`async with begin(store) as conn:` one transaction, committed on exit."""
    if store.dialect != "sqlite":
        async with store.begin() as conn:
            yield conn
        return
    lock = _LOCKS.get(store)
    if lock is None:
        lock = _LOCKS[store] = asyncio.Lock()
    async with lock, store.begin() as conn:
        yield conn
