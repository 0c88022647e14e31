"""What one fetch costs the embedded broker (Tansu) as batches pile up in the partition.

    python -m bench.broker_batches                 # 0 to 8,000 batches, 200 fetches each
    python -m bench.broker_batches --levels 0,2000 --fetches 100

At 100 milestones/s every hop writes about one batch per record (one produce request
each), so each partition of the live topics gains a batch per milestone of its cases.
For each level, partition 0 of a fresh topic is first filled to that many one-record
batches; then a consumer fetches the way the services do under `orcast dev` (nap.py:
paused, resumed once a record was acknowledged, paused again once it arrived), once on
partition 0 and once on partition 1 of the same topic, which holds only the batches
this bench writes there to measure (`2 * --fetches` a level). The broker CPU per
record, minus what the produce alone costs, is the fetch's cost. On Tansu 0.6.0
(memory storage) it grows with the batches in the fetched partition, not with those of
other partitions, so a long session, or a long bench, pays more for every fetch than a
fresh broker does (about 0.6 ms more per 1,000 batches on a 2-vCPU VM).
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

from bench.on_broker import embedded_broker

TOPIC = "batches"
VALUE = b"x" * 1500  # about one signed event envelope


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def produce_cost(producer: AIOKafkaProducer, pid: int, partition: int,
                       count: int) -> float:
    """Broker CPU (ms) per one-record produce, acked, to `partition`."""
    before = cpu_seconds(pid)
    for _ in range(count):
        await producer.send_and_wait(TOPIC, VALUE, partition=partition)
    return 1000 * (cpu_seconds(pid) - before) / count


async def fetch_cost(producer: AIOKafkaProducer, consumer: AIOKafkaConsumer, pid: int,
                     partition: int, count: int) -> dict[str, float]:
    """Broker CPU (ms) per record produced and then fetched as nap.py fetches it, and the
    time from the resume to the record in hand (p50, ms)."""
    tp = TopicPartition(TOPIC, partition)
    consumer.assign([tp])
    await consumer.seek_to_end(tp)
    consumer.pause(tp)
    waits: list[float] = []
    before = cpu_seconds(pid)
    for _ in range(count):
        await producer.send_and_wait(TOPIC, VALUE, partition=partition)
        began = time.perf_counter()
        consumer.resume(tp)
        while not await consumer.getmany(tp, timeout_ms=2000):
            pass
        waits.append(time.perf_counter() - began)
        consumer.pause(tp)
    waits.sort()
    return {"ms_per_record": 1000 * (cpu_seconds(pid) - before) / count,
            "resume_to_record_p50_ms": 1000 * waits[len(waits) // 2]}


async def run(levels: list[int], fetches: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with embedded_broker() as (bootstrap, pid):
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        await admin.start()
        await admin.create_topics([NewTopic(TOPIC, 2, 1)])
        await admin.close()
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=0)
        consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False,
                                    fetch_max_wait_ms=5)
        await producer.start()
        await consumer.start()
        try:
            written = small = 0
            for level in levels:
                for _ in range(level - written):  # one batch per request, as at 100/s
                    await producer.send_and_wait(TOPIC, VALUE, partition=0)
                written = max(written, level)
                produce = await produce_cost(producer, pid, 1, fetches)
                full = await fetch_cost(producer, consumer, pid, 0, fetches)
                beside = await fetch_cost(producer, consumer, pid, 1, fetches)
                small += 2 * fetches
                rows.append({
                    "batches_in_partition": written,
                    "broker_ms_per_fetch": round(full["ms_per_record"] - produce, 3),
                    "batches_in_small_partition": small,
                    "broker_ms_per_fetch_small_partition":
                        round(beside["ms_per_record"] - produce, 3),
                    "broker_ms_per_produce": round(produce, 3),
                    "resume_to_record_p50_ms": round(full["resume_to_record_p50_ms"], 2),
                })
                written += fetches  # this level's fetched records are batches too
        finally:
            await consumer.stop()
            await producer.stop()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--levels", default="0,1000,2000,4000,8000",
                        help="batches in the fetched partition, ascending")
    parser.add_argument("--fetches", type=int, default=200, help="fetches per level")
    args = parser.parse_args()
    levels = sorted(int(n) for n in args.levels.split(","))
    print(json.dumps(asyncio.run(run(levels, args.fetches)), indent=1))


if __name__ == "__main__":
    main()
