"""`orcast dev`: the whole system on one machine, one command, one port, every core.

Processes (each started with `die_with_parent`, so even `kill -9` of `orcast dev`
stops them all):
- the broker keeper (`services.dev.keeper`): the embedded broker and its journal;
- one `orcast run <service>` per service, each on its own loopback port;
- this process: the front door on the public port (`front.py`) handing each
  connection to the service its path belongs to (and routing again each one a service
  hands back), and a small app of its own (home page, `/readyz` over every process,
  merged `/metrics`).
Stopping (Ctrl-C, SIGTERM): the front closes, the services finish and exit, the keeper
journals what they wrote last and stops the broker. A service that dies stops the rest.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import resource
import signal
import socket
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from aiohttp import web

from services.common import serving
from services.common.broker import free_port
from services.common.lifetime import die_with_parent
from services.common.settings import Settings
from services.registry import create_app_for

from . import handoff, priority
from .front import SHARED_ROUTES, Front, RouteTable, Target
from .frontapp import create_front_app
from .handed import handed_factory, hold_between_requests
from .keeperproc import Keeper, KeeperFailed

__all__ = ["SHARED_ROUTES", "Keeper", "KeeperFailed", "Services", "serve"]

logger = logging.getLogger(__name__)

STOP_GRACE = 20.0  # seconds a service has to finish before SIGKILL
FRONT = "supervisor"  # the routes the supervisor serves itself


@dataclass
class Services:
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    ports: dict[str, int] = field(default_factory=dict)  # its own loopback port (probes)
    channels: dict[str, socket.socket] = field(default_factory=dict)  # connections go here

    def start(self, env: Mapping[str, str], names: tuple[str, ...]) -> None:
        """Each service imports its code and builds its app, then waits on its stdin for
        `go` (`open_gate`) before it touches the broker or serves: the services load
        while the broker keeper restores the journal, and start only after."""
        for name in names:
            # bound and listening here, the socket passed on: a port only picked here and
            # bound seconds later by the child could meanwhile become the local port of
            # an outgoing connection (EADDRINUSE: the child, then the stack, stopped)
            listener = socket.create_server(("127.0.0.1", 0), backlog=128)
            port = listener.getsockname()[1]
            ours, theirs = handoff.channel_pair()
            child = {**env, "ORCAST_HTTP_HOST": "127.0.0.1", "ORCAST_HTTP_PORT": str(port),
                     "ORCAST_DEV_HANDOFF_FD": str(theirs.fileno()),
                     "ORCAST_DEV_LISTEN_FD": str(listener.fileno())}
            self.processes[name] = subprocess.Popen(
                [sys.executable, "-m", "services.cli", "run", name], env=child,
                stdin=subprocess.PIPE, start_new_session=True,
                pass_fds=(theirs.fileno(), listener.fileno()),
                preexec_fn=priority.preexec(name, die_with_parent()))
            theirs.close()
            listener.close()
            self.ports[name] = port
            self.channels[name] = ours

    def open_gate(self) -> None:
        """Let every service start (see `start`)."""
        for process in self.processes.values():
            assert process.stdin is not None
            try:
                process.stdin.write(b"go\n")
                process.stdin.close()
            except BrokenPipeError:  # it died: its exit is noticed and stops the stack
                pass

    def route_table(self) -> RouteTable:
        """The routes each service told once its app was built (as `route_table` below
        would find them, without building every app here too)."""
        routes: list[tuple[str, str]] = []
        for name, channel in self.channels.items():
            process = self.processes[name]
            told = handoff.read_routes(channel, functools.partial(_running, process))
            routes += [(route, name) for route in told if route not in SHARED_ROUTES]
        return RouteTable(routes, FRONT)

    def targets(self, max_per_ip: int = 0) -> dict[str, Target]:
        """Each service's hand-over; connections waiting in them stay within a share of
        this process's file descriptors (past it, accept() would fail for everyone)."""
        soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        limit = min(handoff.MAX_WAITING, max(64, soft // (2 * (len(self.channels) + 1))))
        return {name: handoff.Outbox(channel, limit, max_per_ip)
                for name, channel in self.channels.items()}

    def stop(self) -> None:
        for channel in self.channels.values():
            channel.close()
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


def _running(process: subprocess.Popen[bytes]) -> bool:
    return process.poll() is None


def route_table(settings: Settings, names: Iterable[str]) -> RouteTable:
    """Every service's routes, read from the app `orcast run` builds for it; the rest
    (home page, `/readyz`, `/metrics`) is the supervisor's own."""
    routes: list[tuple[str, str]] = []
    for name in names:
        app = create_app_for(name)(settings)
        routes += [(r.canonical, name) for r in app.router.resources()
                   if r.canonical not in SHARED_ROUTES]
    return RouteTable(routes, FRONT)


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
                decorate: Callable[[web.Application], None] | None = None,
                routes: RouteTable | None = None) -> int:
    """`routes`: `route_table(settings, services.processes)` if already made (`orcast
    dev` makes it while the broker starts)."""
    front_app = create_front_app(settings, services.ports)
    if decorate is not None:
        decorate(front_app)
    front_app.on_response_prepare.append(hold_between_requests)
    runner = await serving.start(front_app, settings, host="127.0.0.1", port=free_port(),
                                 access_log=None, handle_signals=False, shutdown_timeout=5)
    loop = asyncio.get_running_loop()
    table = routes or route_table(settings, services.processes)
    assert isinstance(runner.server, serving.GuardedServer)
    # the supervisor's own requests keep their connection too, as in a service
    serve_here = handoff.accepting(handed_factory(
        runner.server, lambda path: table.target_for(path) == FRONT,
        lambda sock: front.take(sock)))
    front = Front(table, {**services.targets(settings.http_max_connections_per_ip),
                          FRONT: serve_here},
                  header_timeout=settings.http_header_timeout,
                  max_per_ip=settings.http_max_connections_per_ip)
    stop = asyncio.Event()
    failed: list[str] = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)

    def ended(name: str) -> None:
        if not stop.is_set():
            logger.error("%s exited; stopping the dev stack", name)
            failed.append(name)
            stop.set()

    for channel in services.channels.values():  # connections the services hand back
        loop.add_reader(channel.fileno(), handoff.receive, channel, front.take,
                        functools.partial(loop.remove_reader, channel.fileno()))
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
        for channel in services.channels.values():
            loop.remove_reader(channel.fileno())
        await front.stop()
        await runner.cleanup()
    return 1 if failed else 0
