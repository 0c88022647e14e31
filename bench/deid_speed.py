"""The two speed figures of issue 13: warm notes/s on one core, and `orcast deid --jsonl`
start-up (one trivial line in, its answer out, wall clock of the whole process).

    .venv/bin/python bench/deid_speed.py                 # dev and tuning corpora
    .venv/bin/python bench/deid_speed.py --runs 9        # more start-up samples

Throughput is `deid_eval.throughput` (CPU seconds of this process, notes joined to ~300
characters, best of three warm passes). Start-up runs the real command in a fresh
process each time; the first run may build the lexicon cache (reported as "first"), the
others load it. On a shared machine take the best figure: others' load only adds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.deid_eval import CORPORA, load, orcast_tool, throughput  # noqa: E402


def startup(runs: int) -> tuple[float, list[float]]:
    """(first run, later runs) in seconds, with a fresh lexicon cache folder."""
    line = b'{"text":"x"}\n'
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "ORCAST_DEID_CACHE_DIR": cache,
               "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        times = []
        for _ in range(runs + 1):
            t0 = time.perf_counter()
            out = subprocess.run([sys.executable, "-m", "services.cli", "deid", "--jsonl"],
                                 input=line, capture_output=True, env=env, cwd=ROOT,
                                 check=True).stdout
            times.append(time.perf_counter() - t0)
            if b'"verdict": "clean"' not in out:
                raise SystemExit(f"unexpected answer: {out!r}")
    return times[0], times[1:]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="start-up samples after the first")
    ap.add_argument("--corpus", action="append", choices=["dev", "tuning", "tuning2"],
                    help="corpora to time (default: dev and tuning)")
    a = ap.parse_args()
    print("| corpus | notes/s, one core, warm | cold | mean chars |")
    print("|---|---:|---:|---:|")
    for name in a.corpus or ["dev", "tuning"]:
        cold, warm, mean_len = throughput(load(CORPORA[name]), orcast_tool())
        print(f"| {name} | {warm:,.0f} | {cold:,.0f} | {mean_len:.0f} |")
    first, later = startup(a.runs)
    print()
    print("| `orcast deid --jsonl` start-up, one line | seconds |")
    print("|---|---:|")
    print(f"| first run (builds the lexicon cache) | {first:.2f} |")
    print(f"| later runs, best of {len(later)} | {min(later):.2f} |")
    print(f"| later runs, median | {statistics.median(later):.2f} |")


if __name__ == "__main__":
    main()
