"""Start `orcast dev` as a subprocess on free ports with a throwaway data dir (bench helper)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from services.common.broker import free_port


@dataclass
class DevStack:
    process: subprocess.Popen[bytes]
    base_url: str
    tokens: dict[str, str]
    data_dir: Path

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start(extra_env: dict[str, str] | None = None, timeout: float = 60.0,
          kafka_port: int | None = None) -> DevStack:
    data_dir = Path(tempfile.mkdtemp(prefix="orcast-bench-"))
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORCAST_")}
    # Load generators all connect from 127.0.0.1: no per-address connection cap.
    env.update({"ORCAST_LOG_LEVEL": "WARNING", "ORCAST_HTTP_MAX_CONNECTIONS_PER_IP": "0",
                **(extra_env or {})})
    process = subprocess.Popen(
        [sys.executable, "-m", "services.cli", "dev", "--port", str(port),
         "--data-dir", str(data_dir),
         *(["--kafka-port", str(kafka_port)] if kafka_port else [])],
        env=env, stdout=subprocess.DEVNULL, stderr=open(data_dir / "dev.log", "wb"),
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"orcast dev exited; see {data_dir / 'dev.log'}")
        try:
            with urllib.request.urlopen(base + "/readyz", timeout=1) as response:
                if response.status == 200:
                    tokens = json.loads((data_dir / "dev-tokens.json").read_text())
                    return DevStack(process, base, tokens, data_dir)
        except OSError:
            pass
        time.sleep(0.2)
    process.kill()
    raise RuntimeError("orcast dev did not become ready")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]
