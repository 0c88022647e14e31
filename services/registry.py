"""Which services exist and how to mount each one (used by `orcast dev` and `orcast run`)."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from aiohttp import web

from services.common.settings import Settings

SERVICES = ("cases", "ingest", "deidentify", "approval", "publisher", "viewer", "audit")

Setup = Callable[[web.Application, Settings], None]


def setup_for(service: str) -> Setup:
    if service not in SERVICES:
        raise KeyError(service)
    module = importlib.import_module(f"services.{service}.app")
    setup: Setup = module.setup
    return setup
