"""Subscriptions and broadcasting: one pre-framed bytes object per update, shared.

A broadcast writes the same `protocol.wire` bytes to each subscriber's transport
(`Connection.send`); a client too far behind is closed with 1013 and resumes
with `after_seq`, so one stalled student never holds up the others. There is no
task and no queue per connection (see connection.py).

Heartbeats: connections sit in `PING_BUCKETS` buckets; each second one bucket
gets the shared ping frame, and a connection silent for `Limits.pong_window`
seconds is cut (4408).
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import random
import time
from collections import Counter, defaultdict
from typing import Any

from aiohttp import web
from prometheus_client import Histogram

from services.common import metrics
from services.common.auth import Principal, normalise_subject

from . import protocol
from .connection import Connection, Limits
from .deadlines import Deadlines
from .history import History, Timeline
from .joinlinks import JoinLinks

logger = logging.getLogger(__name__)

PING_BUCKETS = 15
FANOUT_SECONDS = Histogram(
    "orcast_viewer_fanout_seconds", "Time to hand one frame to every subscriber of a case",
    buckets=(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5))


class Hub:
    def __init__(self, history: History, limits: Limits | None = None) -> None:
        self.history = history
        self.limits = limits or Limits()
        self._subscribers: dict[str, set[Connection]] = defaultdict(set)
        # Viewer counts and the socket cap are per distinct principal, not per socket.
        self._watchers: dict[str, Counter[str]] = defaultdict(Counter)
        self._sockets: Counter[str] = Counter()
        self._buckets: list[set[Connection]] = [set() for _ in range(PING_BUCKETS)]
        self._listeners: set[Connection] = set()
        self._next_bucket = itertools.count()
        self._tick = itertools.count()
        self._list_handle: asyncio.TimerHandle | None = None
        self._list_dirty = False
        self._last_beat = time.monotonic()
        self.links = JoinLinks()  # join links' state, from the `joinlinks` topic
        self._deadlines = Deadlines(self._expired)

    # connections -----------------------------------------------------------------------

    def connections(self) -> int:
        return sum(len(b) for b in self._buckets)

    def has_room(self, principal: Principal) -> bool:
        cap = self.limits.max_sockets_per_principal
        return not cap or self._sockets[normalise_subject(principal.sub)] < cap

    def add(self, ws: web.WebSocketResponse, transport: asyncio.Transport,
            principal: Principal) -> Connection:
        conn = Connection(ws, transport, principal, next(self._next_bucket) % PING_BUCKETS)
        self._buckets[conn.bucket].add(conn)
        self._sockets[conn.who] += 1
        self._expire_at(conn)
        metrics.WEBSOCKETS.inc()
        return conn

    def admits(self, principal: Principal) -> bool:
        """Anyone but a guest whose join link was revoked (or has ended)."""
        return self.links.admits(principal)

    def end_link(self, link_id: str) -> int:
        """A join link was revoked: close its guests' sockets now (4401); how many."""
        ended = [conn for bucket in self._buckets for conn in bucket
                 if conn.principal.join_link == link_id]
        for conn in ended:
            self.kick(conn, protocol.CLOSE_NO_TOKEN, "join link revoked")
        return len(ended)

    def reauthenticate(self, conn: Connection, principal: Principal) -> None:
        """A fresh token for the same principal: the socket lives until its `exp`."""
        conn.principal = principal
        self._expire_at(conn)

    def _expire_at(self, conn: Connection) -> None:
        expires_at = conn.principal.expires_at
        if expires_at is None:
            self._deadlines.set(conn, None)
            return
        loop_time = asyncio.get_running_loop().time()
        self._deadlines.set(conn, loop_time + max(0.0, expires_at - time.time()))

    def _expired(self, conn: Connection) -> None:
        self.kick(conn, protocol.CLOSE_NO_TOKEN, "token expired")

    def remove(self, conn: Connection) -> None:
        if conn in self._buckets[conn.bucket]:
            self._buckets[conn.bucket].discard(conn)
            metrics.WEBSOCKETS.dec()
            who = conn.who
            self._sockets[who] -= 1
            if self._sockets[who] <= 0:
                del self._sockets[who]
        self._deadlines.drop(conn)
        for broadcast_id in list(conn.subscriptions):
            self.unsubscribe(conn, broadcast_id)
        self._listeners.discard(conn)
        conn.closed = True

    def kick(self, conn: Connection, code: int, reason: str) -> None:
        """Close from any context: the close frame queues behind the backlog; a client
        that does not read it within `close_grace` seconds is reset."""
        if conn.closed:
            return
        self.remove(conn)
        transport = conn.transport
        if transport.is_closing():
            return
        transport.write(protocol.close_wire(code, reason))
        transport.close()
        # Jittered, so a thousand clients that stalled together are not torn down together.
        asyncio.get_running_loop().call_later(
            self.limits.close_grace * (1 + random.random()), transport.abort)

    def close_all(self, code: int, reason: str) -> None:
        for bucket in self._buckets:
            for conn in list(bucket):
                self.kick(conn, code, reason)

    def seen(self, conn: Connection) -> None:
        conn.last_seen = time.monotonic()

    # subscriptions ---------------------------------------------------------------------

    def viewers(self, broadcast_id: str) -> int:
        """Distinct principals watching (one student with five tabs counts once)."""
        return len(self._watchers.get(broadcast_id, ()))

    def subscribe(self, conn: Connection, broadcast_id: str, after_seq: int) -> None:
        """Send the snapshot and join the live stream with no await in between,
        so no update can fall between the two. A join link's guest may watch its
        broadcast only."""
        scope = conn.principal.broadcast
        if scope is not None and broadcast_id != scope:
            self.send(conn, protocol.wire(protocol.error(
                "out_of_scope", "this join link opens one broadcast only",
                broadcast_id=broadcast_id)))
            return
        timeline = self.history.timeline(broadcast_id)
        if timeline is None:
            self.send(conn, protocol.wire(protocol.error(
                "unknown_broadcast", "no such broadcast (or not open to students)",
                broadcast_id=broadcast_id)))
            return
        if broadcast_id not in conn.subscriptions and \
                len(conn.subscriptions) >= self.limits.max_subscriptions:
            self.send(conn, protocol.wire(protocol.error(
                "too_many_subscriptions",
                f"at most {self.limits.max_subscriptions} per connection",
                broadcast_id=broadcast_id)))
            return
        self.unsubscribe(conn, broadcast_id)
        broadcast_id = timeline.broadcast_id  # one string for every subscriber, not one each
        conn.subscriptions[broadcast_id] = after_seq
        self._subscribers[broadcast_id].add(conn)
        self._watchers[broadcast_id][conn.who] += 1
        snapshot = protocol.wire(self._snapshot(timeline, after_seq))
        conn.burst = len(snapshot)
        self.send(conn, snapshot)
        self._list_changed()

    def unsubscribe(self, conn: Connection, broadcast_id: str) -> None:
        if conn.subscriptions.pop(broadcast_id, None) is None:
            return
        subscribers = self._subscribers.get(broadcast_id)
        if subscribers is not None:
            subscribers.discard(conn)
            if not subscribers:
                del self._subscribers[broadcast_id]
        watchers = self._watchers.get(broadcast_id)
        if watchers is not None:
            watchers[conn.who] -= 1
            if watchers[conn.who] <= 0:
                del watchers[conn.who]
            if not watchers:
                del self._watchers[broadcast_id]
        self._list_changed()

    def listen(self, conn: Connection) -> None:
        """Send the live list now and push it again whenever it changes."""
        self._listeners.add(conn)
        self.send(conn, protocol.wire(protocol.encode(self.live_list(conn.principal))))

    # broadcasting ----------------------------------------------------------------------

    def publish(self, timeline: Timeline, released: list[tuple[int, bytes]]) -> None:
        for seq, frame in released:
            if timeline.visible(seq):
                self._broadcast(timeline.broadcast_id, protocol.wire(frame), seq)
        if released:
            self._list_changed()

    def retract(self, timeline: Timeline, seq: int | None) -> None:
        frame: dict[str, Any] = {"type": "retract", "broadcast_id": timeline.broadcast_id}
        if seq is None:
            frame["all"] = True
            frame["through"] = timeline.retracted_through
        else:
            frame["seq"] = seq
        self._broadcast(timeline.broadcast_id, protocol.wire(protocol.encode(frame)))
        self._list_changed()

    def case_changed(self) -> None:
        self._list_changed()

    def heartbeat(self) -> None:
        """Ping one bucket; cut its connections that stayed silent too long.

        When this tick itself comes late the event loop is saturated and has not read
        what clients sent: nobody is cut for silence until it catches up."""
        now = time.monotonic()
        interval = self.limits.ping_seconds / PING_BUCKETS
        behind = now - self._last_beat > interval + 0.25
        self._last_beat = now
        bucket = self._buckets[next(self._tick) % PING_BUCKETS]
        frame = protocol.wire(protocol.encode({"type": "ping", "t": int(time.time())}))
        deadline = now - self.limits.pong_window
        for conn in list(bucket):
            if conn.last_seen < deadline and not behind:
                logger.info("cutting a silent viewer connection (no pong)")
                self.kick(conn, protocol.CLOSE_NO_PONG, "no pong")
            else:
                self.send(conn, frame)

    def send(self, conn: Connection, frame: bytes) -> None:
        if not conn.send(frame, self.limits.send_buffer):
            metrics.VIEWER_SLOW_CLOSES.inc()
            logger.info("closing a slow viewer connection (send buffer full)")
            self.kick(conn, protocol.CLOSE_TOO_SLOW, "too slow; resume with after_seq")

    def _broadcast(self, broadcast_id: str, frame: bytes, seq: int = 0) -> None:
        subscribers = self._subscribers.get(broadcast_id)
        if not subscribers:
            return
        limit = self.limits.send_buffer
        slow: list[Connection] = []
        started = time.perf_counter()
        # `Connection.send` inlined: this loop runs once per subscriber per update, and
        # the call and attribute look-ups cost a fifth of a bare `transport.write` loop
        # (bench/fanout_send.py).
        for conn in subscribers:
            if conn.closed or (seq and seq <= conn.subscriptions[broadcast_id]):
                continue  # gone, or it already has it (it resumed ahead of this instance)
            transport = conn.transport
            if transport.is_closing():
                conn.closed = True
                continue
            backlog = transport.get_write_buffer_size()
            if backlog:
                if backlog > limit + conn.burst:
                    slow.append(conn)
                    continue
                if backlog <= limit:
                    conn.burst = 0
            elif conn.burst:
                conn.burst = 0
            transport.write(frame)
        FANOUT_SECONDS.observe(time.perf_counter() - started)
        for conn in slow:
            metrics.VIEWER_SLOW_CLOSES.inc()
            self.kick(conn, protocol.CLOSE_TOO_SLOW, "too slow; resume with after_seq")
        if slow:
            logger.info("closed %d slow viewer connections (send buffer full)", len(slow))

    # the live list ---------------------------------------------------------------------

    def live_list(self, principal: Principal | None = None) -> dict[str, Any]:
        """The live cases; a join link's guest sees only its own broadcast."""
        scope = principal.broadcast if principal is not None else None
        listed = [t for t in self.history.timelines()
                  if t.listed and (scope is None or t.broadcast_id == scope)]
        listed.sort(key=lambda t: t.started_at or "", reverse=True)
        return {
            "type": "cases",
            "now": time.time(),
            "cases": [{**t.summary(), "viewers": self.viewers(t.broadcast_id)} for t in listed],
        }

    def _list_changed(self) -> None:
        """Coalesce changes: at most one `cases` push per `list_seconds`."""
        self._list_dirty = True
        if self._list_handle is None and self._listeners:
            self._list_handle = asyncio.get_running_loop().call_later(
                self.limits.list_seconds, self._push_list)

    def _push_list(self) -> None:
        self._list_handle = None
        if not self._list_dirty:
            return
        self._list_dirty = False
        frame = protocol.wire(protocol.encode(self.live_list()))
        scoped: dict[str, bytes] = {}  # a class's guests share one frame per broadcast
        for conn in list(self._listeners):
            scope = conn.principal.broadcast
            if scope is None:
                self.send(conn, frame)
                continue
            if scope not in scoped:
                scoped[scope] = protocol.wire(protocol.encode(self.live_list(conn.principal)))
            self.send(conn, scoped[scope])

    def _snapshot(self, timeline: Timeline, after_seq: int) -> bytes:
        head: dict[str, Any] = {
            "type": "snapshot",
            **timeline.summary(),
            "after_seq": after_seq,
            "first_seq": timeline.first_seq,
            "covered": timeline.covers(after_seq),
            "retracted": timeline.withdrawn(),
            "retracted_through": timeline.retracted_through,
            "viewers": self.viewers(timeline.broadcast_id),
            "now": time.time(),
        }
        # A client ahead of this instance (e.g. one still replaying) gets nothing now
        # and catches up from live frames; seqs are never renumbered.
        frames = timeline.visible_after(after_seq) if after_seq < timeline.last_seq else []
        # The stored update frames are spliced in as they are: no re-encoding.
        return (protocol.encode(head)[:-1].encode() + b',"updates":['
                + b",".join(frames) + b"]}")
