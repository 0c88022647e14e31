"""The approval service: consumes de-identified milestones, cases, reviews and withdrawals.

Two consumers: a replay of `cases` (no group) keeps every instance's case view
complete; one co-partitioned group consumer applies everything that changes a
case's reviews (revocations, new milestones, human decisions) in one ordered
stream per case.
"""

from __future__ import annotations

from pathlib import Path

from aiohttp import web

from services.common import access, topics
from services.common.cases_view import CasesView
from services.common.components import Components
from services.common.pages import add_page
from services.common.settings import Settings
from services.common.web import create_base_app

from . import SERVICE
from .api import APPROVAL_GATE, COMMENTS, add_routes
from .comments import CommentGate
from .emit import Emitter
from .gate import ApprovalGate
from .policy import PolicySource
from .tables import MIGRATIONS

EXPIRY_SWEEP_SECONDS = 0.5


def setup(app: web.Application, settings: Settings) -> None:
    parts = Components(settings, SERVICE)
    store = parts.use_store(MIGRATIONS)
    gate = ApprovalGate(store=store, cases=CasesView(), emitter=Emitter(parts.producer),
                        policy=PolicySource(settings.policy_file))

    view = parts.replay_cases(gate.on_case_seen)
    gate.view_ready = view.caught_up
    app[APPROVAL_GATE] = gate
    app[COMMENTS] = CommentGate(key=settings.require_identifier_key())
    parts.consume(
        [topics.CASES.name, topics.MILESTONES_DEIDENTIFIED.name, topics.REVIEWS.name,
         topics.WITHDRAWALS.name],
        gate.on_event, co_partitioned=True, batched=True,  # one transaction per fetch
    )

    async def expire() -> None:
        await gate.expire_due()

    parts.every(EXPIRY_SWEEP_SECONDS, expire)
    parts.attach(app)
    access.install(app, parts.producer, settings, service=SERVICE)
    add_routes(app)
    add_page(app, service="approval", folder=Path(__file__).parent / "page",
             paths=("/approvals",))


def create_app(settings: Settings, *, into: web.Application | None = None) -> web.Application:
    """`into`: mount on this app (the in-process stack of every service) instead of one
    of its own."""
    app = create_base_app(settings) if into is None else into
    setup(app, settings)
    return app
