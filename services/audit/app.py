"""The audit service: consumes every topic into the hash-chained log; compliance reads it.

Parts: `log.py` appends (in batches) and verifies, `checkpoints.py` signs the
head, `api.py` serves `/api/v1/audit…`, `page/` is `/compliance`, `cli.py` is
`orcast audit`.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

from aiohttp import web

from services.common import topics
from services.common.components import Components
from services.common.pages import add_page
from services.common.settings import Settings
from services.common.web import create_base_app

from . import SERVICE, api
from .anchors import KafkaAnchor, WitnessFile
from .api import LOG
from .checkpoints import signer_for
from .log import AuditLog
from .tables import MIGRATIONS

logger = logging.getLogger(__name__)

__all__ = ["LOG", "create_app", "setup"]


def _checkpoint(log: AuditLog) -> Callable[[], Awaitable[None]]:
    """At shutdown, once nothing is consumed any more: sign the head while the store is
    still open."""
    async def sign() -> None:
        try:
            await log.checkpoint()
        except Exception as exc:  # the next start or timer signs it instead
            logger.warning("audit: shutdown checkpoint failed (%s)", type(exc).__name__)

    return sign


IDLE_MAX_FETCH_WAIT_MS = 2000


def setup(app: web.Application, settings: Settings) -> None:
    parts = Components(settings, SERVICE)
    log = AuditLog(parts.use_store(MIGRATIONS), signer=signer_for(settings),
                   checkpoint_every=settings.audit_checkpoint_every,
                   anchors=(WitnessFile.for_settings(settings),
                            KafkaAnchor(settings, parts.producer)))
    app[LOG] = log
    # every topic but audit's own anchors (recording them would make new ones, forever)
    # Audit is on no one's live path and fetches every partition of every topic: once
    # idle it may wait longer per fetch (on Tansu, up to this much late after a lull).
    parts.consume([t.name for t in topics.TOPICS if t is not topics.AUDIT_CHECKPOINTS],
                  log.on_event, batch_handler=log.on_batch,
                  idle_max_wait_ms=IDLE_MAX_FETCH_WAIT_MS)

    async def sign_head() -> None:
        """A tail that arrived since the last checkpoint is signed and anchored within
        the interval, not only at every `checkpoint_every` records."""
        if await log.checkpoint() is None:
            await log.anchor([])  # retry anchors that failed before

    parts.every(settings.audit_checkpoint_seconds, sign_head)
    parts.on_drained(_checkpoint(log))
    parts.attach(app)
    api.add_routes(app)
    add_page(app, service=SERVICE, folder=Path(__file__).parent / "page",
             paths=("/compliance",))


def create_app(settings: Settings, *, into: web.Application | None = None) -> web.Application:
    """`into`: mount on this app (the in-process stack of every service) instead of one
    of its own."""
    app = create_base_app(settings) if into is None else into
    setup(app, settings)
    return app
