"""`orcast dev`: the whole system on one machine, one command, one port, every core.

Processes (each started with `die_with_parent`, so even `kill -9` of `orcast dev`
stops them all):
- the broker keeper (`services.dev.keeper`): the embedded broker and its journal;
- one `orcast run <service>` per service, each on its own loopback port;
- this process: the front door on the public port (`front.py`) routing each path to
  its service, and a small app of its own (home page, `/readyz` over every process,
  merged `/metrics`).
Stopping (Ctrl-C, SIGTERM): the front closes, the services finish and exit, the keeper
journals what they wrote last and stops the broker. A service that dies stops the rest.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import web

from services.common import serving
from services.common.broker import free_port
from services.common.settings import Settings
from services.common.web import create_base_app
from services.registry import setup_for

from .front import Front, RouteTable
from .frontapp import create_front_app
from .lifetime import die_with_parent

logger = logging.getLogger(__name__)

STOP_GRACE = 20.0  # seconds a service has to finish before SIGKILL
KEEPER_GRACE = 40.0  # the keeper waits for the services, then journals the rest
SHARED_ROUTES = ("/healthz", "/readyz", "/metrics", "/assets/common/{name}")


class KeeperFailed(RuntimeError):
    """The broker keeper did not come up (its log is the data dir's `broker.log`)."""


@dataclass
class Keeper:
    process: subprocess.Popen[bytes]
    bootstrap: str
    restored: int

    @classmethod
    def start(cls, data_dir: Path, env: Mapping[str, str], kafka_port: int | None) -> Keeper:
        command = [sys.executable, "-m", "services.dev.keeper", "--data-dir", str(data_dir)]
        if kafka_port:
            command += ["--kafka-port", str(kafka_port)]
        process = subprocess.Popen(command, env=dict(env), stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, start_new_session=True,
                                   preexec_fn=die_with_parent())
        assert process.stdout is not None
        line = process.stdout.readline().decode().split()
        if len(line) < 2 or line[0] != "ready":
            process.kill()
            process.wait()
            raise KeeperFailed("the embedded broker did not start; see the log above")
        restored = int(line[2].split("=")[1]) if len(line) > 2 else 0
        return cls(process, line[1], restored)

    def tell(self, line: str) -> None:
        assert self.process.stdin is not None
        try:
            self.process.stdin.write(line.encode() + b"\n")
            self.process.stdin.flush()
        except BrokenPipeError:
            pass

    def stop(self) -> None:
        """End of input: the keeper journals the rest, then stops the broker."""
        if self.process.stdin is not None:
            try:
                self.process.stdin.close()
            except BrokenPipeError:
                pass
        try:
            self.process.wait(KEEPER_GRACE)
        except subprocess.TimeoutExpired:
            logger.error("broker keeper did not stop in %.0f s; killed", KEEPER_GRACE)
            self.process.kill()
            self.process.wait()


@dataclass
class Services:
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    ports: dict[str, int] = field(default_factory=dict)

    def start(self, env: Mapping[str, str], names: tuple[str, ...]) -> None:
        for name in names:
            port = free_port()
            child = {**env, "ORCAST_HTTP_HOST": "127.0.0.1", "ORCAST_HTTP_PORT": str(port),
                     # the front keeps the per-address cap (it sees the real peers) and
                     # tells the services who the peer was
                     "ORCAST_HTTP_MAX_CONNECTIONS_PER_IP": "0",
                     "ORCAST_TRUSTED_PROXIES": "127.0.0.1"}
            self.processes[name] = subprocess.Popen(
                [sys.executable, "-m", "services.cli", "run", name], env=child,
                stdin=subprocess.DEVNULL, start_new_session=True,
                preexec_fn=die_with_parent())
            self.ports[name] = port

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for name, process in self.processes.items():
            try:
                process.wait(STOP_GRACE)
            except subprocess.TimeoutExpired:
                logger.error("%s did not stop in %.0f s; killed", name, STOP_GRACE)
                process.kill()
                process.wait()


def route_table(settings: Settings, ports: Mapping[str, int], fallback: int) -> RouteTable:
    """Every service's routes, read from the app `orcast run` builds for it."""
    routes: list[tuple[str, int]] = []
    for name, port in ports.items():
        app = create_base_app(settings)
        setup_for(name)(app, settings)
        routes += [(r.canonical, port) for r in app.router.resources()
                   if r.canonical not in SHARED_ROUTES]
    return RouteTable(routes, fallback)


def watch_exits(processes: Mapping[str, subprocess.Popen[bytes]],
                on_exit: Callable[[str], None]) -> list[int]:
    """Call `on_exit(name)` when a child ends (pidfds: no polling)."""
    loop = asyncio.get_running_loop()
    fds = []
    for name, process in processes.items():
        fd = os.pidfd_open(process.pid)
        loop.add_reader(fd, on_exit, name)
        fds.append(fd)
    return fds


async def serve(settings: Settings, services: Services, keeper: Keeper | None,
                announce: Callable[[], None],
                decorate: Callable[[web.Application], None] | None = None) -> int:
    front_port = free_port()
    front_app = create_front_app(settings, services.ports)
    if decorate is not None:
        decorate(front_app)
    runner = await serving.start(front_app, settings, host="127.0.0.1", port=front_port,
                                 access_log=None, handle_signals=False, shutdown_timeout=5)
    front = Front(route_table(settings, services.ports, front_port),
                  header_timeout=settings.http_header_timeout,
                  max_per_ip=settings.http_max_connections_per_ip)
    stop = asyncio.Event()
    failed: list[str] = []
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)

    def ended(name: str) -> None:
        if not stop.is_set():
            logger.error("%s exited; stopping the dev stack", name)
            failed.append(name)
            stop.set()

    watched = dict(services.processes)
    if keeper is not None:
        watched["broker keeper"] = keeper.process
    fds = watch_exits(watched, ended)
    try:
        await front.start(settings.http_host, settings.http_port)
        announce()
        await stop.wait()
    finally:
        for fd in fds:
            loop.remove_reader(fd)
            os.close(fd)
        await front.stop()
        await runner.cleanup()
    return 1 if failed else 0
