"""`orcast dev` as a user runs it: a subprocess on free ports, over its own data dir."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

from services.common.broker import free_port
from services.common.settings import Settings

MARK = "ORCAST_TEST_PROCESS_MARK"  # found in the environment of every process it starts
START_TIMEOUT = 120.0  # two shared cores: seven services, a broker and a restore


def marked_processes(mark: str) -> list[int]:
    """Every live process (zombies excluded) whose environment carries `mark`."""
    found = []
    needle = f"{MARK}={mark}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if needle not in (entry / "environ").read_bytes().split(b"\0"):
                continue
            state = (entry / "stat").read_bytes().rsplit(b")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state not in (b"Z", b"X"):
            found.append(int(entry.name))
    return found


async def gone(mark: str, timeout: float = 60.0) -> list[int]:
    """Waits for every marked process to end; returns those still alive at the timeout."""
    deadline = time.monotonic() + timeout
    while True:
        left = marked_processes(mark)
        if not left or time.monotonic() > deadline:
            return left
        await asyncio.sleep(0.2)


@dataclass
class DevProcess:
    data_dir: Path
    port: int = field(default_factory=free_port)
    mark: str = field(default_factory=lambda: uuid.uuid4().hex)
    env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def tokens(self) -> dict[str, str]:
        return dict(json.loads((self.data_dir / "dev-tokens.json").read_text()))

    def session_settings(self) -> Settings:
        """What signs this stack's session cookies (the key follows from its dev secret),
        so a test can give a browser the session a sign-in would."""
        secret = (self.data_dir / "dev-secret").read_text(encoding="utf-8").strip()
        return Settings(data_dir=self.data_dir, secret=secret)

    def spawn(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("ORCAST_")}
        env.update({MARK: self.mark, "ORCAST_LOG_LEVEL": "WARNING", **self.env})
        with open(self.log_path, "ab") as log:
            # its own process group, as a shell gives a foreground job: Ctrl-C goes to it
            self.process = subprocess.Popen(
                [sys.executable, "-m", "services.cli", "dev", "--port", str(self.port),
                 "--data-dir", str(self.data_dir)],
                env=env, stdout=subprocess.PIPE, stderr=log, start_new_session=True)

    async def start(self) -> None:
        await asyncio.to_thread(self.spawn)
        assert self.process is not None
        deadline = time.monotonic() + START_TIMEOUT
        async with aiohttp.ClientSession() as session:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise AssertionError(f"orcast dev exited with {self.process.returncode}")
                try:
                    async with session.get(self.base + "/readyz") as response:
                        if response.status == 200:
                            return
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.3)
        raise AssertionError("orcast dev did not become ready")

    def orcast(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Another `orcast` command beside it, as a user types it (only the data dir set)."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("ORCAST_")}
        env["ORCAST_DATA_DIR"] = str(self.data_dir)
        return subprocess.run([sys.executable, "-m", "services.cli", *args], env=env,
                              capture_output=True, text=True, timeout=120, check=False)

    async def records(self, topic: str) -> int:
        """How many records the running broker holds on `orcast.<topic>`."""
        from aiokafka import AIOKafkaConsumer, TopicPartition

        bootstrap = (self.data_dir / "dev-broker").read_text().strip()
        consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap)
        await consumer.start()
        try:
            name = f"orcast.{topic}"
            parts = consumer.partitions_for_topic(name) or set()
            ends = await consumer.end_offsets([TopicPartition(name, p) for p in parts])
            return sum(ends.values())
        finally:
            await consumer.stop()

    def read_banner(self) -> str:
        assert self.process is not None and self.process.stdout is not None
        return self.process.stdout.readline().decode()

    async def interrupt(self, timeout: float = 90.0) -> int:
        """Ctrl-C, as a terminal sends it: SIGINT to the whole foreground group."""
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGINT)
        return await self._wait(timeout)

    async def kill9(self) -> None:
        assert self.process is not None
        self.process.kill()
        await self._wait(10)

    async def _wait(self, timeout: float) -> int:
        assert self.process is not None
        process = self.process
        try:
            code = await asyncio.to_thread(process.wait, timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            code = process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
        return code

    @property
    def log_path(self) -> Path:
        return self.data_dir.parent / f"{self.data_dir.name}-dev.log"

    def cleanup(self) -> None:
        """Whatever a failed test left running; what the stack said on stderr is printed
        (pytest shows it with a failure), so a stack that stopped says why."""
        if self.log_path.is_file():
            said = self.log_path.read_text(encoding="utf-8", errors="replace")
            print(f"--- orcast dev stderr ({self.log_path}), last 200 lines ---")
            print("\n".join(said.splitlines()[-200:]))
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for pid in marked_processes(self.mark):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


class Client:
    """The pages' HTTP API, as each role calls it."""

    def __init__(self, session: aiohttp.ClientSession, base: str,
                 tokens: dict[str, str]) -> None:
        self.session, self.base, self.tokens = session, base, tokens

    async def call(self, method: str, path: str, role: str,
                   body: Any = None) -> tuple[int, Any]:
        headers = {"Authorization": f"Bearer {self.tokens[role]}"}
        async with self.session.request(method, self.base + path, json=body,
                                        headers=headers) as response:
            text = await response.text()
            return response.status, (json.loads(text) if text else None)

    async def snapshot(self, broadcast_id: str, timeout: float = 30.0) -> dict[str, Any]:
        """The student's live page: subscribe from the start, take the snapshot."""
        deadline = time.monotonic() + timeout
        async with self.session.ws_connect(self.base + "/api/v1/live") as ws:
            await ws.send_json({"type": "auth", "token": self.tokens["student"]})
            while True:
                await ws.send_json({"type": "subscribe", "broadcast_id": broadcast_id,
                                    "after_seq": 0})
                while True:
                    frame = await ws.receive_json(timeout=timeout)
                    if frame["type"] in ("snapshot", "error"):
                        break
                if frame["type"] == "snapshot":
                    return dict(frame)
                if time.monotonic() > deadline:
                    raise AssertionError(f"no snapshot of {broadcast_id}: {frame}")
                await asyncio.sleep(0.3)


# The live path a milestone takes, hop by hop: the topic each hop writes and the group
# that reads it next (`orcast-` is `orcast dev`'s topic namespace).
LIVE_PATH = (("milestones.submitted", "orcast-deidentify"),
             ("milestones.deidentified", "orcast-approval"),
             ("updates.approved", "orcast-ingest"))


async def hops(bootstrap: str) -> str:
    """Each live-path topic's end and how far its next reader has committed, per
    partition with records (counts only, no content): a failure message's "where did it
    stop". `end > committed` on a hop means the record waits there, unread. The end is
    the high watermark a fetch reports: Tansu's ListOffsets answers the last batch's
    first offset + 1, short of the end when that batch holds several records."""
    from aiokafka import AIOKafkaConsumer, TopicPartition

    said = []
    for topic, group in LIVE_PATH:
        consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=group,
                                    enable_auto_commit=False, fetch_max_wait_ms=50)
        await consumer.start()
        try:  # assigned, never subscribed: reads the group's commits without joining it
            name = f"orcast.{topic}"
            parts = [TopicPartition(name, p)
                     for p in sorted(consumer.partitions_for_topic(name) or ())]
            consumer.assign(parts)
            committed = {tp: await consumer.committed(tp) or 0 for tp in parts}
            for tp in parts:
                consumer.seek(tp, committed[tp])
            for _ in range(10):
                await consumer.getmany(timeout_ms=200)
                if all(consumer.highwater(tp) is not None for tp in parts):
                    break
            cells = [f"{tp.partition}: {committed[tp]}/{consumer.highwater(tp)}"
                     for tp in parts if consumer.highwater(tp) != 0]
        finally:
            await consumer.stop()
        said.append(f"{topic} (read by {group}, committed/end) " + ", ".join(cells))
    return "; ".join(said)


def request(path: str, token: str = "", extra: str = "", method: str = "GET",
            version: str = "HTTP/1.1") -> bytes:
    """A bodiless request as a client writes it (`extra`: header lines, each with CRLF)."""
    auth = f"Authorization: Bearer {token}\r\n" if token else ""
    return f"{method} {path} {version}\r\nHost: localhost\r\n{auth}{extra}\r\n".encode()


class RawClient:
    """One client connection to `orcast dev`'s port, requests written and answers read by
    hand (keep-alive, pipelining and hostile bytes, which an HTTP client would not send)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, dev: DevProcess) -> RawClient:
        return cls(*await asyncio.open_connection("127.0.0.1", dev.port))

    async def send(self, data: bytes) -> None:
        self.writer.write(data)
        await self.writer.drain()

    async def answer(self, timeout: float = 30) -> tuple[int, dict[str, str], bytes]:
        """The next final answer (a `100 Continue` before it skipped)."""
        head = await asyncio.wait_for(self.reader.readuntil(b"\r\n\r\n"), timeout)
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ")[1])
        headers = {k.lower(): v.strip() for k, _, v in
                   (line.partition(":") for line in lines[1:] if line)}
        length = int(headers.get("content-length", "0"))
        body = await asyncio.wait_for(self.reader.readexactly(length), timeout)
        if status == 100:
            return await self.answer(timeout)
        return status, headers, body

    async def exchange(self, path: str, token: str = "") -> tuple[int, dict[str, str], Any]:
        await self.send(request(path, token))
        status, headers, body = await self.answer()
        return status, headers, json.loads(body) if body else None

    async def closed(self, timeout: float) -> bool:
        try:
            return await asyncio.wait_for(self.reader.read(1), timeout) == b""
        except (TimeoutError, ConnectionError):
            return False

    async def rest(self, timeout: float) -> bytes:
        """Whatever comes until the close or `timeout` (b"" on a reset)."""
        got = b""
        try:
            async with asyncio.timeout(timeout):
                while chunk := await self.reader.read(65536):
                    got += chunk
        except (TimeoutError, ConnectionError):
            pass
        return got

    def close(self) -> None:
        self.writer.close()
