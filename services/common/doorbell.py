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

Wire format: `join <topic>,<topic>…` (a process's listening address and the topics its
consumers wait for; sent again whenever they grow; a bare `join` takes every topic) and
`ring <entry>,<entry>…`, where an entry is `<topic>:<partition>` (a partition that got
records; a consumer resumes only the partitions named, so its fetch names one partition,
not every one it is assigned: on Tansu and in aiokafka a fetch costs by partitions named,
~0.4 ms each side for 24 against 1, issue 14) or a bare `<topic>` (every partition). Kafka
topic names have no `:`. Producers coalesce their rings (the first at once, the rest
within `COALESCE_SECONDS`), so a busy pipeline sends at most ~200 a second per process;
the relay passes each on at once, to the processes that listen for one of its topics
and naming only those (issue 14: held there too, every hop waited for it twice, and
every process woke for every ring).
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
import time
from collections.abc import Awaitable, Callable

from .settings import Settings

logger = logging.getLogger(__name__)

ENV = "ORCAST_DEV_DOORBELL"
COALESCE_SECONDS = 0.005  # a ring after another of its process's waits up to this
# a process says again what it listens for: a lost `join` datagram (or a relay that
# dropped it) would otherwise leave its sleepers waking only on their safety check
REJOIN_SECONDS = 3.0
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


def encode_ring(entries: set[str]) -> bytes:
    return RING + ",".join(sorted(entries)).encode()


def entry(topic: str, partition: int) -> str:
    """A ring's entry for records written to one partition."""
    return f"{topic}:{partition}"


def topic_of(entry: str) -> str:
    """The topic a ring entry names (`topic:partition`, or a bare topic)."""
    topic, colon, _ = entry.rpartition(":")
    return topic if colon else entry


def partition_of(entry: str) -> tuple[str, int] | None:
    """(topic, partition) of a `topic:partition` entry; None for a bare topic or anything
    else. Any local process may send a ring: a partition that is not plain ASCII digits
    (`int` refuses '²'; a huge one is no partition) names none."""
    topic, colon, partition = entry.rpartition(":")
    if not colon or not (partition.isascii() and partition.isdigit()) or len(partition) > 9:
        return None
    return topic, int(partition)


def decode_ring(datagram: bytes) -> set[str] | None:
    if not datagram.startswith(RING):
        return None
    return _topics(datagram[len(RING):])


def encode_join(topics: set[str]) -> bytes:
    return JOIN + b" " + ",".join(sorted(topics)).encode()


def decode_join(datagram: bytes) -> frozenset[str] | None:
    """The topics a `join` names; None for a bare one (every topic)."""
    return frozenset(_topics(datagram[len(JOIN) + 1:])) if datagram != JOIN else None


def _topics(names: bytes) -> set[str]:
    return {t for t in names.decode(errors="replace").split(",") if t}


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
        self._listeners: dict[Callable[[set[str]], None], frozenset[str]] = {}
        self._rung: dict[str, int] = {}
        self._wanted: set[str] = set()  # what the relay was told to send here
        self._out = _Coalescer(self._send_ring)
        self._loop.add_reader(self._sock.fileno(), self._readable)
        self._rejoin: asyncio.TimerHandle | None = self._loop.call_later(
            REJOIN_SECONDS, self._join_again)

    def close(self) -> None:
        if self._rejoin is not None:
            self._rejoin.cancel()
            self._rejoin = None
        self._loop.remove_reader(self._sock.fileno())
        self._sock.close()

    def _join_again(self) -> None:
        if self._wanted:
            self._sendto(encode_join(self._wanted))
        self._rejoin = self._loop.call_later(REJOIN_SECONDS, self._join_again)

    def ring(self, entries: set[str]) -> None:
        """Tell every process that these partitions (`entry`) or topics got records (call
        after the ack)."""
        self._out.ring(entries)

    def generation(self, topics: frozenset[str]) -> int:
        """How many rings named any of `topics` so far (a consumer's `seen`)."""
        return sum(self._rung.get(t, 0) for t in topics)

    def wait(self, topics: frozenset[str], seen: int, timeout: float) -> Awaitable[bool]:
        """True once a ring names one of `topics` after `seen`, False after `timeout`.
        The relay hears of `topics` at once, not when the wait is first awaited."""
        self._want(topics)
        return self._wait(topics, seen, timeout)

    async def _wait(self, topics: frozenset[str], seen: int, timeout: float) -> bool:
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

    def listen(self, topics: frozenset[str], callback: Callable[[set[str]], None]) -> None:
        """Call `callback` (in the loop, at once) on every ring naming one of `topics`,
        with the ring's entries for those topics."""
        self._want(topics)
        self._listeners[callback] = topics

    def unlisten(self, callback: Callable[[set[str]], None]) -> None:
        self._listeners.pop(callback, None)

    def _want(self, topics: frozenset[str]) -> None:
        """Join (again) when the topics this process waits for grow. Sent before anything
        waits on them: a ring the relay reads after this reaches us."""
        if not topics <= self._wanted:
            self._wanted |= topics
            self._sendto(encode_join(self._wanted))

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
            entries = decode_ring(datagram)
            if not entries:
                continue
            topics = {topic_of(e) for e in entries}
            for topic in topics:
                self._rung[topic] = self._rung.get(topic, 0) + 1
            for future, wanted in list(self._waiters.items()):
                if not future.done() and wanted & topics:
                    future.set_result(None)
            for callback, wanted in list(self._listeners.items()):
                if wanted & topics:
                    callback({e for e in entries if topic_of(e) in wanted})


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
    """The supervisor's end: passes every ring on, at once, to every process that listens
    for one of its topics.

    A thread with a blocking socket: it needs no event loop and costs nothing idle."""

    def __init__(self) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._sock.bind(("127.0.0.1", 0))
        self._members: dict[tuple[str, int], frozenset[str] | None] = {}
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
        while True:
            try:  # `close` may come from another thread at any point here: EBADF ends the loop
                self._sock.settimeout(None)
                datagram, sender = self._sock.recvfrom(MAX_DATAGRAM)
            except OSError:
                return  # closed
            if datagram == JOIN or datagram.startswith(JOIN + b" "):
                self._members[sender] = decode_join(datagram)
                continue
            entries = decode_ring(datagram)
            if entries:
                self._forward(entries)

    def _forward(self, entries: set[str]) -> None:
        for member, wanted in list(self._members.items()):
            named = entries if wanted is None else {
                e for e in entries if topic_of(e) in wanted}
            if not named:
                continue
            try:
                self._sock.sendto(encode_ring(named), member)
            except OSError:
                self._members.pop(member, None)
