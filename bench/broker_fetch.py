"""What one fetch costs the embedded broker (Tansu): by partitions named, by fetch wait.

    python -m bench.broker_fetch --seconds 3

Starts a bare embedded broker, then for each case runs one consumer (no group) against
it and reads the broker process's CPU from /proc: empty partitions fetched with
a short and a longer wait, then a producer writing ~`--rate` records/s to one topic
while the consumer names 18 or 96 partitions with each wait. Prints broker CPU per
fetch and per second. Why: on Tansu a fetch's cost grows with every partition it names,
data or not, so a consumer that fetches all the time over many partitions costs the
broker more than all the produces together (issue 14's throughput profile).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import time
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from bench.on_broker import REQUESTS, count_requests, embedded_broker

TOPICS = 16
PARTITIONS = 6


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def measure(bootstrap: str, pid: int, topics: int, wait_ms: int, seconds: float,
                  baseline: float) -> dict[str, Any]:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False,
                                fetch_max_wait_ms=wait_ms)
    await consumer.start()
    try:
        consumer.assign([TopicPartition(f"t{t}", p) for t in range(topics)
                         for p in range(PARTITIONS)])
        await consumer.seek_to_end()
        await consumer.getmany(timeout_ms=300)
        REQUESTS["fetch"], before, began, records = 0, cpu_seconds(pid), time.monotonic(), 0
        while time.monotonic() - began < seconds:
            batch = await consumer.getmany(timeout_ms=100)
            records += sum(len(r) for r in batch.values())
        elapsed = time.monotonic() - began
        cores = (cpu_seconds(pid) - before) / elapsed - baseline
        return {"partitions": topics * PARTITIONS, "wait_ms": wait_ms,
                "fetches_per_s": round(REQUESTS["fetch"] / elapsed),
                "records_per_s": round(records / elapsed),
                "broker_cores": round(cores, 3),
                "broker_ms_per_fetch": round(1000 * cores * elapsed / max(1, REQUESTS["fetch"]), 3)}
    finally:
        await consumer.stop()


async def run(args: argparse.Namespace) -> dict[str, Any]:
    count_requests()
    results: list[dict[str, Any]] = []
    with embedded_broker() as (bootstrap, pid):
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        await admin.start()
        await admin.create_topics([NewTopic(f"t{i}", PARTITIONS, 1) for i in range(TOPICS)])
        await admin.close()
        for topics in (1, 4, 16):  # nothing written: the cost of asking
            for wait in (5, 100):
                results.append({"flowing": False, **await measure(
                    bootstrap, pid, topics, wait, args.seconds, 0.0)})
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
        await producer.start()
        stop = asyncio.Event()

        async def write() -> None:
            n = 0
            while not stop.is_set():
                await producer.send("t0", b"x" * 1000, key=str(n).encode())
                n += 1
                await asyncio.sleep(1 / args.rate)

        writer = asyncio.create_task(write())
        before, began = cpu_seconds(pid), time.monotonic()
        await asyncio.sleep(args.seconds)
        baseline = (cpu_seconds(pid) - before) / (time.monotonic() - began)
        for topics in (3, 16):
            for wait in (5, 100):
                results.append({"flowing": True, **await measure(
                    bootstrap, pid, topics, wait, args.seconds, baseline)})
        stop.set()
        await writer
        await producer.stop()
    return {"producer_alone_cores": round(baseline, 3), "rate": args.rate,
            "results": results, "load": os.getloadavg()[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="per case")
    parser.add_argument("--rate", type=float, default=300.0, help="records/s while flowing")
    args = parser.parse_args()
    result = asyncio.run(run(args))
    print(json.dumps(result, indent=1))
    for row in result["results"]:
        print(f"{'flowing' if row['flowing'] else 'empty  '} {row['partitions']:3d} partitions,"
              f" wait {row['wait_ms']:3d} ms: {row['fetches_per_s']:4d} fetches/s, "
              f"{row['broker_ms_per_fetch']:.3f} ms broker CPU per fetch, "
              f"{row['broker_cores']:.3f} cores")


if __name__ == "__main__":
    main()
