"""Each ORcast service as its own `python -m services.cli run <service>` process.

What the fault tests need and the in-process `stack` cannot give: a real
kill -9, a SIGTERM with a stopwatch, a restart on the same port, two instances
of one service, and a broker whose network the test can cut.

    cluster = Cluster(bootstrap=..., root=tmp_path)
    await cluster.start()                       # every service, one instance each
    await cluster.request("cases", "POST", "/api/v1/cases", role="admin", json_body=...)
    cluster.proc("deidentify").kill()           # SIGKILL
    await cluster.restart(cluster.proc("deidentify"))
    seconds = await cluster.proc("audit").terminate()   # SIGTERM, time to exit
    await cluster.close()

Every process logs JSON lines (ORCAST_LOG_FORMAT=json) to its own file
(`root/logs/<instance>.log`, appended across restarts) so tests can grep them.
Clients talk to each service on its own port (`cluster.base_url(service)`).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Coroutine, Iterator, Mapping
from pathlib import Path
from typing import Any

import aiohttp

from services.common.admin import ensure_topics
from services.common.auth import issue_token
from services.common.broker import free_port
from services.common.settings import Settings
from services.registry import RUNNABLE, SERVICES

from .signing import session_keys_dir
from .tcpproxy import ProxiedBroker

__all__ = ["Cluster", "ProxiedBroker", "ServiceProcess"]

REPO = Path(__file__).resolve().parents[2]
SECRET = "test-secret-not-for-production-0123456789"


class ServiceProcess:
    """One instance of one service; keeps its port and log file across restarts."""

    def __init__(self, *, service: str, instance: str, port: int, env: Mapping[str, str],
                 log_path: Path) -> None:
        self.service = service
        self.instance = instance
        self.port = port
        self.env = dict(env)
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    @property
    def returncode(self) -> int | None:
        return None if self.process is None else self.process.poll()

    def start(self) -> None:
        if self.alive:
            raise RuntimeError(f"{self.instance} is already running")
        self.starts += 1
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "services.cli", "run", self.service],
                cwd=REPO, env=self.env, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                start_new_session=True,
            )

    def kill(self) -> None:
        """SIGKILL: no shutdown hook runs, nothing is flushed or committed."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    async def terminate(self, timeout: float = 20.0) -> float:
        """SIGTERM; the seconds until the process exited (inf, and SIGKILL, after `timeout`).

        Waits without blocking the event loop: fakes serving the process run on it."""
        assert self.process is not None
        started = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        while self.process.poll() is None:
            if time.monotonic() - started > timeout:
                self.kill()
                return float("inf")
            await asyncio.sleep(0.02)
        return time.monotonic() - started

    def log_lines(self) -> list[str]:
        if not self.log_path.exists():
            return []
        return self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()

    def log_records(self) -> list[dict[str, Any]]:
        """The JSON log records (tracebacks and other raw lines are skipped)."""
        found = []
        for line in self.log_lines():
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict):
                found.append(record)
        return found


class Cluster:
    """Service processes on one broker, one topic namespace and one data dir (or database)."""

    def __init__(self, *, bootstrap: str, root: Path, database_url: str | None = None,
                 env: Mapping[str, str] | None = None, log_level: str = "INFO") -> None:
        self.root = root
        (root / "logs").mkdir(parents=True, exist_ok=True)
        self.settings = Settings(
            kafka_bootstrap=bootstrap, topic_namespace=f"t{uuid.uuid4().hex[:12]}",
            data_dir=root / "data", database_url=database_url, secret=SECRET,
            instance_id="harness", kafka_session_timeout_ms=2000,
            event_keys_dir=session_keys_dir())
        base = {k: v for k, v in os.environ.items() if not k.startswith("ORCAST_")}
        base.update({
            "ORCAST_KAFKA_BOOTSTRAP": bootstrap,
            "ORCAST_TOPIC_NAMESPACE": self.settings.topic_namespace,
            "ORCAST_DATA_DIR": str(self.settings.data_dir),
            "ORCAST_EVENT_KEYS_DIR": str(session_keys_dir()),
            "ORCAST_SECRET": SECRET,
            "ORCAST_KAFKA_SESSION_TIMEOUT_MS": "2000",
            "ORCAST_LOG_FORMAT": "json",
            "ORCAST_LOG_LEVEL": log_level,
            "ORCAST_INGEST_RATE": "0",  # one test coordinator submits hundreds a second
            "ORCAST_LIVE_MAX_SOCKETS_PER_PRINCIPAL": "0",  # every test student shares a token
            "PYTHONUNBUFFERED": "1",
        })
        if database_url:
            base["ORCAST_DATABASE_URL"] = database_url
        base.update(env or {})
        self.env = base
        self.procs: dict[str, list[ServiceProcess]] = {}
        self._tokens: dict[str, str] = {}
        self._session: aiohttp.ClientSession | None = None
        self._tasks: list[asyncio.Task[Any]] = []

    # --- processes -----------------------------------------------------------
    def add(self, service: str, env: Mapping[str, str] | None = None) -> ServiceProcess:
        if service not in RUNNABLE:
            raise KeyError(service)
        instances = self.procs.setdefault(service, [])
        instance = f"{service}-{len(instances) + 1}"
        port = free_port()
        proc = ServiceProcess(
            service=service, instance=instance, port=port,
            env={**self.env, "ORCAST_HTTP_PORT": str(port), "ORCAST_INSTANCE_ID": instance,
                 **(env or {})},
            log_path=self.root / "logs" / f"{instance}.log")
        instances.append(proc)
        return proc

    async def start(self, services: tuple[str, ...] = SERVICES, instances: int = 1,
                    timeout: float = 60.0) -> None:
        await ensure_topics(self.settings)
        started = []
        for service in services:
            for _ in range(instances):
                proc = self.add(service)
                proc.start()
                started.append(proc)
        await asyncio.gather(*(self.wait_ready(p, timeout) for p in started))

    def proc(self, service: str, index: int = 0) -> ServiceProcess:
        return self.procs[service][index]

    def all(self) -> list[ServiceProcess]:
        return [p for group in self.procs.values() for p in group]

    def base_url(self, service: str, index: int = 0) -> str:
        return self.proc(service, index).base_url

    async def readiness(self, proc: ServiceProcess) -> tuple[int, dict[str, Any]]:
        """(status, body) of /readyz, with each check (as an admin); (0, {}) when nothing
        answers."""
        try:
            async with self.session.get(proc.base_url + "/readyz", headers={
                    "Authorization": f"Bearer {self.token('admin')}"},
                    timeout=aiohttp.ClientTimeout(total=5)) as response:
                return response.status, await response.json()
        except (aiohttp.ClientError, TimeoutError, ValueError):
            return 0, {}

    async def wait_ready(self, proc: ServiceProcess, timeout: float = 60.0) -> float:
        """Seconds until /readyz said 200; fails with the log tail when it never does."""
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            if proc.process is not None and proc.process.poll() is not None:
                raise AssertionError(f"{proc.instance} exited with {proc.returncode}:\n"
                                     + "\n".join(proc.log_lines()[-20:]))
            status, _ = await self.readiness(proc)
            if status == 200:
                return time.monotonic() - started
            await asyncio.sleep(0.1)
        _, body = await self.readiness(proc)
        raise AssertionError(f"{proc.instance} not ready in {timeout}s: {body}\n"
                             + "\n".join(proc.log_lines()[-20:]))

    async def restart(self, proc: ServiceProcess, *, wait: bool = True) -> None:
        if proc.alive:
            proc.kill()
        proc.start()
        if wait:
            await self.wait_ready(proc)

    # --- clients -------------------------------------------------------------
    @property
    def session(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession()
        return self._session

    def background(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """A client task (a watching student...) that `close()` cancels first."""
        task = asyncio.create_task(coro)
        self._tasks.append(task)
        return task

    def token(self, role: str, sub: str | None = None) -> str:
        key = f"{role}:{sub}"
        if key not in self._tokens:
            self._tokens[key] = issue_token(self.settings, sub=sub or f"test-{role}", role=role)
        return self._tokens[key]

    async def request(self, service: str, method: str, path: str, *, role: str | None = None,
                      json_body: Any = None, index: int = 0,
                      timeout: float = 15.0) -> tuple[int, Any, Mapping[str, str]]:
        headers = {"Authorization": f"Bearer {self.token(role)}"} if role else {}
        async with self.session.request(
                method, self.base_url(service, index) + path, json=json_body, headers=headers,
                timeout=aiohttp.ClientTimeout(total=timeout)) as response:
            text = await response.text()
            try:
                body = json.loads(text) if text else None
            except ValueError:
                body = text
            return response.status, body, response.headers

    def log_lines(self) -> Iterator[tuple[ServiceProcess, str]]:
        for proc in self.all():
            for line in proc.log_lines():
                yield proc, line

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        for proc in self.all():
            if proc.alive:
                assert proc.process is not None
                proc.process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 10
        for proc in self.all():
            while time.monotonic() < deadline:
                if not proc.alive:
                    break
                await asyncio.sleep(0.05)
            proc.kill()
        if self._session is not None:
            await self._session.close()
            self._session = None
