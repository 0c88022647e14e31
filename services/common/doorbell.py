"""Dev-only wake-up for idle consumers, for a broker that cannot wake them itself.

Tansu (the embedded broker) answers a waiting fetch only when its wait runs out, not
when records arrive. So an idle consumer there either asks often (CPU for nothing)
or answers late. Under `orcast dev` the supervisor runs a relay (`Relay`) on a
loopback UDP port (`ORCAST_DEV_DOORBELL`): a producer rings it after the broker
acknowledged a write, naming the topics; the relay passes the ring on to every
process; a consumer whose topics were named wakes at once (consumer.py). An idle
consumer pauses its partitions and sends no fetches at all.

A ring is a hint, never needed for correctness: a consumer asleep also checks every
10 s (`nap.SAFETY_CHECK_SECONDS`) whether its partitions hold unread records (a lost
datagram, a writer outside `orcast dev`). Apache Kafka completes a waiting fetch when records
arrive; deployments there set no doorbell and use a long fetch wait instead.

Wire format: `join` (a process's listening address) and `ring <topic>,<topic>…`.
Producers and the relay coalesce rings (the first at once, the rest within
`COALESCE_SECONDS`), so a busy pipeline sends at most ~200 a second per process.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
import time
from collections.abc import Callable

from .settings import Settings

logger = logging.getLogger(__name__)

ENV = "ORCAST_DEV_DOORBELL"
COALESCE_SECONDS = 0.005  # every hop waits up to this twice (producer, relay)
JOIN = b"join"
RING = b"ring "
MAX_DATAGRAM = 60_000


def relay_address(settings: Settings) -> tuple[str, int] | None:
    """The relay `orcast dev` announced to this process (`Settings.dev_doorbell`), if any."""
    value = settings.dev_doorbell  # "off": `orcast dev` without one (to compare)
    host, _, port = value.rpartition(":")
    if not host or not port.isdigit():
        return None
    return host, int(port)


def encode_ring(topics: set[str]) -> bytes:
    return RING + ",".join(sorted(topics)).encode()


def decode_ring(datagram: bytes) -> set[str] | None:
    if not datagram.startswith(RING):
        return None
    return {t for t in datagram[len(RING):].decode(errors="replace").split(",") if t}


class _Coalescer:
    """Send the first ring at once; rings within COALESCE_SECONDS after it go together
    when the window ends (never dropped: a record written must ring after its ack)."""

    def __init__(self, send: Callable[[set[str]], None], every: float = COALESCE_SECONDS) -> None:
        self._send = send
        self._every = every
        self._last = 0.0
        self._pending: set[str] = set()
        self._timer: asyncio.TimerHandle | None = None

    def ring(self, topics: set[str]) -> None:
        self._pending |= topics
        if self._timer is not None:
            return
        wait = self._last + self._every - time.monotonic()
        if wait <= 0:
            self._flush()
        else:
            self._timer = asyncio.get_running_loop().call_later(wait, self._flush)

    def _flush(self) -> None:
        self._timer = None
        if self._pending:
            topics, self._pending = self._pending, set()
            self._last = time.monotonic()
            self._send(topics)


class Bell:
    """This process's end: rings after writes, and wakes local consumers on rings."""

    def __init__(self, relay: tuple[str, int]) -> None:
        self._relay = relay
        self._loop = asyncio.get_running_loop()
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._sock.setblocking(False)
        self._sock.bind(("127.0.0.1", 0))
        self._waiters: dict[asyncio.Future[None], frozenset[str]] = {}
        self._listeners: dict[Callable[[], None], frozenset[str]] = {}
        self._rung: dict[str, int] = {}
        self._out = _Coalescer(self._send_ring)
        self._loop.add_reader(self._sock.fileno(), self._readable)
        self._sendto(JOIN)

    def close(self) -> None:
        self._loop.remove_reader(self._sock.fileno())
        self._sock.close()

    def ring(self, full_topics: set[str]) -> None:
        """Tell every process that these topics got records (call after the ack)."""
        self._out.ring(full_topics)

    def generation(self, topics: frozenset[str]) -> int:
        """How many rings named any of `topics` so far (a consumer's `seen`)."""
        return sum(self._rung.get(t, 0) for t in topics)

    async def wait(self, topics: frozenset[str], seen: int, timeout: float) -> bool:
        """True once a ring names one of `topics` after `seen`, False after `timeout`."""
        if self.generation(topics) != seen:
            return True
        future: asyncio.Future[None] = self._loop.create_future()
        self._waiters[future] = topics
        try:
            await asyncio.wait_for(future, timeout)
            return True
        except TimeoutError:
            return False
        finally:
            self._waiters.pop(future, None)

    def listen(self, topics: frozenset[str], callback: Callable[[], None]) -> None:
        """Call `callback` (in the loop, at once) on every ring naming one of `topics`."""
        self._listeners[callback] = topics

    def unlisten(self, callback: Callable[[], None]) -> None:
        self._listeners.pop(callback, None)

    def _send_ring(self, topics: set[str]) -> None:
        self._sendto(encode_ring(topics))

    def _sendto(self, datagram: bytes) -> None:
        try:
            self._sock.sendto(datagram[:MAX_DATAGRAM], self._relay)
        except OSError as exc:  # a hint only: the safety check covers a lost ring
            logger.debug("doorbell send failed (%s)", type(exc).__name__)

    def _readable(self) -> None:
        while True:
            try:
                datagram = self._sock.recv(MAX_DATAGRAM)
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                return
            topics = decode_ring(datagram)
            if not topics:
                continue
            for topic in topics:
                self._rung[topic] = self._rung.get(topic, 0) + 1
            for future, wanted in list(self._waiters.items()):
                if not future.done() and wanted & topics:
                    future.set_result(None)
            for callback, wanted in list(self._listeners.items()):
                if wanted & topics:
                    callback()


_bell: Bell | None = None


def current(settings: Settings) -> Bell | None:
    """This process's bell under `orcast dev` (None elsewhere), bound to the running loop."""
    global _bell
    relay = relay_address(settings)
    if relay is None:
        return None
    if _bell is None or _bell._loop is not asyncio.get_running_loop() \
            or _bell._loop.is_closed():
        _bell = Bell(relay)
    return _bell


class Relay:
    """The supervisor's end: passes every ring on to every process that joined.

    A thread with a blocking socket: it needs no event loop and costs nothing idle."""

    def __init__(self, every: float = COALESCE_SECONDS) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._sock.bind(("127.0.0.1", 0))
        self._every = every
        self._members: set[tuple[str, int]] = set()
        self._thread = threading.Thread(target=self._run, name="doorbell-relay", daemon=True)

    @property
    def address(self) -> str:
        host, port = self._sock.getsockname()[:2]
        return f"{host}:{port}"

    def start(self) -> Relay:
        self._thread.start()
        return self

    def close(self) -> None:
        self._sock.close()

    def _run(self) -> None:
        pending: set[str] = set()
        last = 0.0
        while True:
            due = last + self._every - time.monotonic() if pending else None
            if due is not None and due <= 0:
                self._forward(pending)
                pending, last = set(), time.monotonic()
                continue
            try:  # `close` may come from another thread at any point here: EBADF ends the loop
                self._sock.settimeout(due)
                datagram, sender = self._sock.recvfrom(MAX_DATAGRAM)
            except TimeoutError:
                continue
            except OSError:
                return  # closed
            if datagram == JOIN:
                self._members.add(sender)
                continue
            topics = decode_ring(datagram)
            if not topics:
                continue
            pending |= topics
            if time.monotonic() - last >= self._every:
                self._forward(pending)
                pending, last = set(), time.monotonic()

    def _forward(self, topics: set[str]) -> None:
        datagram = encode_ring(topics)
        for member in list(self._members):
            try:
                self._sock.sendto(datagram, member)
            except OSError:
                self._members.discard(member)
