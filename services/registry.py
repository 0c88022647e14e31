"""Which services exist and how to mount each one (used by `orcast dev` and `orcast run`)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # aiohttp costs ~0.4 s to import; `orcast deid` never needs it
    from aiohttp import web

    from services.common.settings import Settings

    Setup = Callable[[web.Application, Settings], None]
    CreateApp = Callable[[Settings], web.Application]

from services.common.topics import SERVICES

__all__ = ["SERVICES", "create_app_for", "setup_for"]


def create_app_for(service: str) -> CreateApp:
    """The service's `create_app(settings)`: what `orcast run` serves (and `orcast dev`
    runs one process of each)."""
    if service not in SERVICES:
        raise KeyError(service)
    create: CreateApp = importlib.import_module(f"services.{service}.app").create_app
    return create


def setup_for(service: str) -> Setup:
    """Mounts the service on an app shared with others (the in-process test stack)."""
    if service not in SERVICES:
        raise KeyError(service)
    module = importlib.import_module(f"services.{service}.app")
    setup: Setup = module.setup
    return setup
