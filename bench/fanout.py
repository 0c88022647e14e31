"""Fan-out benchmark of the live viewer: N WebSocket clients watching one case.

    .venv/bin/python bench/fanout.py --clients 10000                   # memory + latency
    .venv/bin/python bench/fanout.py --clients 10000 --stalled 0.1     # 10 % never read
    .venv/bin/python bench/fanout.py --continuity --clients 400 --reconnects 1000 --depth 3000
    add --uvloop to run the viewer on uvloop (pip install uvloop)
    --no-doorbell: the viewer without `orcast dev`'s doorbell (an idle fetch then waits out
    Tansu's wait); --clients-asyncio: the load generator on plain asyncio (costlier)

Starts the embedded broker and the viewer as its own process (`orcast run viewer`
with ORCAST_* pointing at that broker), so the viewer's resident memory can be
read from /proc. The clients live in --procs load-generator processes (raw
asyncio protocols: no task per client). Approved updates go straight to
`orcast.updates.approved` on an open-loop schedule (one every 1/rate s whatever
happens), each stamped `approved_at` just before it is produced; latency is
client receive time minus `approved_at` (same host clock), so it covers
broker, viewer consumer, fan-out and the client's socket.

Reports: connections held, viewer RSS delta per connection (idle, subscribed),
latency p50/p99/max over every (client, update), the time for each update to
reach the last client, slow-client closes, and in --continuity mode: forced
reconnects (one of them a kill -9 of the viewer, restarted), gaps and
duplicates seen by the clients, and a resume from seq 0 after the restart.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import random
import re
import resource
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
from array import array
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SECRET = "bench-secret-not-for-production-0123456789"
METRICS_TOKEN = "bench-metrics-scrape-token"  # the viewer's /metrics needs a bearer
MASK = b"\x00\x00\x00\x00"  # a fixed masking key: valid on the wire, cheap for a load generator


def raise_nofile() -> None:
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def client_frame(payload: dict[str, Any]) -> bytes:
    data = json.dumps(payload, separators=(",", ":")).encode()
    size = len(data)
    head = struct.pack("!BB", 0x81, 0x80 | size) if size < 126 else \
        struct.pack("!BBH", 0x81, 0x80 | 126, size)
    return head + MASK + data


PONG = client_frame({"type": "pong"})
SEQ = re.compile(rb'"seq":(\d+)')
APPROVED_AT = re.compile(rb'"approved_at":"([^"]+)"')


# --- load generator (runs in its own processes) --------------------------------------------


class Client(asyncio.Protocol):
    def __init__(self, worker: Worker, stalled: bool, after: int) -> None:
        self.worker = worker
        self.stalled = stalled
        self.last = after
        self.sent_after = after
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.upgraded = False
        self.subscribed = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]  # uvloop's is no subclass
        self.buffer.clear()
        self.upgraded = self.subscribed = False
        transport.write(self.worker.handshake)

    def data_received(self, data: bytes) -> None:
        now = time.time()
        buf = self.buffer
        buf += data
        if not self.upgraded:
            end = buf.find(b"\r\n\r\n")
            if end < 0:
                return
            if not buf.startswith(b"HTTP/1.1 101"):
                self.worker.errors["handshake"] += 1
                assert self.transport is not None
                self.transport.close()
                return
            del buf[:end + 4]
            self.upgraded = True
            self.sent_after = self.last
            assert self.transport is not None
            self.transport.write(client_frame({"type": "subscribe", "after_seq": self.last,
                                               "broadcast_id": self.worker.broadcast_id}))
        while len(buf) >= 2:
            size, start = buf[1] & 0x7F, 2
            if size == 126:
                if len(buf) < 4:
                    return
                size, start = struct.unpack_from("!H", buf, 2)[0], 4
            elif size == 127:
                if len(buf) < 10:
                    return
                size, start = struct.unpack_from("!Q", buf, 2)[0], 10
            if len(buf) < start + size:
                return
            opcode = buf[0] & 0x0F
            payload = bytes(buf[start:start + size])
            del buf[:start + size]
            if opcode == 0x1:
                self.on_text(payload, now)
            elif opcode == 0x8:
                code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else 1005
                self.worker.closes[code] += 1

    def on_text(self, payload: bytes, now: float) -> None:
        w = self.worker
        if payload.startswith(b'{"type":"update"'):
            # Two fields by pattern rather than a full parse: the load generator stays cheap.
            seq = int(SEQ.search(payload)[1])  # type: ignore[index]
            if seq <= self.last:
                w.duplicates += 1
                return
            w.gaps += seq - self.last - 1
            self.last = seq
            if self.stalled:
                if seq >= w.split and self.transport is not None:
                    self.transport.pause_reading()  # from here on it never reads again
                return
            approved = w.approved_at.get(seq)
            if approved is None:  # the same for every client: parsed once per update
                approved_at = APPROVED_AT.search(payload)[1].decode()  # type: ignore[index]
                approved = w.approved_at[seq] = datetime.fromisoformat(approved_at).timestamp()
            latency = now - approved
            (w.latency if seq < w.split else w.latency_after).append(latency)
            if latency > w.per_seq.get(seq, 0.0):
                w.per_seq[seq] = latency
            if latency < w.first_seen.get(seq, float("inf")):
                w.first_seen[seq] = latency
        elif payload.startswith(b'{"type":"ping"'):
            assert self.transport is not None
            self.transport.write(PONG)
        elif payload.startswith(b'{"type":"snapshot"'):
            snap = json.loads(payload)
            for update in snap["updates"]:
                seq = update["seq"]
                if seq <= self.last:
                    w.duplicates += 1
                    continue
                w.gaps += seq - self.last - 1
                self.last = seq
            if snap["last_seq"] > self.last:  # nothing is retracted in this benchmark
                w.gaps += snap["last_seq"] - self.last
                self.last = snap["last_seq"]
            w.uncovered += not snap["covered"]
            w.deepest = max(w.deepest, len(snap["updates"]))
            self.subscribed = True
            if self.stalled and self.last >= w.split and self.transport is not None:
                self.transport.pause_reading()
        elif payload.startswith(b'{"type":"error"'):
            w.errors[json.loads(payload)["code"]] += 1

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None
        self.subscribed = False
        self.worker.lost(self)


class Worker:
    def __init__(self, cfg: dict[str, Any], pipe: Any) -> None:
        self.cfg = cfg
        self.pipe = pipe
        self.broadcast_id = cfg["broadcast_id"]
        self.handshake = (
            f"GET /api/v1/live?access_token={cfg['token']} HTTP/1.1\r\n"
            f"Host: 127.0.0.1:{cfg['port']}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        ).encode()
        self.latency = array("d")  # healthy clients, updates before `split`
        self.latency_after = array("d")  # ... and from `split` on (when the stalled stop)
        self.split = cfg["split"]
        self.per_seq: dict[int, float] = {}  # seq -> latency of its last delivery here
        self.first_seen: dict[int, float] = {}  # seq -> latency of its first delivery here
        self.approved_at: dict[int, float] = {}  # seq -> its `approved_at`, Unix time
        self.gaps = self.duplicates = self.uncovered = self.deepest = 0
        self.reconnects = self.forced = 0
        self.closes: Counter[int] = Counter()
        self.errors: Counter[str] = Counter()
        self.clients: list[Client] = []
        self.running = True

    async def open(self, client: Client, gate: asyncio.Semaphore | None = None) -> None:
        loop = asyncio.get_running_loop()
        for attempt in range(600):
            sock = socket.socket()
            if client.stalled:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            sock.setblocking(False)
            try:
                if gate is not None:
                    async with gate:
                        await loop.sock_connect(sock, ("127.0.0.1", self.cfg["port"]))
                        await loop.create_connection(lambda: client, sock=sock)
                else:
                    await loop.sock_connect(sock, ("127.0.0.1", self.cfg["port"]))
                    await loop.create_connection(lambda: client, sock=sock)
                return
            except OSError:
                sock.close()
                self.errors["connect_retry"] += 1
                await asyncio.sleep(0.1 + random.random() * min(1.0, 0.05 * attempt))
        self.errors["connect_failed"] += 1

    def lost(self, client: Client) -> None:
        if self.running and not client.stalled:
            self.reconnects += 1
            asyncio.get_running_loop().create_task(self.open(client))

    async def command(self) -> Any:
        loop = asyncio.get_running_loop()
        ready = asyncio.Event()
        loop.add_reader(self.pipe.fileno(), ready.set)
        await ready.wait()
        loop.remove_reader(self.pipe.fileno())
        # uvloop's add_reader left the pipe non-blocking: the result (larger than the
        # pipe's buffer) must be sent with a blocking write.
        os.set_blocking(self.pipe.fileno(), True)
        return self.pipe.recv()

    async def run(self) -> None:
        cfg = self.cfg
        n, stalled = cfg["clients"], round(cfg["clients"] * cfg["stalled"])
        self.clients = [Client(self, i < stalled, 0 if i == 0 else cfg["after"])
                        for i in range(n)]
        gate = asyncio.Semaphore(64)
        await asyncio.gather(*(self.open(c, gate) for c in self.clients))
        await poll(lambda: sum(c.subscribed for c in self.clients) >= n, 120)
        self.pipe.send(("ready", sum(c.subscribed for c in self.clients)))
        kind, *args = await self.command()
        chaos = None
        if kind == "go":
            chaos = asyncio.create_task(self.force_reconnects(*args))
            kind, *args = await self.command()
        final_seq, timeout = args
        if chaos is not None:  # every forced reconnect happens, then everyone must catch up
            await asyncio.wait([chaos], timeout=timeout)
        healthy = [c for c in self.clients if not c.stalled]
        await poll(lambda: all(c.last >= final_seq for c in healthy), timeout)
        if chaos is not None:
            chaos.cancel()
        self.running = False
        self.pipe.send(("result", {
            "latency": self.latency.tobytes(), "latency_after": self.latency_after.tobytes(),
            "per_seq": self.per_seq, "first_seen": self.first_seen,
            "cpu": time.process_time(),  # this process's CPU so far (it exits after this)
            "complete": sum(c.last >= final_seq for c in healthy), "healthy": len(healthy),
            "held": sum(c.transport is not None for c in self.clients),
            "gaps": self.gaps, "duplicates": self.duplicates, "uncovered": self.uncovered,
            "deepest": self.deepest, "reconnects": self.reconnects, "forced": self.forced,
            "closes": dict(self.closes), "errors": dict(self.errors),
        }))

    async def force_reconnects(self, count: int, seconds: float) -> None:
        """Drop `count` random connections over `seconds` (half reset, half closed)."""
        moments = sorted(random.uniform(0.5, seconds) for _ in range(count))
        started = time.monotonic()
        for i, moment in enumerate(moments):
            await asyncio.sleep(max(0.0, started + moment - time.monotonic()))
            candidates = [c for c in self.clients if c.transport is not None and c.subscribed]
            while not candidates:  # e.g. everyone is away while the viewer restarts
                await asyncio.sleep(0.1)
                candidates = [c for c in self.clients
                              if c.transport is not None and c.subscribed]
            victim = random.choice(candidates)
            assert victim.transport is not None
            self.forced += 1
            victim.transport.abort() if i % 2 else victim.transport.close()


async def poll(done: Any, timeout: float) -> None:
    for _ in range(int(timeout * 10)):
        if done():
            return
        await asyncio.sleep(0.1)


def worker_main(cfg: dict[str, Any], pipe: Any) -> None:
    raise_nofile()
    if cfg.get("nice"):  # --clients-nice: the students' devices are not the server's cores
        os.nice(cfg["nice"])
    if cfg["uvloop"]:  # the clients share the viewer's 2 cores: the cheaper loop, the less
        import uvloop  # of the viewer's CPU they take (see BENCHMARKS.md, issue 14)

        uvloop.run(Worker(cfg, pipe).run())
    else:
        asyncio.run(Worker(cfg, pipe).run())


# --- the viewer process and the feed (parent) ----------------------------------------------


class ViewerProcess:
    def __init__(self, env: dict[str, str], port: int, use_uvloop: bool, log: Path) -> None:
        self.env, self.port, self.log = env, port, log
        loop = ("import asyncio, uvloop; asyncio.set_event_loop_policy(uvloop.EventLoopPolicy());"
                if use_uvloop else "")
        self.argv = [sys.executable, "-c",
                     f"{loop}import sys; from services.cli import main; "
                     "sys.exit(main(['run', 'viewer']))"]
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with open(self.log, "ab") as out:
            self.proc = subprocess.Popen(self.argv, env=self.env, cwd=ROOT, stdout=out,
                                         stderr=subprocess.STDOUT, start_new_session=True)

    async def ready(self, timeout: float = 90.0) -> float:
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            try:
                reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
                writer.write(b"GET /readyz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                head = await reader.read(64)
                writer.close()
                if head.startswith(b"HTTP/1.1 200"):
                    return time.monotonic() - started
            except OSError:
                pass
            await asyncio.sleep(0.1)
        raise RuntimeError(f"viewer not ready; see {self.log}")

    async def metrics(self) -> dict[str, float]:
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        writer.write(b"GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                     b"Authorization: Bearer " + METRICS_TOKEN.encode() + b"\r\n\r\n")
        body = (await reader.read()).decode()
        writer.close()
        found = {}
        for line in body.splitlines():
            if line.startswith("orcast_viewer_") and " " in line:
                name, value = line.rsplit(" ", 1)
                found[name] = float(value)
        return found

    def rss_kb(self) -> int:
        assert self.proc is not None
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise RuntimeError("no VmRSS")

    def cpu_seconds(self) -> float:
        assert self.proc is not None
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def kill9(self) -> None:
        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class Viewers:
    """Every replica of the viewer read as one: memory and CPU summed, fan-out averaged;
    the continuity run kills and restarts the first."""

    def __init__(self, processes: list[ViewerProcess]) -> None:
        self.all = processes

    def rss_kb(self) -> int:
        return sum(v.rss_kb() for v in self.all)

    def cpu_seconds(self) -> float:
        return sum(v.cpu_seconds() for v in self.all)

    async def metrics(self) -> dict[str, float]:
        total: Counter[str] = Counter()
        for v in self.all:
            total.update(await v.metrics())
        return dict(total)

    def kill9(self) -> None:
        self.all[0].kill9()

    def start(self) -> None:
        self.all[0].start()

    async def ready(self) -> float:
        return await self.all[0].ready()


class Feed:
    """Plays the approval service: case state and approved updates straight to the topics."""

    def __init__(self, settings: Any) -> None:
        from services.common.identifiers import CaseIdentifiers
        from services.common.producer import EventProducer

        self.producer = EventProducer(settings=settings, service="approval")
        self.identifiers = CaseIdentifiers.from_plain(names=["Bench Patient"], mrn=None,
                                                      dob=None, key=b"b" * 32).to_wire()
        self.case_id = "11111111-2222-4333-8444-555555555555"
        self.broadcast_id = "benchcase01"
        self.actor = {"sub": "service:approval", "role": "service"}
        self.started_at = ""

    async def case(self) -> None:
        from services.common import events

        self.started_at = events.isoformat(events.now())
        data = {"case_id": self.case_id, "broadcast_id": self.broadcast_id,
                "procedure": "lap_chole", "procedure_name": "Laparoscopic cholecystectomy",
                "status": "active", "version": 1, "started_at": self.started_at,
                "ended_at": None, "identifiers": self.identifiers, "changed_by": self.actor,
                "consent": {"status": "active", "scope": ["students"],
                            "valid_until": "2099-01-01T00:00:00Z", "document_ref": "bench"}}
        await self.producer.publish("cases", events.make_event(
            "org.orcast.case.state.v1", service="cases", subject=self.case_id, data=data))

    async def approve(self, seq: int, text: str) -> None:
        from services.common import events

        now = events.isoformat(events.now())
        data = {"update_id": f"00000000-0000-4000-8000-{seq:012d}", "case_id": self.case_id,
                "broadcast_id": self.broadcast_id, "seq": seq, "audience": "students",
                "milestone": "incision", "milestone_label": "Incision", "procedure": "lap_chole",
                "text": text, "occurred_at": now, "case_started_at": self.started_at,
                "approved_at": now, "approved_by": self.actor}
        await self.producer.publish("updates.approved", events.make_event(
            "org.orcast.update.approved.v1", service="approval", subject=self.case_id,
            data=data))

    async def backlog(self, count: int, text: str) -> None:
        for start in range(1, count + 1, 200):
            await asyncio.gather(*(self.approve(seq, text)
                                   for seq in range(start, min(start + 200, count + 1))))


async def publish_open_loop(feed: Feed, first: int, count: int, rate: float, text: str) -> None:
    loop = asyncio.get_running_loop()
    start = loop.time() + 0.2
    tasks = []
    for i in range(count):
        await asyncio.sleep(max(0.0, start + i / rate - loop.time()))
        tasks.append(asyncio.create_task(feed.approve(first + i, text)))
    await asyncio.gather(*tasks)


def process_cpu_seconds(pid: int | None) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pct(values: list[float], q: float) -> float:
    return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")


async def run(args: argparse.Namespace, bootstrap: str, tmp: Path) -> None:
    from services.common import doorbell, signing
    from services.common.admin import ensure_topics
    from services.common.auth import issue_token
    from services.common.broker import free_port
    from services.common.settings import Settings
    from services.common.topics import SERVICES

    # The viewer on this broker runs as `orcast dev` runs it: with the doorbell the feed
    # rings after each write. Without it, an idle viewer's fetch sits out Tansu's idle
    # wait (up to 500 ms) before it sees the first update after a pause, which neither
    # `orcast dev` (the doorbell) nor Apache Kafka (completes a fetch on arrival) does.
    relay = None if args.no_doorbell else doorbell.Relay().start()
    bell = relay.address if relay is not None else ""
    settings = Settings(kafka_bootstrap=bootstrap, topic_namespace="bench", secret=SECRET,
                        data_dir=tmp, kafka_session_timeout_ms=2000, dev_doorbell=bell)
    signing.generate(signing.keys_dir(settings), SERVICES)  # same dir for the viewers
    await ensure_topics(settings)
    feed = Feed(settings)
    await feed.case()
    text = ("Dissection of the hepatocystic triangle continues; " * 60)[:args.text_bytes]
    if args.depth:
        await feed.backlog(args.depth, "a routine step of the procedure")
    env = {**os.environ, "ORCAST_KAFKA_BOOTSTRAP": bootstrap, "ORCAST_TOPIC_NAMESPACE": "bench",
           "ORCAST_SECRET": SECRET, "ORCAST_DATA_DIR": str(tmp),
           "ORCAST_LOG_LEVEL": "WARNING", "ORCAST_KAFKA_SESSION_TIMEOUT_MS": "2000",
           # every simulated student shares one token and connects from 127.0.0.1:
           # no per-principal socket cap, no per-address connection cap
           "ORCAST_LIVE_MAX_SOCKETS_PER_PRINCIPAL": "0", "ORCAST_METRICS_TOKEN": METRICS_TOKEN,
           "ORCAST_HTTP_MAX_CONNECTIONS_PER_IP": "0", "PYTHONPATH": str(ROOT),
           **({doorbell.ENV: bell} if bell else {})}
    # Replicas of one viewer deployment: each its own process and port (a load balancer
    # in front spreads connections; here the load generators take turns).
    viewers = Viewers([
        ViewerProcess({**env, "ORCAST_HTTP_PORT": str(port)}, port, args.uvloop,
                      tmp / f"viewer-{i}.log")
        for i, port in enumerate(free_port() for _ in range(args.instances))])
    for viewer in viewers.all:
        viewer.start()
    try:
        for viewer in viewers.all:
            await viewer.ready()
        await asyncio.sleep(1.0)
        rss_empty = viewers.rss_kb()
        await measure(args, feed, viewers, text, rss_empty,
                      issue_token(settings, sub="bench-student", role="student"))
    finally:
        for viewer in viewers.all:
            viewer.stop()
        await feed.producer.stop()
        if relay is not None:
            relay.close()


async def measure(args: argparse.Namespace, feed: Feed, viewer: Viewers, text: str,
                  rss_empty: int, token: str) -> None:
    ctx = multiprocessing.get_context("spawn")
    per_proc = args.clients // args.procs
    pipes, procs = [], []
    for i in range(args.procs):
        parent, child = ctx.Pipe()
        cfg = {"port": viewer.all[i % len(viewer.all)].port, "token": token,
               "broadcast_id": feed.broadcast_id,
               "clients": per_proc, "stalled": args.stalled, "after": args.depth,
               "uvloop": not args.clients_asyncio, "nice": args.clients_nice,
               "split": args.depth + 1 + args.updates // 2 if args.stalled else 1 << 62}
        proc = ctx.Process(target=worker_main, args=(cfg, child), daemon=True)
        proc.start()
        pipes.append(parent)
        procs.append(proc)
    loop = asyncio.get_running_loop()
    connect_started = time.monotonic()
    ready = [await loop.run_in_executor(None, p.recv) for p in pipes]
    connect_seconds = time.monotonic() - connect_started
    subscribed = sum(r[1] for r in ready)
    await asyncio.sleep(3.0)  # settle: let allocations from the connect storm land
    idle_cpu = viewer.cpu_seconds()
    await asyncio.sleep(5.0)  # idle: only pings and pongs
    idle_share = (viewer.cpu_seconds() - idle_cpu) / 5.0
    rss_idle = viewer.rss_kb()
    cpu_before = viewer.cpu_seconds()
    clients_cpu_before = sum(process_cpu_seconds(p.pid) for p in procs)
    first = args.depth + 1
    samples: list[int] = []

    async def sample_rss() -> None:
        while True:
            samples.append(viewer.rss_kb())
            await asyncio.sleep(0.5)

    sampler = asyncio.create_task(sample_rss())
    restart_seconds = None
    if args.continuity:
        for pipe in pipes:
            pipe.send(("go", args.reconnects // args.procs, args.updates / args.rate))
        publishing = asyncio.create_task(
            publish_open_loop(feed, first, args.updates, args.rate, text))
        await asyncio.sleep(args.updates / args.rate / 2)
        viewer.kill9()
        viewer.start()
        restart_seconds = await viewer.ready()
        await publishing
    else:
        await publish_open_loop(feed, first, args.updates, args.rate, text)
    final_seq = first + args.updates - 1
    for pipe in pipes:
        pipe.send(("finish", final_seq, 60.0))
    results = [(await loop.run_in_executor(None, p.recv))[1] for p in pipes]
    clients_cpu = sum(r["cpu"] for r in results) - clients_cpu_before
    sampler.cancel()
    server = await viewer.metrics()
    cpu_used = viewer.cpu_seconds() - cpu_before if not args.continuity else float("nan")
    for proc in procs:
        proc.join(10)
    deep = await resume_from_zero(viewer.all[0].port, token, feed.broadcast_id) \
        if args.continuity else None
    report(args, results, subscribed=subscribed, connect_seconds=connect_seconds,
           rss_empty=rss_empty, rss_idle=rss_idle, rss_peak=max(samples, default=rss_idle),
           cpu_used=cpu_used, clients_cpu=clients_cpu, idle_share=idle_share,
           restart_seconds=restart_seconds, deep=deep,
           final_seq=final_seq, first=first, server=server)


async def resume_from_zero(port: int, token: str, broadcast_id: str) -> tuple[int, bool]:
    import aiohttp

    async with aiohttp.ClientSession() as session, session.ws_connect(
            f"http://127.0.0.1:{port}/api/v1/live?access_token={token}",
            max_msg_size=0) as ws:
        await ws.send_json({"type": "subscribe", "broadcast_id": broadcast_id, "after_seq": 0})
        while True:
            frame = json.loads((await ws.receive(timeout=30)).data)
            if frame["type"] == "snapshot":
                seqs = [u["seq"] for u in frame["updates"]]
                return len(seqs), seqs == list(range(1, len(seqs) + 1))


def report(args: argparse.Namespace, results: list[dict[str, Any]], **m: Any) -> None:
    before = sorted(x for r in results for x in array("d", r["latency"]))
    after = sorted(x for r in results for x in array("d", r["latency_after"]))
    latency = sorted(before + after)
    per_seq: dict[int, float] = {}
    for r in results:
        for seq, value in r["per_seq"].items():
            per_seq[seq] = max(per_seq.get(seq, 0.0), value)
    reach_all = sorted(per_seq.values())
    # The first delivery of an update is the path before the fan-out (broker, the
    # viewer's fetch wait and consumer) plus one send: what the fan-out cannot shorten.
    first_seen: dict[int, float] = {}
    for r in results:
        for seq, value in r["first_seen"].items():
            first_seen[seq] = min(first_seen.get(seq, float("inf")), value)
    reach_first = sorted(first_seen.values())
    worst_first = max(first_seen, key=first_seen.__getitem__) if first_seen else 0
    total = lambda key: sum(r[key] for r in results)  # noqa: E731
    closes: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    for r in results:
        closes.update({str(k): v for k, v in r["closes"].items()})
        errors.update(r["errors"])
    server = m["server"]
    fanout = server.get("orcast_viewer_fanout_seconds_sum", 0.0) / max(
        1.0, server.get("orcast_viewer_fanout_seconds_count", 0.0))
    clients = args.procs * (args.clients // args.procs)
    stalled = round(args.clients // args.procs * args.stalled) * args.procs
    per_conn = (m["rss_idle"] - m["rss_empty"]) / max(1, m["subscribed"])
    lines = [
        f"clients {clients} ({stalled} stalled) in {args.procs} processes "
        f"({'asyncio' if args.clients_asyncio else 'uvloop'}); viewer "
        f"{'uvloop' if args.uvloop else 'asyncio'} x {args.instances}"
        f"{', no doorbell' if args.no_doorbell else ''}; nproc {os.cpu_count()}",
        f"subscribed {m['subscribed']} in {m['connect_seconds']:.1f} s; held at the end "
        f"{total('held')}",
        f"viewer RSS: empty {m['rss_empty'] / 1024:.1f} MiB, idle with clients "
        f"{m['rss_idle'] / 1024:.1f} MiB -> {per_conn:.1f} KiB per connection; peak while "
        f"publishing {m['rss_peak'] / 1024:.1f} MiB",
        f"updates {args.updates} at {args.rate}/s, {args.text_bytes} B text; healthy clients "
        f"complete {total('complete')}/{total('healthy')}",
        f"latency approval->client over {len(latency)} deliveries: p50 "
        f"{pct(latency, .5) * 1000:.0f} ms, p99 {pct(latency, .99) * 1000:.0f} ms, max "
        f"{(latency[-1] if latency else float('nan')) * 1000:.0f} ms",
        *([f"healthy clients, first half (all reading) p50 {pct(before, .5) * 1000:.0f} ms, p99 "
           f"{pct(before, .99) * 1000:.0f} ms; second half ({stalled} stalled) p50 "
           f"{pct(after, .5) * 1000:.0f} ms, p99 {pct(after, .99) * 1000:.0f} ms"]
          if args.stalled else []),
        f"time for an update to reach every client: median {pct(reach_all, .5) * 1000:.0f} ms,"
        f" max {(reach_all[-1] if reach_all else float('nan')) * 1000:.0f} ms",
        f"time for an update to reach its first client: median "
        f"{pct(reach_first, .5) * 1000:.0f} ms, max "
        f"{first_seen.get(worst_first, float('nan')) * 1000:.0f} ms (update "
        f"{worst_first - m['first'] + 1} of {args.updates})",
        f"clients' CPU while publishing {m['clients_cpu']:.2f} s "
        f"({m['clients_cpu'] / max(1, args.updates) * 1000:.0f} ms per update; the viewer's "
        f"{m['cpu_used'] / max(1, args.updates) * 1000:.0f} ms)",
        f"viewer CPU idle (pings/pongs only) {m['idle_share'] * 100:.0f} % of a core; "
        f"while publishing {m['cpu_used']:.2f} s; fan-out loop per update "
        f"{fanout * 1000:.1f} ms mean; slow closes "
        f"{m['server'].get('orcast_viewer_slow_closes_total', 0):.0f}",
        f"server close codes seen {dict(closes)}; client errors {dict(errors)}",
        f"gaps {total('gaps')}, duplicates {total('duplicates')}, uncovered resumes "
        f"{total('uncovered')}, deepest snapshot {max(r['deepest'] for r in results)} updates",
    ]
    if args.continuity:
        lines += [
            f"reconnects {total('reconnects')} (forced by clients {total('forced')}; the rest "
            f"after the kill -9, viewer back in {m['restart_seconds']:.1f} s)",
            f"resume from seq 0 after the restart: {m['deep'][0]} updates, in order and "
            f"complete: {m['deep'][1] and m['deep'][0] == m['final_seq']}",
        ]
    print("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=10_000)
    parser.add_argument("--procs", type=int, default=4)
    parser.add_argument("--updates", type=int, default=30)
    parser.add_argument("--rate", type=float, default=1.0, help="updates per second")
    parser.add_argument("--text-bytes", type=int, default=280)
    parser.add_argument("--stalled", type=float, default=0.0,
                        help="share of clients that stop reading half-way through")
    parser.add_argument("--continuity", action="store_true")
    parser.add_argument("--reconnects", type=int, default=1000)
    parser.add_argument("--depth", type=int, default=0, help="updates produced before start")
    parser.add_argument("--uvloop", action="store_true")
    parser.add_argument("--no-doorbell", action="store_true",
                        help="no doorbell: the viewer's idle fetch waits out Tansu's wait")
    parser.add_argument("--clients-asyncio", action="store_true",
                        help="run the load generator on plain asyncio (before issue 14's "
                             "figures: it took more of the shared CPU than the viewer)")
    parser.add_argument("--clients-nice", type=int, default=0, metavar="N",
                        help="run the load generator at this niceness (e.g. 10): on a "
                             "machine it shares with the viewer it then takes the cores the "
                             "viewer leaves, as clients on their own devices would")
    parser.add_argument("--instances", type=int, default=1,
                        help="viewer replicas (processes), clients spread over them")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    raise_nofile()
    from services.common.broker import EmbeddedBroker

    with tempfile.TemporaryDirectory() as tmp:
        broker = EmbeddedBroker(log_file=Path(tmp) / "broker.log", die_with_parent=True)
        broker.start()
        try:
            asyncio.run(run(args, broker.bootstrap, Path(tmp)))
        finally:
            broker.stop()


if __name__ == "__main__":
    main()
