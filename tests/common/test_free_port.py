"""free_port: a port its owner binds later must not be taken meanwhile by an outgoing
connection, which the kernel gives a port of the ephemeral range."""

from __future__ import annotations

import socket

from services.common import broker
from services.common.broker import ephemeral_ports, free_port


def test_free_port_is_below_the_ephemeral_range_and_bindable() -> None:
    low, _high = ephemeral_ports()
    ports = [free_port() for _ in range(50)]
    assert all(1024 <= port < low for port in ports), ports
    assert len(set(ports)) == len(ports)  # never the same port twice in one process
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", ports[-1]))


def test_free_port_skips_a_port_in_use(monkeypatch) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        low, _high = ephemeral_ports()
        # A spare this process has not given yet and nothing holds now: low - 1 alone was
        # sometimes given already by another test in the same worker (CI: StopIteration).
        spare = next(port for port in range(low - 1, 1024, -1)
                     if port not in broker._given and broker._bindable("127.0.0.1", port))
        picks = iter([taken, spare])
        monkeypatch.setattr(broker.random, "randrange", lambda _a, _b: next(picks))
        assert free_port() == spare
