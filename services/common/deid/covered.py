"""Is a position, or any of a stretch, inside one of a note's spans? In O(log n) a question.

`any(s <= at < e for s, e in spans)` asked once per number or word of a note is quadratic:
a note of a thousand ages asks a thousand questions of a thousand spans (attack24b, and
the growth tests in tests/deidentify/growth.py). The spans are merged into disjoint runs
once; each question is then one binary search."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate


class Covered:
    """The union of half-open spans [start, end)."""

    __slots__ = ("_empty", "_ends", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        starts: list[int] = []
        ends: list[int] = []
        empty: list[int] = []
        for s, e in sorted(spans):
            if s >= e:
                empty.append(s)  # holds no position, but a scan's overlap test counts it
            elif ends and s <= ends[-1]:
                ends[-1] = max(ends[-1], e)
            else:
                starts.append(s)
                ends.append(e)
        self._starts = starts
        self._ends = ends
        self._empty = empty

    def __contains__(self, at: int) -> bool:
        """As `any(s <= at < e for s, e in spans)`."""
        k = bisect_right(self._starts, at) - 1
        return k >= 0 and at < self._ends[k]

    def overlaps(self, start: int, end: int) -> bool:
        """As `any(s < end and start < e for s, e in spans)`, for start < end."""
        k = bisect_left(self._starts, end) - 1  # the last run that starts before `end`
        if k >= 0 and start < self._ends[k]:
            return True
        p = bisect_right(self._empty, start)  # an empty span strictly inside
        return p < len(self._empty) and self._empty[p] < end


class Holders:
    """Is a stretch inside one of the spans (not only inside their union)? As
    `any(s <= start and end <= e for s, e in spans)`, in O(log n) a question: the spans
    sorted by start and the farthest end reached so far."""

    __slots__ = ("_reach", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        pairs = sorted(spans)
        self._starts = [s for s, _ in pairs]
        self._reach = list(accumulate((e for _, e in pairs), max))

    def holds(self, start: int, end: int) -> bool:
        k = bisect_right(self._starts, start) - 1
        return k >= 0 and self._reach[k] >= end


def extend_unheld(merged: list[tuple[int, int, str, str, int]],
                  found: Iterable[tuple[int, int, str, str, int]]) -> bool:
    """Append to `merged` each span of `found` that no span already there holds whole (a
    rule's find inside another's adds nothing); whether any was appended."""
    found = list(found)
    if not found:
        return False  # (most notes: no index to build)
    inside = Holders((s, e) for s, e, *_ in merged)
    new = [sp for sp in found if not inside.holds(sp[0], sp[1])]
    merged.extend(new)
    return bool(new)
