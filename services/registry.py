"""Which services exist and each one's `create_app` (used by `orcast run`, `orcast dev` and
the in-process test stack, services/devstack.py)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # aiohttp costs ~0.4 s to import; `orcast deid` never needs it
    from aiohttp import web

    from services.common.settings import Settings

    class CreateApp(Protocol):
        """`create_app(settings)`; `into`: mount on that app instead of a new one."""

        def __call__(self, settings: Settings, *, into: web.Application | None = None
                     ) -> web.Application: ...

from services.common.topics import SERVICES

__all__ = ["RUNNABLE", "SERVICES", "WEB_ONLY", "create_app_for"]

# Served by `orcast run` and deployed on their own, but no event service: no topic, no
# event key, no Kafka principal (`orcast dev` serves them from its front process).
WEB_ONLY: tuple[str, ...] = ("signin",)
RUNNABLE: tuple[str, ...] = (*SERVICES, *WEB_ONLY)


def create_app_for(service: str) -> CreateApp:
    """The service's `create_app(settings)`: what `orcast run` serves (and `orcast dev`
    runs one process of each)."""
    if service not in RUNNABLE:
        raise KeyError(service)
    create: CreateApp = importlib.import_module(f"services.{service}.app").create_app
    return create
