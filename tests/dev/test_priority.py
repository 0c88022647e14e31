"""`orcast dev` runs audit and the publisher below the students' path (services/dev/priority.py).

What broke: every child starts its own session, and with autogroup each session is a
scheduling group of its own, so at 100 milestones/s audit's and the publisher's batches
took their full share of two busy cores while de-identification, approval and the
viewer waited for a CPU (issue 14's submit -> frame tail)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from services.common.lifetime import die_with_parent
from services.dev import priority
from services.dev.supervisor import Services
from tests.dev.test_gate import _env

SAYS = "import os; print(os.nice(0)); print(open('/proc/self/autogroup').read() " \
       "if os.path.exists('/proc/self/autogroup') else 'none')"


def _nice_of(pid: int) -> int:
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        return int(stat.read().rsplit(")", 1)[1].split()[16])


def _autogroup_of(pid: int) -> str | None:
    try:
        with open(f"/proc/{pid}/autogroup", encoding="ascii") as group:
            return group.read()
    except OSError:
        return None


def _run(name: str) -> tuple[int, str]:
    told = subprocess.run([sys.executable, "-c", SAYS], capture_output=True, text=True,
                          start_new_session=True, check=True,
                          preexec_fn=priority.preexec(name, die_with_parent()))
    nice, group = told.stdout.splitlines()[:2]
    return int(nice), group


def test_a_background_service_runs_niced_and_so_does_its_sessions_group() -> None:
    base = os.nice(0)
    nice, group = _run("audit")
    assert nice == max(base, priority.BACKGROUND_NICE)
    if group != "none":  # autogroup: the new session's group carries the nice value
        assert group.strip().endswith(f"nice {priority.BACKGROUND_NICE}")


def test_a_service_on_the_students_path_keeps_its_priority() -> None:
    base = os.nice(0)
    for name in ("ingest", "deidentify", "approval", "viewer"):
        nice, group = _run(name)
        assert nice == base
        if group != "none":
            assert group.strip().endswith("nice 0")


def test_the_supervisor_starts_audit_and_the_publisher_niced(tmp_path: Path) -> None:
    broker = socket.create_server(("127.0.0.1", 0))  # never called: no `go` is sent
    env = _env(tmp_path, broker)
    services = Services()
    try:
        services.start(env, ("audit", "publisher", "viewer"))
        for name, process in services.processes.items():
            expected = priority.BACKGROUND_NICE if name in priority.BACKGROUND else 0
            assert _nice_of(process.pid) == max(os.nice(0), expected), name
            group = _autogroup_of(process.pid)
            if group is not None:
                assert group.strip().endswith(f"nice {expected}"), (name, group)
    finally:
        services.stop()
        broker.close()
