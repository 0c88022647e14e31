"""Is a position inside any of a note's spans? In O(log n) per question.

`any(s <= at < e for s, e in spans)` asked once per number of a note is quadratic: a note
of a thousand ages asks a thousand questions of a thousand spans (attack24b, and the
growth tests in tests/deidentify/growth.py). The spans are merged into disjoint runs once;
each question is then one binary search."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable


class Covered:
    """The union of half-open spans [start, end); `at in covered` asks whether one holds it."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        starts: list[int] = []
        ends: list[int] = []
        for s, e in sorted(spans):
            if s >= e:
                continue  # an empty span holds no position
            if ends and s <= ends[-1]:
                ends[-1] = max(ends[-1], e)
            else:
                starts.append(s)
                ends.append(e)
        self._starts = starts
        self._ends = ends

    def __contains__(self, at: int) -> bool:
        k = bisect_right(self._starts, at) - 1
        return k >= 0 and at < self._ends[k]
