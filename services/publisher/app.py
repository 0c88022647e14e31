"""The publisher service: approved updates out to social channels, once each, in order.

    updates.approved / updates.retracted ──▶ Intake (outbox rows, one transaction
    with the consumer's claim) ──▶ one ChannelWorker per channel (HTTP) ──▶
    ledger (state + publication event) ──▶ Announcer ──▶ orcast.publications

Without a channel file (ORCAST_CHANNELS_FILE) there is nowhere to post: the
consumer still runs, so readiness and offsets behave the same, and nothing
goes out.
"""

from __future__ import annotations

from aiohttp import web

from services.common import access, topics
from services.common.components import Components
from services.common.health import HEALTH
from services.common.settings import Settings
from services.common.web import create_base_app

from . import SERVICE
from .api import STORE, list_publications
from .channels import load_channels
from .delivery import Publisher, Tuning
from .preview import add_routes as add_preview
from .tables import MIGRATIONS

PUBLISHER = web.AppKey("publisher.publisher", Publisher)
FETCH_WAIT_MS = 100
LINGER_MS = 200  # at most one batch this often while records flow (audit/app.py says why)


def setup(app: web.Application, settings: Settings, *, tuning: Tuning | None = None) -> None:
    channels = load_channels(settings.channels_file) if settings.channels_file else ()
    parts = Components(settings, SERVICE)
    store = parts.use_store(MIGRATIONS)
    publisher = Publisher(settings=settings, store=store, producer=parts.producer,
                          channels=channels, tuning=tuning)
    app[PUBLISHER] = publisher
    app[STORE] = store
    # Off the students' path: a fetch wait of a tenth of a second (audit/app.py says why)
    parts.consume([topics.UPDATES_APPROVED.name, topics.UPDATES_RETRACTED.name],
                  publisher.intake.handle, batch_handler=publisher.intake.handle_batch,
                  co_partitioned=True, min_wait_ms=FETCH_WAIT_MS, linger_ms=LINGER_MS)
    parts.every(5.0, publisher.refresh_metrics)
    parts.hold(publisher.lifespan)
    parts.attach(app)
    access.install(app, parts.producer, settings, service=SERVICE)
    app[HEALTH].add(f"{SERVICE}.delivery", publisher.delivering)
    app.router.add_get("/api/v1/publications", list_publications)
    add_preview(app, publisher)


def create_app(settings: Settings, *, tuning: Tuning | None = None,
               into: web.Application | None = None) -> web.Application:
    """`into`: mount on this app (the in-process stack of every service) instead of one
    of its own."""
    app = create_base_app(settings) if into is None else into
    setup(app, settings, tuning=tuning)
    return app
