"""Bidi overrides in the matching view (attack/report.md H1).

A right-to-left override (U+202E) makes a screen draw the Latin letters after it in
reverse: "\\u202ehtrowenneT\\u202c" is typed backwards and reads "Tenneworth". The view
puts each overridden run in the order a reader sees it, so every matcher reads what the
reader reads; a finding inside the run redacts the whole run as typed. A left-to-right
override (U+202D) draws its run in typed order, so it needs nothing. Embeddings and
isolates (U+202A/B, U+2066-9) do not reorder Latin letters; they are dropped as
invisible, and a reversed word is also tried against the case's names (name_sweep).
"""

from __future__ import annotations

RLO = "\u202e"
_ENDS = frozenset("\u202c\u202d\n\u2029")  # pop, a new override, or a paragraph ends it


def display_order(typed: str, out: str, starts: list[int], ends: list[int]) \
        -> tuple[str, list[int], list[int]]:
    """`out` (the view of `typed`, `starts`/`ends` into it) with each run a right-to-left
    override covers reversed; a no-op without one."""
    if RLO not in typed:
        return out, starts, ends
    chars = list(out)
    starts, ends = list(starts), list(ends)
    p = typed.find(RLO)
    while p >= 0:
        q = p + 1
        while q < len(typed) and typed[q] not in _ENDS:
            q += 1
        run = [k for k, s in enumerate(starts) if p < s < q]
        if len(run) > 1:
            a, b = run[0], run[-1] + 1  # the view keeps typed order, so the run is contiguous
            # Each character stands for the whole run: a finding inside it redacts the run
            # (offsets that go backwards could not be redacted as one typed span).
            first, last = starts[a], ends[b - 1]
            chars[a:b] = chars[a:b][::-1]
            starts[a:b] = [first] * (b - a)
            ends[a:b] = [last] * (b - a)
        p = typed.find(RLO, q)
    return "".join(chars), starts, ends
