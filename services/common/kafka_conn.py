"""aiokafka on uvloop: a write on a connection the broker has reset is a broken connection.

uvloop (the services' event loop, cli.py) raises RuntimeError ("the handler is closed")
on a write to a transport that has closed; asyncio's own loop ignores such a write.
aiokafka's connection turns only OSError into a connection error, so for a moment after
every reset (the transport closed, aiokafka not yet told) a request raised RuntimeError
into whichever background routine sent it, and that routine ended for good: the
metadata routine (every later refresh, coordinator lookup, commit and rejoin then waited
forever; the consumer was never ready again), the fetcher (nothing fetched again), or the
producer's sender. `install()` makes that write what it is, a broken connection: closed,
and a retriable `KafkaConnectionError` the routines already handle.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from aiokafka.conn import AIOKafkaConnection, CloseReason
from aiokafka.errors import KafkaConnectionError


def _broken_on_closed_transport(send: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(send)
    def guarded(self: AIOKafkaConnection, *args: Any, **kwargs: Any) -> Any:
        try:
            return send(self, *args, **kwargs)
        except RuntimeError as exc:
            self.close(reason=CloseReason.CONNECTION_BROKEN, exc=exc)
            raise KafkaConnectionError(
                f"Connection at {self._host}:{self._port} broken: {exc}") from exc

    guarded.__orcast_guarded__ = True  # type: ignore[attr-defined]
    return guarded


def install() -> None:
    """Once per process, before any client sends (idempotent)."""
    for name in ("send", "_send_sasl_token"):
        send = getattr(AIOKafkaConnection, name)
        if not getattr(send, "__orcast_guarded__", False):
            setattr(AIOKafkaConnection, name, _broken_on_closed_transport(send))
