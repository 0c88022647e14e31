"""Assemble BENCHMARKS.md from bench/results/summary.md and each area's results file.

Each benchmark's author writes its own file under bench/; this keeps one page for
readers without copying figures by hand. `--check` fails when BENCHMARKS.md is stale.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = [
    "bench/DEID_RESULTS.md",
    "bench/results/deid_blind.md",
    "bench/results/trust.md",
    "bench/results/backbone.md",
    "bench/results/ingest.md",
    "bench/results/approval.md",
    "bench/results/viewer.md",
    "bench/results/devstack.md",
    "bench/results/publisher.md",
    "bench/results/audit.md",
    "bench/results/e2e.md",
    "bench/results/faults.md",
    "bench/results/idle.md",
]


def demoted(text: str) -> str:
    """Every heading one level down, so each file becomes a section of the page."""
    return "\n".join("#" + line if line.startswith("#") else line
                     for line in text.strip().splitlines())


def build() -> str:
    sections = [(ROOT / "bench/results/summary.md").read_text(encoding="utf-8").strip()]
    for part in PARTS:
        body = demoted((ROOT / part).read_text(encoding="utf-8"))
        sections.append(f"{body}\n\n(Source: `{part}`.)")
    return "\n\n".join(sections) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if BENCHMARKS.md is stale")
    args = parser.parse_args()
    target = ROOT / "BENCHMARKS.md"
    text = build()
    if args.check:
        if target.read_text(encoding="utf-8") != text:
            sys.stderr.write("BENCHMARKS.md is stale: run python scripts/build_benchmarks.py\n")
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
