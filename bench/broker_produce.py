"""What a consumer batch's produces cost the embedded broker (Tansu), by producer batch size.

    python -m bench.broker_produce --batches 200 --records 50

Starts a bare embedded broker and, for each `max_batch_size` in turn (aiokafka's default
16 KiB, then the producer's own, `producer.MAX_BATCH_BYTES`), sends `--batches` groups of
`--records` records of ~1.5 KB (what a signed event weighs) keyed over 20 cases, as
`EventProducer.send_all` does (every send, then every ack, acks=all), then reads them all
back with one consumer. Prints produce requests, fetches to read them back, and the broker's
CPU (from /proc) per record, for the writes and for the read. Why: at the default a
partition's batch fills after ~10 records and the next send waits for it to go, so one
handled batch of 50 records cost Tansu 3-4 produce requests (bench/hooks at 800/s).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import time
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from bench.broker_fetch import cpu_seconds
from bench.on_broker import REQUESTS, count_requests, embedded_broker
from services.common.producer import MAX_BATCH_BYTES, KeyedPartitioner

PARTITIONS = 8


async def one_size(bootstrap: str, pid: int, topic: str, batch_bytes: int,
                   args: argparse.Namespace) -> dict[str, Any]:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all",
                                enable_idempotence=False, linger_ms=0,
                                max_batch_size=batch_bytes, partitioner=KeyedPartitioner())
    await producer.start()
    value = b"x" * 1500
    try:
        await producer.send_and_wait(topic, value, key=b"case-0")  # metadata, connection
        REQUESTS["produce"], before, began = 0, cpu_seconds(pid), time.process_time()
        for b in range(args.batches):
            acks = [await producer.send(topic, value, key=f"case-{(b + n) % 20}".encode())
                    for n in range(args.records)]
            await asyncio.gather(*acks)
        produce_broker = cpu_seconds(pid) - before
        produce_client = time.process_time() - began
        produces = REQUESTS["produce"]
    finally:
        await producer.stop()
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False,
                                fetch_max_wait_ms=5)
    await consumer.start()
    try:
        partitions = [TopicPartition(topic, p) for p in range(PARTITIONS)]
        consumer.assign(partitions)
        await consumer.seek_to_beginning()
        want = args.batches * args.records + 1
        got = 0
        REQUESTS["fetch"], before = 0, cpu_seconds(pid)
        while got < want:
            for records in (await consumer.getmany(timeout_ms=1000)).values():
                got += len(records)
        fetch_broker = cpu_seconds(pid) - before
        fetches = REQUESTS["fetch"]
    finally:
        await consumer.stop()
    records = args.batches * args.records
    return {"max_batch_size": batch_bytes, "records": records,
            "produce_requests": produces,
            "records_per_produce": round(records / max(1, produces), 1),
            "broker_us_per_record_produced": round(1e6 * produce_broker / records, 1),
            "client_us_per_record_produced": round(1e6 * produce_client / records, 1),
            "fetch_requests_to_read_all": fetches,
            "broker_us_per_record_read": round(1e6 * fetch_broker / records, 1)}


async def run(args: argparse.Namespace) -> dict[str, Any]:
    count_requests()
    results = []
    with embedded_broker() as (bootstrap, pid):
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        await admin.start()
        sizes = [16384, MAX_BATCH_BYTES] * args.repeat
        await admin.create_topics([NewTopic(f"t{i}", PARTITIONS, 1) for i in range(len(sizes))])
        await admin.close()
        for i, size in enumerate(sizes):  # alternating, each on a fresh topic
            results.append(await one_size(bootstrap, pid, f"t{i}", size, args))
    return {"batches": args.batches, "records_per_batch": args.records,
            "results": results, "load": os.getloadavg()[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--batches", type=int, default=200)
    parser.add_argument("--records", type=int, default=50, help="records per send_all")
    parser.add_argument("--repeat", type=int, default=3, help="pairs, alternating")
    args = parser.parse_args()
    result = asyncio.run(run(args))
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
