"""The suite's broker goes with the pytest process that started it, even one killed
with SIGKILL (a timed-out CI job): an orphaned broker would hold its port and memory."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from services.common.lifetime import alive

ROOT = Path(__file__).resolve().parents[2]

# the fixture's own code, run in a child we can kill: it prints the broker's pid
STARTER = """
import os, sys, time
sys.path.insert(0, sys.argv[1])
from tests import conftest
gen = getattr(conftest.kafka_bootstrap, "__wrapped__", conftest.kafka_bootstrap)()
bootstrap = next(gen)
print(bootstrap, flush=True)
time.sleep(60)
"""


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry))
    return found


@pytest.mark.skipif(bool(os.environ.get("ORCAST_KAFKA_BOOTSTRAP")), reason="external broker")
def test_the_suites_broker_dies_with_a_pytest_killed_by_sigkill() -> None:
    child = subprocess.Popen([sys.executable, "-c", STARTER, str(ROOT)],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip(), "the fixture printed no bootstrap"
        brokers = _children(child.pid)
        assert brokers, "no broker process under the fixture's process"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in brokers) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in brokers if alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, "the broker outlived the killed pytest process"
