"""A connection `orcast dev`'s front handed over, kept alive while its requests are this
process's.

After a response the process stops reading the connection and watches its socket; when
the next request comes it peeks at the request line (`MSG_PEEK`: the bytes stay in the
kernel). Its own path: reading resumes and aiohttp serves it as any keep-alive request,
with no work in the supervisor (the common case: a tablet's or a client's requests to
one service). Another's: the socket goes back to the front unread (`give_back`), this
process's copy closes without a FIN (the front's copy carries the connection on), and
the front routes it as a connection just accepted.

A request aiohttp has read already (a client pipelining one request behind another)
cannot go back unread: when it is not this process's it is answered `421 Misdirected
Request` and the connection closed; the client may retry it on a new connection (RFC
9110 §15.5.20). A WebSocket keeps its connection; server-sent events, and a response
sent before its request's body had all come, close theirs after them, as before.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable, Iterable
from typing import Any

from aiohttp import web

from services.common.serving import GuardedProtocol, GuardedServer
from services.common.web import SECURITY_HEADERS, SERVER_NAME

from .front import MAX_LINE_BYTES, SHARED_ROUTES, RouteTable, request_path

logger = logging.getLogger(__name__)

Owns = Callable[[str], bool]  # is this path this process's?
GiveBack = Callable[[socket.socket], bool]  # takes the socket over; False: could not

_OWN = "own"


def owns_routes(canonicals: Iterable[str]) -> Owns:
    """The paths the front routes to a process serving these routes (`RouteTable`)."""
    table = RouteTable([(c, _OWN) for c in canonicals if c not in SHARED_ROUTES], "")
    return lambda path: table.target_for(path) == _OWN


class HandedProtocol(GuardedProtocol):
    """aiohttp's protocol with the guards, for a connection the front handed over."""

    __slots__ = ("_give_back", "_held", "_owns", "_watched", "_watching")

    def __init__(self, manager: GuardedServer, *, owns: Owns, give_back: GiveBack,
                 **kwargs: Any) -> None:
        super().__init__(manager, **kwargs)
        self._owns = owns
        self._give_back = give_back
        self._held = False  # reading stopped from the response until the next request
        self._watched: socket.socket | None = None  # our own descriptor of the socket
        self._watching = False

    def misdirected(self, request: web.BaseRequest) -> web.StreamResponse | None:
        if self._owns(request.raw_path.split("?", 1)[0]):
            return None
        response = web.json_response(
            {"error": {"code": "misdirected_request",
                       "message": "sent on a connection serving another path; "
                                  "retry on a new connection"}},
            status=421, headers={**SECURITY_HEADERS, "Server": SERVER_NAME,
                                 "Cache-Control": "no-store"})
        response.force_close()
        return response

    def responding(self, request: web.BaseRequest, response: web.StreamResponse) -> None:
        """A response is about to go out (`on_response_prepare`)."""
        if response.status == 101 or not response.keep_alive:
            return
        if (not isinstance(response, web.Response | web.FileResponse)
                or not request.content.is_eof()):
            response.force_close()  # a stream, or the rest of a body still to come
            response.headers["Connection"] = "close"
            return
        # No byte more is read before this response is out: the next request, once the
        # client has it, is still in the kernel to peek at.
        self._held = True
        self._pause_transport_reading()

    async def finish_response(self, request: web.BaseRequest, resp: web.StreamResponse,
                              start_time: float | None) -> tuple[web.StreamResponse, bool]:
        resp, reset = await super().finish_response(request, resp, start_time)
        if self._held:
            if (reset or self._messages or not resp.keep_alive or self._close
                    or self._force_close or self.transport is None):
                self._release()  # closing, or the next request was read already
            else:
                self._watch()
        return resp, reset

    def connection_lost(self, exc: BaseException | None) -> None:
        self._unwatch()
        if self._watched is not None:
            self._watched.close()
            self._watched = None
        super().connection_lost(exc)

    def _resume_transport_reading(self) -> None:
        if not self._held:  # aiohttp's own flow control resumes only what it paused
            super()._resume_transport_reading()

    def _release(self) -> None:
        self._held = False
        if not self._reading_paused and not self._buffer_paused:
            self._resume_transport_reading()

    def _watch(self) -> None:
        assert self.transport is not None
        if self._watched is None:  # the transport's own descriptor cannot be watched too
            fd = self.transport.get_extra_info("socket").fileno()
            self._watched = socket.socket(fileno=os.dup(fd))
        self._loop.add_reader(self._watched.fileno(), self._next_request)
        self._watching = True

    def _unwatch(self) -> None:
        if self._watching and self._watched is not None:
            self._loop.remove_reader(self._watched.fileno())
        self._watching = False

    def _next_request(self) -> None:
        self._unwatch()  # level-triggered: the peeked bytes stay unread
        assert self._watched is not None
        try:
            head = self._watched.recv(MAX_LINE_BYTES, socket.MSG_PEEK)
        except (BlockingIOError, InterruptedError):
            self._watch()
            return
        except OSError:
            head = b""
        path = request_path(head)
        if path is None:
            # not a whole line yet: the front waits for it (with its header timeout).
            # Closed, or not a request line: aiohttp answers (or finishes a request it
            # had begun reading).
            if head and b"\r\n" not in head and len(head) < MAX_LINE_BYTES:
                self._hand_back()
            else:
                self._release()
        elif self._owns(path):
            self._release()
        else:
            self._hand_back()

    def _hand_back(self) -> None:
        transport = self.transport
        if transport is None or transport.get_write_buffer_size() or self._watched is None:
            self._release()  # still answering: aiohttp reads it (421 if not ours)
            return
        watched, self._watched = self._watched, None
        if not self._give_back(watched):
            logger.warning("a kept-alive connection could not be handed back")
        self._held = False
        transport.abort()  # our descriptor only: no FIN, the front's carries on


async def hold_between_requests(request: web.Request, response: web.StreamResponse) -> None:
    """`on_response_prepare` of an app serving handed connections."""
    protocol = request.protocol
    if isinstance(protocol, HandedProtocol):
        protocol.responding(request, response)


def handed_factory(server: GuardedServer, owns: Owns,
                   give_back: GiveBack) -> Callable[[], GuardedProtocol]:
    """The protocol factory for connections the front hands to `server`."""
    return lambda: server.protocol(HandedProtocol, owns=owns, give_back=give_back)
