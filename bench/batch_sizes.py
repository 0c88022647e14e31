"""How many records each consumer takes per getmany and per handled batch, live.

    PYTHONPATH=$PWD python -m bench.throughput --rate 1000 --seconds 10 \\
        --env PYTHONPATH=$PWD/bench/hooks:$PWD --env ORCAST_BENCH_BATCH_DIR=/tmp/batches
    python -m bench.batch_sizes /tmp/batches

Reads what bench/hooks/sitecustomize.py wrote per process (ORCAST_BENCH_BATCH_DIR):
records per non-empty getmany (by the topics it returned), records per handled batch
(one transaction, one set of produces, one offset commit), records and Kafka record
batches per partition per fetch answer, records per produce request, Ed25519 checks per
record verified and the size of the signed (Merkle) batch each record came in.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

BUCKETS = ("<=1", "<=2", "<=4", "<=8", "<=16", "<=32", "<=64", "<=128", ">128")


def report(folder: Path, *, fetch_detail: bool) -> list[str]:
    lines = []
    for path in sorted(folder.glob("*.batches.json")):
        data = json.loads(path.read_text())
        name = " ".join(a for a in data["argv"][1:] if not a.startswith("-"))[-30:]
        lines.append(f"== {name} [{path.name.split('.')[0]}]")
        for key, stats in sorted(data["stats"].items()):
            if key.startswith("fetch_") and not fetch_detail:
                continue
            if "calls" not in stats:
                lines.append(f"  {key}: {stats}")
                continue
            spread = {b: stats[b] for b in BUCKETS if b in stats}
            lines.append(f"  {key:55s} calls={stats['calls']:6d} "
                         f"avg={stats['total'] / stats['calls']:7.2f} {spread}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--fetch-detail", action="store_true",
                        help="also records and record batches per partition per fetch")
    args = parser.parse_args()
    print("\n".join(report(args.folder, fetch_detail=args.fetch_detail)))


if __name__ == "__main__":
    main()
