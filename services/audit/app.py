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
# While records flow: off the live path, a tenth of a second late costs nothing, and on
# Tansu (which answers a fetch when its wait runs out or records come, polling for
# them) fetches fall from one per record or two to a few dozen a second (measured, 18
# partitions, ~200 records/s: 179 fetches/s and 0.10 cores of broker at a 5 ms wait,
# 32 and 0.03 at 100 ms).
BUSY_FETCH_WAIT_MS = 100
# At most one batch (one chain segment, one offset commit) this often while records flow:
# taken one milestone's record at a time, audit's batches cost the CPU the students'
# hops then queue behind on a small machine (issue 14). Records wait at most this much.
LINGER_MS = 200
# Records per batch at most: ~5 per milestone, so what a linger gathers at 1,000
# milestones/s (~1,000) with room to spare. At the loops' usual 500 a batch took the
# fetched partitions in turn and cut nearly every signed batch (a tree over all of a
# topic's partitions) in two, so 88 % of audit's records climbed their Merkle path one
# by one instead of being proven with their whole tree (`Keyring.prove_together`).
# Below signing.PROVEN_REMEMBERED, which must hold one batch's proven records.
MAX_BATCH = 2000
# The topics every milestone writes. Audit reads them in one loop and every other topic
# (cases, reviews, access records, dead letters, join links: written now and then) in a
# second loop with a group of its own. Why: a fetch names every partition of its loop,
# and Tansu's cost per fetch grows with them (measured: ~0.3 ms of broker CPU for 6
# partitions, ~2 ms for 96, data or not); the busy loop fetches all the time under load,
# the rare one sleeps under the dev doorbell (nap.py) and seldom fetches elsewhere. The
# log's append lock (log.py) serialises the two loops' appends; order within a
# partition is kept by each loop, and there is no order across topics to keep.
BUSY_TOPICS = (topics.MILESTONES_SUBMITTED, topics.MILESTONES_DEIDENTIFIED,
               topics.UPDATES_STATUS, topics.UPDATES_APPROVED, topics.PUBLICATIONS)
RARE_GROUP_SUFFIX = "rare"  # `orcast-audit-rare`: the ACLs' `orcast-audit` prefix covers it


def consumed_topics() -> tuple[list[str], list[str]]:
    """(busy, rare): every topic but audit's own anchors (recording them would make new
    anchors, forever), split as BUSY_TOPICS says."""
    every = [t for t in topics.TOPICS if t is not topics.AUDIT_CHECKPOINTS]
    return ([t.name for t in every if t in BUSY_TOPICS],
            [t.name for t in every if t not in BUSY_TOPICS])


def setup(app: web.Application, settings: Settings) -> None:
    parts = Components(settings, SERVICE)
    log = AuditLog(parts.use_store(MIGRATIONS), signer=signer_for(settings),
                   checkpoint_every=settings.audit_checkpoint_every,
                   anchors=(WitnessFile.for_settings(settings),
                            KafkaAnchor(settings, parts.producer)))
    app[LOG] = log
    # two loops (consumed_topics). Audit is on no one's live path: once idle a loop may
    # wait longer per fetch (on Tansu, up to this much late after a lull).
    busy, rare = consumed_topics()
    for names, group in ((busy, "default"),
                         (rare, f"{settings.topic_namespace}-{SERVICE}-{RARE_GROUP_SUFFIX}")):
        parts.consume(names, log.on_event, batch_handler=log.on_batch, group=group,
                      min_wait_ms=BUSY_FETCH_WAIT_MS, idle_max_wait_ms=IDLE_MAX_FETCH_WAIT_MS,
                      linger_ms=LINGER_MS, max_batch=MAX_BATCH)

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
