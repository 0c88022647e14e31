"""Sessions signed out before their end: the sign-in service's record of them.

Only the sign-in service renews session tokens (`POST /signin/refresh`), and it asks this
record first, so an ended session is never renewed: its last token dies everywhere
within `ORCAST_SESSION_MINUTES`. The sign-in service also refuses it at once for its own
routes. Rows are kept until the session's own end, then pruned. Replicas of the sign-in
service share the record through its database (`ORCAST_DATABASE_URL`).
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from typing import Final

import sqlalchemy as sa
from aiohttp import web
from sqlalchemy.engine import Connection

from .settings import Settings
from .store import Migration, Store

metadata = sa.MetaData()
ended = sa.Table(
    "orcast_ended_sessions",
    metadata,
    sa.Column("sid", sa.String(64), primary_key=True),
    sa.Column("until", sa.BigInteger, nullable=False),  # the session's own end (Unix time)
)


def _create(conn: Connection) -> None:
    metadata.create_all(conn, tables=[ended])


MIGRATIONS: Final = (Migration(1, "create ended sessions", _create),)


class EndedSessions:
    def __init__(self, store: Store) -> None:
        self._store = store

    async def end(self, sid: str, until: float) -> None:
        now = int(time.time())
        async with self._store.writer_lock, self._store.begin() as conn:
            await conn.execute(ended.delete().where(ended.c.until < now))
            await conn.execute(ended.delete().where(ended.c.sid == sid))
            await conn.execute(ended.insert().values(sid=sid, until=int(until) + 1))

    async def has_ended(self, sid: str) -> bool:
        async with self._store.begin() as conn:
            found = await conn.execute(sa.select(ended.c.sid).where(ended.c.sid == sid))
            return found.first() is not None


ENDED_SESSIONS = web.AppKey("ended_sessions", EndedSessions)


def record_context(settings: Settings) -> Callable[[web.Application], AsyncIterator[None]]:
    """A cleanup context that opens the record (the sign-in service's database) unless
    the app holds it already: the sign-in service and, to refuse renewing a signed-out
    guest, the viewer mount it, both in one app under `orcast dev`."""
    async def context(app: web.Application) -> AsyncIterator[None]:
        if ENDED_SESSIONS in app:
            yield
            return
        store = Store(settings.database_url_for("signin"), service="signin",
                      migrations=MIGRATIONS)
        await store.open()
        app[ENDED_SESSIONS] = EndedSessions(store)
        try:
            yield
        finally:
            await store.close()

    return context
