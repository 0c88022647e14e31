"""Children that cannot outlive their parent, even one killed with SIGKILL.

`PR_SET_PDEATHSIG` asks the kernel to signal a process when the thread that forked it
dies: no cooperation from the parent needed, so `kill -9` of `orcast dev` still stops
its broker and services. It survives `exec`, so it works for the Rust broker too.
"""

from __future__ import annotations

import ctypes
import os
import signal
from collections.abc import Callable

PR_SET_PDEATHSIG = 1


def die_with_parent(sig: int = signal.SIGTERM) -> Callable[[], None]:
    """A `preexec_fn` for `subprocess.Popen`: `sig` reaches the child when its parent
    dies. Popen must be called from the main thread (the signal follows the forking
    thread, so a worker thread's exit would fire it)."""
    parent = os.getpid()

    def arm() -> None:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0) != 0:
            os._exit(70)
        if os.getppid() != parent:  # the parent died before the signal was armed
            os._exit(70)

    return arm


def alive(pid: int) -> bool:
    """Running (a zombie waiting to be reaped counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            state = handle.read().rsplit(b")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in (b"Z", b"X")
