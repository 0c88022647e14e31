"""`orcast dev`'s services load while the journal is restored, and touch nothing before."""

from __future__ import annotations

import errno
import os
import socket
from pathlib import Path

import pytest

from services.common import signing
from services.common.settings import Settings
from services.common.topics import SERVICES
from services.dev.front import RouteTable
from services.dev.supervisor import Services, route_table


def _env(tmp_path: Path, broker: socket.socket) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORCAST_")}
    env.update({"ORCAST_DATA_DIR": str(tmp_path), "ORCAST_SECRET": "s" * 40,
                "ORCAST_LOG_LEVEL": "WARNING",
                "ORCAST_KAFKA_BOOTSTRAP": f"127.0.0.1:{broker.getsockname()[1]}"})
    signing.generate(signing.keys_dir(Settings(data_dir=tmp_path)), SERVICES)
    return env


def test_a_service_waits_at_the_gate_and_leaves_when_dev_does(tmp_path: Path) -> None:
    broker = socket.create_server(("127.0.0.1", 0))  # stands for the broker: never called
    broker.setblocking(False)
    env = _env(tmp_path, broker)
    services = Services()
    try:
        services.start(env, ("viewer",))
        process = services.processes["viewer"]
        assert process.stdin is not None
        process.stdin.close()  # `orcast dev` gone before the broker was ready: no `go`
        assert process.wait(120) == 0  # it left at the gate, never served
        with pytest.raises(BlockingIOError):
            broker.accept()  # and never called the broker
    finally:
        services.stop()
        broker.close()


def _routes(table: RouteTable) -> tuple[dict[str, str], list[tuple[str, str]]]:
    return dict(table._exact), [(r.pattern.pattern, r.target) for r in table._dynamic]


def test_the_services_tell_the_front_the_routes_their_apps_serve(tmp_path: Path) -> None:
    # the supervisor no longer builds every service's app for its route table
    broker = socket.create_server(("127.0.0.1", 0))
    env = _env(tmp_path, broker)
    names = ("viewer", "cases")
    services = Services()
    try:
        services.start(env, names)
        told = services.route_table()
        built = route_table(Settings.from_env(env), names)
        assert _routes(told) == _routes(built)
        assert told.target_for("/api/v1/live") == "viewer"
        assert told.target_for("/readyz") == built.fallback  # the supervisor's own
    finally:
        services.stop()
        broker.close()


def test_a_service_port_is_bound_before_the_service_starts(tmp_path: Path) -> None:
    """The supervisor binds each service's own port and passes the listening socket: a
    port only picked and bound seconds later by the child (after the gate) could become
    an outgoing connection's local port meanwhile (EADDRINUSE: `make dev` stopped)."""
    broker = socket.create_server(("127.0.0.1", 0))
    env = _env(tmp_path, broker)
    services = Services()
    try:
        services.start(env, ("viewer",))
        port = services.ports["viewer"]
        with pytest.raises(OSError) as taken:  # held already, while the child loads
            socket.create_server(("127.0.0.1", port)).close()
        assert taken.value.errno == errno.EADDRINUSE
    finally:
        services.stop()
        broker.close()
