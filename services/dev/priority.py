"""CPU priority under `orcast dev`: the students' path first.

On a two-core machine at 100 milestones/s the processes want most of both cores, so
a hop's tail is a wait for a CPU (issue 14). Audit and the publisher are on no one's
live path (they linger 200 ms between batches anyway) but each batch is a burst of
CPU; at the same priority a de-identification, approval or viewer wake-up waits
behind it. Their processes run at `BACKGROUND_NICE`: they still get every idle cycle,
and a share of a busy machine, so they keep up.

Linux with autogroup (`/proc/sys/kernel/sched_autogroup_enabled`) schedules each
session as a group, and a process's nice value weighs only inside its own group.
Every child of `orcast dev` starts its own session, so the nice value is set on that
session's group as well (`/proc/self/autogroup`); without autogroup the file is
absent and the process's own nice value is what counts.
"""

from __future__ import annotations

import os
from collections.abc import Callable

BACKGROUND = frozenset({"audit", "publisher"})
BACKGROUND_NICE = 10
AUTOGROUP = "/proc/self/autogroup"


def lower(nice: int = BACKGROUND_NICE) -> None:
    """Run this process (and its session's group) at `nice`. Only ever lowers the
    priority, which needs no privilege; where the kernel says no, it stays as it is."""
    try:
        os.nice(max(0, nice - os.nice(0)))
    except OSError:
        pass
    try:
        with open(AUTOGROUP, "w") as group:
            group.write(str(nice))
    except OSError:  # no autogroup here (or not allowed): the nice value above counts
        pass


def preexec(name: str, first: Callable[[], None]) -> Callable[[], None]:
    """The `preexec_fn` for service `name`: `first`, then a lower priority if it is a
    background one (after `start_new_session`, so the new session's group is set)."""
    if name not in BACKGROUND:
        return first

    def both() -> None:
        first()
        lower()

    return both
