"""Which services exist and how to mount each one (used by `orcast dev` and `orcast run`)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # aiohttp costs ~0.4 s to import; `orcast deid` never needs it
    from aiohttp import web

    from services.common.settings import Settings

    Setup = Callable[[web.Application, Settings], None]

SERVICES = ("cases", "ingest", "deidentify", "approval", "publisher", "viewer", "audit")


def setup_for(service: str) -> Setup:
    if service not in SERVICES:
        raise KeyError(service)
    module = importlib.import_module(f"services.{service}.app")
    setup: Setup = module.setup
    return setup
