"""Run a bench's coroutine against a fresh embedded broker, stopped whatever happens."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from services.common.broker import EmbeddedBroker

T = TypeVar("T")


def run_on_broker(run: Callable[[str], Coroutine[Any, Any, T]], *, uvloop: bool = True) -> T:
    """`run(bootstrap)` on uvloop when installed (as `orcast run` serves), else asyncio."""
    broker = EmbeddedBroker(die_with_parent=True)  # a killed bench takes its broker
    broker.start()
    try:
        if uvloop:
            try:
                import uvloop as fast_loop
            except ImportError:
                pass
            else:
                return fast_loop.run(run(broker.bootstrap))
        return asyncio.run(run(broker.bootstrap))
    finally:
        broker.stop()
