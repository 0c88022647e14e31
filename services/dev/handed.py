"""A connection `orcast dev`'s front handed over, kept alive while its requests are this
process's.

While a response goes out the process reads nothing more of the connection; the next
request waits in the kernel, and the process peeks at its request line (`MSG_PEEK`: the
bytes stay there). Its own path: it reads on and aiohttp serves it as any keep-alive
request, with no work in the supervisor (the common case: a tablet's or a client's
requests to one service). Another's: the socket goes back to the front unread
(`give_back`), this process's copy closes without a FIN (the front's copy carries the
connection on), and the front routes it as a connection just accepted.

A request aiohttp has read already (a client pipelining one request behind another)
cannot go back unread: when it is not this process's it is answered `421 Misdirected
Request` and the connection closed; the client may retry it on a new connection (RFC
9110 §15.5.20). Nor can one aiohttp has read part of: the peek would see the rest of
its headers, which may look like a request line. So the process gives a connection back
only when the bytes fed to aiohttp end exactly where the request just answered ends
(`_request_ended`): its header block to the first CRLFCRLF, with no bare CR or LF (where
llhttp might end a line), then its Content-Length. Any other connection (chunked,
CONNECT, pipelined beyond 64 KiB) is "dirty": kept to its end, its requests that are not
this process's answered 421. A WebSocket keeps its connection; server-sent events, and
a response sent before its request's body had all come, close theirs after them, as
before.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import Callable, Iterable
from typing import Any

from aiohttp import web

from services.common.serving import GuardedProtocol, GuardedServer
from services.common.web import SECURITY_HEADERS, SERVER_NAME

from .front import MAX_LINE_BYTES, SHARED_ROUTES, RouteTable, line_ended, request_path, target_path

logger = logging.getLogger(__name__)

Owns = Callable[[str], bool]  # is this path this process's?
GiveBack = Callable[[socket.socket], bool]  # True: took the socket over; False: could not

_OWN = "own"
READ_BYTES = 2**16
MAX_KEPT_BYTES = 2**16  # of a request's bytes; a request ending beyond: the connection is dirty


def owns_routes(canonicals: Iterable[str]) -> Owns:
    """The paths the front routes to a process serving these routes (`RouteTable`)."""
    table = RouteTable([(c, _OWN) for c in canonicals if c not in SHARED_ROUTES], "")
    return lambda path: table.target_for(path) == _OWN


class HandedProtocol(GuardedProtocol):
    """aiohttp's protocol with the guards, for a connection the front handed over.

    From its first response on, the protocol reads the socket itself (through its own
    descriptor, the transport's reading stopped for good): a request boundary then costs
    a peek, not a stop and a restart of the transport's reading and a watch set up and
    torn down (measured at ~30 µs a request). Until a response is out nothing is read,
    so the next request waits in the kernel. A WebSocket or a stream gives the reading
    back to the transport, as on any connection."""

    __slots__ = ("_between", "_dirty", "_fed", "_fed_count", "_give_back",
                 "_held", "_here", "_owns", "_reading", "_sock")

    def __init__(self, manager: GuardedServer, *, owns: Owns, give_back: GiveBack,
                 **kwargs: Any) -> None:
        super().__init__(manager, **kwargs)
        self._owns = owns
        self._give_back = give_back
        self._held = False  # a response is going out: read nothing more until it is
        self._between = False  # the next bytes begin a request: peek at them first
        self._sock: socket.socket | None = None  # our own descriptor, read here
        self._here = False  # read here (True) or by the transport
        self._reading = False  # our reader is on
        # What aiohttp has been fed since the current request began (`_record`):
        self._fed: bytes | bytearray = b""  # the first MAX_KEPT_BYTES of it
        self._fed_count = 0  # every byte of it
        self._dirty = False  # aiohttp may hold a next request's bytes: never go back

    def misdirected(self, request: web.BaseRequest) -> web.StreamResponse | None:
        path = target_path(request.raw_path)  # the front's reading of the target
        if path is not None and self._owns(path):
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
        if response.status == 101:
            self._to_transport()  # a WebSocket: read as on any connection
            return
        if not response.keep_alive:
            return
        if (not isinstance(response, web.Response | web.FileResponse)
                or not request.content.is_eof()):
            response.force_close()  # a stream, or the rest of a body still to come
            response.headers["Connection"] = "close"
            self._to_transport()
            return
        self._held = True
        if not self._here:
            super()._pause_transport_reading()
        # (read here: the reader stops only if bytes come before the response is out)

    async def finish_response(self, request: web.BaseRequest, resp: web.StreamResponse,
                              start_time: float | None) -> tuple[web.StreamResponse, bool]:
        resp, reset = await super().finish_response(request, resp, start_time)
        held, self._held = self._held, False
        if (reset or not resp.keep_alive or self._close or self._force_close
                or self.transport is None):
            return resp, reset  # closing
        self._request_ended(request)
        if not held:
            return resp, reset
        if not self._here:
            fd = self.transport.get_extra_info("socket").fileno()
            self._sock = socket.socket(fileno=os.dup(fd))  # a transport's fd has its reader
            self._here = True
        # A request aiohttp read already (pipelined) is served, or refused (`misdirected`);
        # so is any on a dirty connection.
        self._between = not (self._dirty or self._messages or self._fed_count)
        self._sync()
        return resp, reset

    def connection_lost(self, exc: BaseException | None) -> None:
        self._stop_here()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if data and not self._dirty:
            self._record(data)
        super().data_received(data)

    def _record(self, data: bytes) -> None:
        """Count what aiohttp is fed since the current request began, and keep its first
        `MAX_KEPT_BYTES` (the header block, and whatever follows it: a pipelined request)."""
        kept = self._fed
        if len(kept) == self._fed_count and len(kept) < MAX_KEPT_BYTES:
            if not kept:
                self._fed = data  # the common case: one read, one request; no copy
            else:
                if isinstance(kept, bytes):
                    kept = self._fed = bytearray(kept)
                kept += data
        self._fed_count += len(data)

    def _request_ended(self, request: web.BaseRequest) -> None:
        """After `request`'s response: where did it end in the bytes fed? It began at
        their start; its header block ends at the first CRLFCRLF (llhttp's too, when no
        line in it ends in a bare CR or LF and it does not begin with an empty line),
        then come its Content-Length bytes. The next request begins there: kept (a
        pipelined one), or with the next byte read. Anything else: dirty."""
        if self._dirty:
            return
        fed = self._fed
        end = fed.find(b"\r\n\r\n")
        if (end < 0 or fed[:1] in (b"\r", b"\n") or request.method == "CONNECT"
                or request.version[0] != 1 or "Transfer-Encoding" in request.headers):
            self._make_dirty()
            return
        block = fed[:end + 4]
        crlf = block.count(b"\r\n")
        if block.count(b"\n") != crlf or block.count(b"\r") != crlf:
            self._make_dirty()  # a bare LF or CR: llhttp may have ended a line there
            return
        ended = end + 4 + (request.content_length or 0)
        if ended == self._fed_count:
            self._fed = b""
            self._fed_count = 0
        elif ended < self._fed_count == len(fed):  # a pipelined request follows, all kept
            self._fed = fed[ended:]
            self._fed_count -= ended
        else:
            self._make_dirty()

    def _make_dirty(self) -> None:
        self._dirty = True
        self._fed = b""

    # aiohttp's flow control (a body's buffer, its queue of pipelined requests)
    def _pause_transport_reading(self) -> None:
        if self._here:
            self._sync()
        else:
            super()._pause_transport_reading()

    def _resume_transport_reading(self) -> None:
        if self._here:
            self._sync()
        elif not self._held:
            super()._resume_transport_reading()

    def _sync(self) -> None:
        """Our reader on exactly when reading is wanted."""
        want = (self._here and not (self._held or self._reading_paused
                                    or self._buffer_paused) and self.transport is not None)
        if want != self._reading and self._sock is not None:
            if want:
                self._loop.add_reader(self._sock.fileno(), self._readable)
            else:
                self._loop.remove_reader(self._sock.fileno())
            self._reading = want

    def _stop_here(self) -> None:
        self._here = False
        self._sync()
        if self._sock is not None:
            self._sock.close()
            self._sock = None

    def _to_transport(self) -> None:
        self._make_dirty()  # a WebSocket or a stream: its connection never goes back
        if self._here:
            self._stop_here()
            if not self._reading_paused and not self._buffer_paused:
                super()._resume_transport_reading()

    def _readable(self) -> None:
        sock = self._sock
        transport = self.transport
        if self._held or sock is None or transport is None:  # pipelined: waits its turn
            self._sync()
            return
        if self._between:
            try:
                head = sock.recv(MAX_LINE_BYTES, socket.MSG_PEEK)
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                head = b""
            if (self._elsewhere(head) and not transport.get_write_buffer_size()
                    and self._hand_back(sock, transport)):
                return
            # still answering, or the front's queue full: aiohttp reads it (421 if not ours)
            self._between = False
        try:
            data = sock.recv(READ_BYTES)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            self._stop_here()
            transport.abort()
            return
        if data:
            self.data_received(data)
        else:  # the client's end: as a transport does
            self._stop_here()
            self.eof_received()
            transport.close()

    def _elsewhere(self, head: bytes) -> bool:
        """Does a request beginning `head` belong to the front to route? Another's path,
        or a line not yet whole (the front waits for it, with its header timeout). Not a
        request line, or the end: aiohttp answers (or ends a request it began reading)."""
        path = request_path(head)
        if path is None:
            return bool(head) and not line_ended(head) and len(head) < MAX_LINE_BYTES
        return not self._owns(path)

    def _hand_back(self, sock: socket.socket, transport: asyncio.Transport) -> bool:
        self._here = False
        self._sync()  # before our descriptor goes
        if not self._give_back(sock):
            logger.warning("the front took no connection back (its queue is full)")
            self._here = True
            self._sync()
            return False
        self._sock = None
        transport.abort()  # the transport's descriptor: no FIN, the front's carries on
        return True


async def hold_between_requests(request: web.Request, response: web.StreamResponse) -> None:
    """`on_response_prepare` of an app serving handed connections."""
    protocol = request.protocol
    if isinstance(protocol, HandedProtocol):
        protocol.responding(request, response)


def handed_factory(server: GuardedServer, owns: Owns,
                   give_back: GiveBack) -> Callable[[], GuardedProtocol]:
    """The protocol factory for connections the front hands to `server`."""
    return lambda: server.protocol(HandedProtocol, owns=owns, give_back=give_back)
