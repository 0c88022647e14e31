"""Whether a rule's cost grows with the note's length, not with its square.

A budget in milliseconds fails on a slow or busy machine and passes a quadratic rule on a
fast one; the ratio between two lengths of the same note does neither. Linear work on 8x
the text takes at most 8x the time (less, with the fixed cost per note); a quadratic rule
takes up to 64x. Best of a few runs of this process's CPU time, so neither a pause nor other
work on a busy machine is counted (wall time did: CI on two busy cores once measured 16.0x
for a rule that takes 5-6x when quiet)."""

from __future__ import annotations

import time
from collections.abc import Callable

SMALL = 2_500
LARGE = 20_000  # 8x SMALL; longer than a note may be, so engines here allow it (`long_engine`)


def best_seconds(run: Callable[[str], object], text: str, tries: int = 3) -> float:
    best = float("inf")
    for _ in range(tries):
        started = time.process_time()
        run(text)
        best = min(best, time.process_time() - started)
    return best


def repeated(unit: str, length: int) -> str:
    return (unit * (length // len(unit) + 1))[:length]


def assert_grows_linearly(run: Callable[[str], object], make: Callable[[int], str],
                          small: int = SMALL, large: int = LARGE) -> None:
    """`make(n)` builds the note at about n characters; `run` is the work under test."""
    run(make(small))  # warm: lexicons, regex caches, the memo
    ratio = best_seconds(run, make(large)) / best_seconds(run, make(small))
    factor = large / small
    assert ratio < 2 * factor, f"{ratio:.1f}x the time for {factor:.0f}x the text"
