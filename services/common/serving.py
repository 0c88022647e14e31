"""Serving an app with guards against slow and greedy clients.

aiohttp itself bounds only idle keep-alive connections (given the idle timeout here);
this runner adds the rest:

| guard | setting (default) | trips when | then |
|---|---|---|---|
| headers | ORCAST_HTTP_HEADER_TIMEOUT (10 s) | headers incomplete after connect (1) | close |
| body | ORCAST_HTTP_BODY_TIMEOUT (30 s) | body incomplete after the headers | 408, close |
| idle | ORCAST_HTTP_IDLE_TIMEOUT (75 s) | no request on a kept-alive connection | close |
| per address | ORCAST_HTTP_MAX_CONNECTIONS_PER_IP (100) | one more connection | 503, close |

(1) or after the first byte of a further request on a kept-alive connection.

A WebSocket or an event stream lives inside its request's handler, after its headers
and with no body, so none of the timers touches it. Behind a reverse proxy every
client shares the proxy's address: raise the cap to what the proxy may open (or 0),
and cap per client at the proxy.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import socket
import traceback
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, cast

from aiohttp import web

from .errors import RequestTimeout
from .metrics import HTTP_CONNECTIONS_CUT
from .settings import Settings
from .web import SECURITY_HEADERS, SERVER_NAME

logger = logging.getLogger(__name__)

Handler = Callable[[web.BaseRequest], Awaitable[web.StreamResponse]]
# A guard's timer firing this early counts as due (a loop may round a delay down to its
# clock's millisecond; re-aiming for the rest would spin).
TIMER_SLACK = 0.002


@dataclass(frozen=True, slots=True)
class ConnectionLimits:
    header_timeout: float = 10.0
    body_timeout: float = 30.0
    idle_timeout: float = 75.0
    max_per_ip: int = 100  # 0: no cap
    refusal_linger: float = 2.0  # a refused client's time to read its 503 before the close

    @classmethod
    def from_settings(cls, settings: Settings) -> ConnectionLimits:
        return cls(header_timeout=settings.http_header_timeout,
                   body_timeout=settings.http_body_timeout,
                   idle_timeout=settings.http_idle_timeout,
                   max_per_ip=settings.http_max_connections_per_ip)


def _refusal() -> bytes:
    body = json.dumps({"error": {
        "code": "too_many_connections",
        "message": "too many open connections from this address; retry shortly"}}).encode()
    head = ("HTTP/1.1 503 Service Unavailable\r\n"
            f"Server: {SERVER_NAME}\r\n"
            "Content-Type: application/json; charset=utf-8\r\n"
            f"Content-Length: {len(body)}\r\n"
            "Retry-After: 5\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n"
            "Connection: close\r\n\r\n")
    return head.encode() + body


REFUSAL = _refusal()


class GuardedProtocol(web.RequestHandler):
    """aiohttp's HTTP protocol plus the header and body timers and the per-address count."""

    __slots__ = ("_address", "_body_late", "_due", "_guard", "_in_handler", "_on_due",
                 "_refused", "_timer", "_timer_at")

    def __init__(self, manager: GuardedServer, **kwargs: Any) -> None:
        super().__init__(manager, **kwargs)
        self._guard = manager
        self._address: str | None = None  # counted against the cap until the close
        # The guard armed: `_on_due` runs at loop time `_due` unless disarmed first. One
        # loop timer (`_timer`, due at `_timer_at`) serves it and is re-aimed when it fires
        # early, not made and cancelled per request (issue 14: a keep-alive request arms
        # the header guard and disarms it again; a uvloop timer each time was ~5 % of a
        # small request's server CPU).
        self._on_due: Callable[[], None] | None = None
        self._due = 0.0
        self._timer: asyncio.TimerHandle | None = None
        self._timer_at = 0.0
        self._in_handler = False
        self._refused = False
        self._body_late = False

    @property
    def limits(self) -> ConnectionLimits:
        return self._guard.limits

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        peer = transport.get_extra_info("peername")
        address = str(peer[0]) if isinstance(peer, tuple) and peer else ""
        if address:
            if not self._guard.admit(address):
                self._refuse(transport)
                return
            self._address = address
        super().connection_made(transport)
        self._arm(self.limits.header_timeout, self._headers_late)

    def connection_lost(self, exc: BaseException | None) -> None:
        self._disarm()
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._address is not None:
            self._guard.release(self._address)
            self._address = None
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._refused:
            return
        if data and self._on_due is None and not self._in_handler:
            self._arm(self.limits.header_timeout, self._headers_late)  # a keep-alive request
        super().data_received(data)

    def misdirected(self, request: web.BaseRequest) -> web.StreamResponse | None:
        """The answer to a request this process must not serve on this connection."""
        return None

    def request_started(self, request: web.BaseRequest) -> None:
        """The headers are in (aiohttp calls the handler once they are)."""
        self._disarm()
        self._in_handler = True
        if request.body_exists and not request.content.is_eof():
            self._arm(self.limits.body_timeout, functools.partial(self._body_overdue, request))

    async def finish_response(self, request: web.BaseRequest, resp: web.StreamResponse,
                              start_time: float | None) -> tuple[web.StreamResponse, bool]:
        """aiohttp's step after the handler returned or raised (not when it was cancelled:
        the connection is going then, and `connection_lost` disarms)."""
        if self._in_handler:
            self.request_finished(request)
        return await super().finish_response(request, resp, start_time)

    def request_finished(self, request: web.BaseRequest) -> None:
        self._disarm()
        self._in_handler = False
        if self._body_late:
            # Nothing more is read from this client; mark the body ended so aiohttp does
            # not linger reading the rest, and closes after the response.
            request.content.feed_eof()

    def handle_error(self, request: web.BaseRequest, status: int = 500,
                     exc: BaseException | None = None,
                     message: str | None = None) -> web.StreamResponse:
        """Errors outside the app's middlewares (malformed requests, mostly): the app's
        JSON error shape and headers, and no log line quoting the request."""
        if status >= 500:
            frames = "".join(traceback.format_tb(exc.__traceback__)) if exc else ""
            logger.error("unhandled %s outside the error middleware\n%s",
                         type(exc).__name__ if exc else "error", frames)
        else:
            logger.debug("refused a malformed request (%s)", status)
        if request.writer.output_size > 0:
            raise ConnectionError("response already started; cannot send an error")
        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = "Error"
        response = web.json_response(
            {"error": {"code": phrase.lower().replace(" ", "_"), "message": phrase}},
            status=status, headers={**SECURITY_HEADERS, "Server": SERVER_NAME,
                                    "Cache-Control": "no-store"})
        response.force_close()
        return response

    def _refuse(self, base: asyncio.BaseTransport) -> None:
        # A stream transport, though not necessarily an `asyncio.Transport` subclass
        # (uvloop's TCPTransport is not one): only its methods are used.
        transport = cast(asyncio.Transport, base)
        self._refused = True
        self.transport = transport  # so connection_lost unwinds as for any connection
        HTTP_CONNECTIONS_CUT.labels("per_ip_limit").inc()
        transport.write(REFUSAL)
        if transport.can_write_eof():
            transport.write_eof()  # FIN after the answer; the client's EOF then closes
        self._arm(self.limits.refusal_linger, transport.close)

    def _headers_late(self) -> None:
        if self._in_handler:
            return
        HTTP_CONNECTIONS_CUT.labels("header_timeout").inc()
        logger.debug("closed a connection: request headers took over %g s",
                     self.limits.header_timeout)
        self.force_close()

    def _body_overdue(self, request: web.BaseRequest) -> None:
        if request.content.is_eof():
            return
        HTTP_CONNECTIONS_CUT.labels("body_timeout").inc()
        logger.debug("request body took over %g s; answering 408", self.limits.body_timeout)
        self._body_late = True
        self.close()  # stop reading from this client; close once the response is out
        request.content.set_exception(RequestTimeout(
            f"request body not received within {self.limits.body_timeout:g} s"))

    def _arm(self, delay: float, callback: Callable[[], None]) -> None:
        """`callback` in `delay` seconds, instead of whatever was armed."""
        self._on_due = callback
        self._due = self._loop.time() + delay
        if self._timer is None or self._timer_at > self._due:
            self._aim()
        # (a timer due no later stays: when it fires, `_fire` aims it at `_due`)

    def _disarm(self) -> None:
        self._on_due = None  # a timer still set finds nothing due when it fires

    def _aim(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = self._loop.call_at(self._due, self._fire)
        self._timer_at = self._due

    def _fire(self) -> None:
        self._timer = None
        callback = self._on_due
        if callback is None:
            return
        if self._due - self._loop.time() > TIMER_SLACK:
            self._aim()  # armed again since this timer was set
            return
        self._on_due = None
        callback()


class GuardedServer(web.Server):
    """aiohttp's server (the protocol factory) making `GuardedProtocol`s and counting
    open connections per peer address."""

    def __init__(self, handler: Handler, *, limits: ConnectionLimits, **kwargs: Any) -> None:
        super().__init__(_reporting(handler), **kwargs)
        self.limits = limits
        self._open: dict[str, int] = {}

    def __call__(self) -> web.RequestHandler:
        return GuardedProtocol(self, loop=self._loop, **self._kwargs)

    def protocol(self, kind: Callable[..., GuardedProtocol],
                 **extra: Any) -> GuardedProtocol:
        """A connection's protocol of another kind (`services/dev/handed.py`), made as
        this server makes its own."""
        return kind(self, loop=self._loop, **self._kwargs, **extra)

    def admit(self, address: str) -> bool:
        count = self._open.get(address, 0)
        if 0 < self.limits.max_per_ip <= count:
            return False
        self._open[address] = count + 1
        return True

    def release(self, address: str) -> None:
        left = self._open.get(address, 1) - 1
        if left > 0:
            self._open[address] = left
        else:
            self._open.pop(address, None)


def _reporting(handler: Handler) -> Handler:
    """Tell the connection when its request's handler starts (here) and ends
    (`GuardedProtocol.finish_response`). Not a coroutine: it hands back the handler's own,
    so a WebSocket held open for hours holds no frame of this one (~300 bytes a socket;
    issue 14)."""

    def guarded(request: web.BaseRequest) -> Awaitable[web.StreamResponse]:
        protocol = request.protocol
        if not isinstance(protocol, GuardedProtocol):
            return handler(request)
        refusal = protocol.misdirected(request)
        if refusal is not None:
            return _answered(refusal)
        protocol.request_started(request)
        return handler(request)

    return guarded


async def _answered(response: web.StreamResponse) -> web.StreamResponse:
    return response


class GuardedRunner(web.AppRunner):
    __slots__ = ("_limits",)

    def __init__(self, app: web.Application, *, limits: ConnectionLimits,
                 **kwargs: Any) -> None:
        kwargs.setdefault("keepalive_timeout", limits.idle_timeout)
        super().__init__(app, **kwargs)
        self._limits = limits

    async def _make_server(self) -> web.Server:
        plain = await super()._make_server()
        # The same handler and options aiohttp chose; only the protocol differs.
        return GuardedServer(plain.request_handler, limits=self._limits,
                             request_factory=plain.request_factory,
                             handler_cancellation=plain.handler_cancellation,
                             **plain._kwargs)


async def start(app: web.Application, settings: Settings, *, host: str, port: int,
                sock: socket.socket | None = None, **runner_options: Any) -> GuardedRunner:
    """Serve `app` on host:port (or on `sock`, a socket already listening) with the guards
    from `settings`; `cleanup()` stops it. A start that fails stops whatever had started
    (the app's parts, their Kafka clients)."""
    runner = GuardedRunner(app, limits=ConnectionLimits.from_settings(settings),
                           **runner_options)
    try:
        await runner.setup()  # the app's start-up: a part may fail after others started
        site = web.SockSite(runner, sock) if sock is not None else web.TCPSite(
            runner, host, port)
        await site.start()
    except BaseException:
        await runner.cleanup()
        raise
    return runner
