"""The deidentify service: consumes submitted milestones, approvers' edits and the case registry."""

from __future__ import annotations

from aiohttp import web

from services.common import topics
from services.common.cases_view import CasesView
from services.common.components import Components
from services.common.deid import Engine
from services.common.settings import Settings
from services.common.web import create_base_app

from . import SERVICE
from .gate import Gate
from .roster import engine_config

GATE = web.AppKey("deidentify.gate", Gate)


def setup(app: web.Application, settings: Settings) -> None:
    parts = Components(settings, SERVICE)
    cases = CasesView()
    gate = Gate(engine=Engine(engine_config(settings)), cases=cases, producer=parts.producer,
                key=settings.require_identifier_key())
    app[GATE] = gate
    parts.replay_cases(cases.apply_and_notify)
    # batched: every result of one fetch is sent at once, acks awaited together
    parts.consume([topics.MILESTONES_SUBMITTED.name, topics.EDITS_SUBMITTED.name], gate.handle,
                  batched=True)
    parts.attach(app)


def create_app(settings: Settings, *, into: web.Application | None = None) -> web.Application:
    """`into`: mount on this app (the in-process stack of every service) instead of one
    of its own."""
    app = create_base_app(settings) if into is None else into
    setup(app, settings)
    return app
