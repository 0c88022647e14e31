"""Where a warm note's time goes: wall time per pass of the de-identification engine.

    PYTHONPATH=$PWD .venv/bin/python bench/deid_passes.py --corpus dev --corpus tuning2

Every function the engine calls on a module (`digits.scan`, `normalise.view`,
`name_heads.join`…) and the name scanner are wrapped with a timer; the notes are those
`bench/deid_speed.py` times (consecutive notes joined to ~300 characters), run once cold,
then timed warm. Passes nest: `names.scan` includes `context.scan`, listed again as
"names.scan > context.scan". "engine body" is what no wrapped pass holds: tokenising,
word look-ups, the gates between passes, building the result. Each wrapper adds ~0.3 µs
per call. On a shared machine compare shares, not microseconds. Prints no note text.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.deid_eval import CORPORA, load, orcast_tool  # noqa: E402

_ENTRY_POINTS = ("scan", "view", "disguised", "nicknames", "drop", "join", "widen",
                 "join_across_initials", "inverted", "after_for", "cued", "shapes")


_OPEN: list[str] = []  # the passes running now, outermost first


def _wrap(owner: Any, name: str, label: str, spent: Counter[str]) -> None:
    inner: Callable[..., Any] = getattr(owner, name)
    clock = time.perf_counter

    def timed(*args: Any, **kwargs: Any) -> Any:
        # a pass another pass calls is listed as "outer > inner", counted once in the total
        key = f"{_OPEN[0]} > {label}" if _OPEN else label
        _OPEN.append(label)
        t0 = clock()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[key] += clock() - t0
            _OPEN.pop()

    setattr(owner, name, timed)


def instrument(spent: Counter[str]) -> None:
    """Wrap every pass the engine reaches through a module attribute."""
    from services.common.deid import engine
    from services.common.deid.names import NameScanner

    for attr in dir(engine):
        mod = getattr(engine, attr)
        if getattr(mod, "__name__", "").startswith("services.common.deid.") \
                and type(mod).__name__ == "module":
            for fn in _ENTRY_POINTS:
                if callable(getattr(mod, fn, None)):
                    _wrap(mod, fn, f"{attr}.{fn}", spent)
    _wrap(engine, "scan_numbers", "casematch.scan_numbers", spent)
    _wrap(engine, "merge", "engine.merge", spent)
    _wrap(NameScanner, "scan", "names.scan", spent)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", action="append", choices=["dev", "tuning", "tuning2"],
                    help="corpora to time (default: dev)")
    ap.add_argument("--passes", type=int, default=3, help="warm passes (the best is shown)")
    a = ap.parse_args()
    spent: Counter[str] = Counter()
    instrument(spent)
    prepare, run = orcast_tool()
    notes: list[tuple[str, Any]] = []
    for name in a.corpus or ["dev"]:
        buf = ""
        for row in load(CORPORA[name]):  # bench/deid_eval.throughput's joined notes
            buf = f"{buf} {row['text']}" if buf else row["text"]
            if len(buf) >= 270:
                notes.append((buf[:330], prepare(row["case"])))
                buf = ""
    for text, case in notes:
        run(text, case)  # cold: fills the memos
    best: tuple[float, Counter[str]] | None = None
    for _ in range(a.passes):
        spent.clear()
        t0 = time.perf_counter()
        for text, case in notes:
            run(text, case)
        total = time.perf_counter() - t0
        if best is None or total < best[0]:
            best = (total, Counter(spent))
    assert best is not None
    total, by_pass = best
    per = 1e6 / len(notes)
    outer = sum(v for k, v in by_pass.items() if " > " not in k)
    print(f"{len(notes)} notes, {total * per:.0f} µs/note ({len(notes) / total:,.0f} notes/s "
          "wall, timers included)")
    print("| pass | µs/note | share |")
    print("|---|---:|---:|")
    for label, spent_s in by_pass.most_common():
        print(f"| {label} | {spent_s * per:.1f} | {spent_s / total:.1%} |")
    print(f"| engine body | {(total - outer) * per:.1f} | {(total - outer) / total:.1%} |")

if __name__ == "__main__":
    main()
