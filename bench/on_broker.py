"""Run a bench's coroutine against a fresh embedded broker, stopped whatever happens."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Coroutine, Iterator
from typing import Any, TypeVar

from aiokafka.conn import AIOKafkaConnection

from services.common.broker import EmbeddedBroker

T = TypeVar("T")


@contextlib.contextmanager
def embedded_broker() -> Iterator[tuple[str, int]]:
    """A fresh embedded broker's (bootstrap, pid), stopped on the way out; a killed bench
    takes its broker too."""
    broker = EmbeddedBroker(die_with_parent=True)
    broker.start()
    assert broker._process is not None
    try:
        yield broker.bootstrap, broker._process.pid
    finally:
        broker.stop()


def run_on_broker(run: Callable[[str], Coroutine[Any, Any, T]], *, uvloop: bool = True) -> T:
    """`run(bootstrap)` on uvloop when installed (as `orcast run` serves), else asyncio."""
    with embedded_broker() as (bootstrap, _):
        if uvloop:
            try:
                import uvloop as fast_loop
            except ImportError:
                pass
            else:
                return fast_loop.run(run(bootstrap))
        return asyncio.run(run(bootstrap))


# Produce and fetch requests sent by this process's aiokafka connections since
# `count_requests()`; a bench sets an entry to 0 before what it measures and reads it after.
REQUESTS = {"produce": 0, "fetch": 0}
_KINDS = (("ProduceRequest", "produce"), ("FetchRequest", "fetch"))


def count_requests() -> None:
    """Count into REQUESTS from now on (once per process: a second call changes nothing)."""
    send = AIOKafkaConnection.send
    if getattr(send, "counts_requests", False):
        return

    def counting(self: AIOKafkaConnection, request: Any, expect_response: bool = True) -> Any:
        name = type(request).__name__
        for prefix, kind in _KINDS:
            if name.startswith(prefix):
                REQUESTS[kind] += 1
                break
        return send(self, request, expect_response)

    counting.counts_requests = True  # type: ignore[attr-defined]
    AIOKafkaConnection.send = counting  # type: ignore[method-assign]
