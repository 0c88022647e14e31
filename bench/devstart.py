"""Where `orcast dev`'s start time goes: seconds from spawning it to each phase.

    PYTHONPATH=. .venv/bin/python -m bench.devstart [--runs 3]

Each run starts `orcast dev` twice on one fresh data dir: `fresh` (empty data dir) and,
after a Ctrl-C, `restart` (the journal written by the first start is restored). Phases
are seen from outside, as a user would, by polling every POLL seconds:
- provider   the node identity provider listens (a port of its process)
- broker     the embedded broker accepts connections on --kafka-port
- journal    the keeper restored the journal and announced the broker (`dev-broker`)
- <service<  that service listens on its loopback port (imports and app made)
- <service>  that service's own /readyz answers 200 (its consumers started)
- readyz     the public /readyz answers 200 (every process ready)
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from services.common.broker import free_port

POLL = 0.02
MARK = "ORCAST_DEVSTART_MARK"


def _listening_inodes() -> dict[str, int]:
    """socket inode → port of every TCP socket listening on this machine (IPv4)."""
    found = {}
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[3] == "0A":  # LISTEN
            found[fields[9]] = int(fields[1].rsplit(":", 1)[1], 16)
    return found


def _ports_of(pid: int, listening: dict[str, int]) -> list[int]:
    ports = []
    try:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            if target.startswith("socket:["):
                port = listening.get(target[8:-1])
                if port is not None:
                    ports.append(port)
    except OSError:
        pass
    return ports


def _marked(mark: str) -> dict[int, str]:
    """pid → command line of every process carrying `mark` in its environment."""
    needle = f"{MARK}={mark}".encode()
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            if needle not in Path(f"/proc/{entry}/environ").read_bytes().split(b"\0"):
                continue
            found[int(entry)] = Path(f"/proc/{entry}/cmdline").read_bytes().replace(
                b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
    return found


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except OSError:
        return 0


def _open(port: int) -> bool:
    import socket

    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        return True
    except OSError:
        return False


def observe(data_dir: Path, timeout: float = 120.0
            ) -> tuple[dict[str, float], subprocess.Popen[bytes]]:
    port, kafka_port, mark = free_port(), free_port(), f"{os.getpid()}-{time.time()}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORCAST_")}
    env.update({MARK: mark, "ORCAST_LOG_LEVEL": "WARNING"})
    log = open(data_dir.parent / f"{data_dir.name}-dev.log", "ab")
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "services.cli", "dev", "--port", str(port),
         "--data-dir", str(data_dir), "--kafka-port", str(kafka_port)],
        env=env, stdout=subprocess.DEVNULL, stderr=log, start_new_session=True)
    phases: dict[str, float] = {}
    service_ports: dict[str, int] = {}

    def seen(name: str) -> None:
        if name not in phases:
            phases[name] = time.monotonic() - started

    while "readyz" not in phases:
        if time.monotonic() - started > timeout or process.poll() is not None:
            raise RuntimeError(f"orcast dev did not become ready; phases so far {phases}")
        if "broker" not in phases and _open(kafka_port):
            seen("broker")
        if "journal" not in phases and (data_dir / "dev-broker").exists():
            seen("journal")
        listening = _listening_inodes()
        for pid, command in _marked(mark).items():
            if "provider" not in phases and "server.js" in command and \
                    _ports_of(pid, listening):
                seen("provider")
            if " run " in command:
                name = command.split(" run ", 1)[1].split()[0]
                if name not in service_ports:
                    ports = _ports_of(pid, listening)
                    if ports:
                        service_ports[name] = ports[0]
                        seen(f"{name}<")  # listening, not yet ready
        for name, service_port in service_ports.items():
            if name not in phases and \
                    _get(f"http://127.0.0.1:{service_port}/readyz") == 200:
                seen(name)
        if _get(f"http://127.0.0.1:{port}/readyz") == 200:
            seen("readyz")
        time.sleep(POLL)
    return phases, process


def interrupt(process: subprocess.Popen[bytes]) -> None:
    os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(90)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    order = ["provider", "broker", "journal"]
    for run in range(args.runs):
        data_dir = Path(tempfile.mkdtemp(prefix="orcast-devstart-")) / "var"
        for kind in ("fresh", "restart"):
            load = os.getloadavg()[0]
            phases, process = observe(data_dir)
            interrupt(process)
            names = order + sorted(set(phases) - {*order, "readyz"}) + ["readyz"]
            print(f"run {run} {kind:<7} load {load:4.2f}  " + "  ".join(
                f"{n} {phases[n]:.2f}" for n in names if n in phases), flush=True)


if __name__ == "__main__":
    main()
