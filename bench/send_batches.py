"""Client CPU per record of `EventProducer.send_all`, against aiokafka's per-record `send`.

    python -m bench.send_batches --groups 300 --records 50 --repeat 3

Starts a bare embedded broker, creates a topic of 6 partitions (as `orcast dev`'s), and
sends `--groups` groups of `--records` records of ~1.5 KB (a signed event's weight)
keyed over 20 cases, alternating two ways of sending a group: `per-record` (an awaited
`producer.send` per record, then every ack gathered: what `send_all` did before) and
`send_all` (`EventProducer.send_all` as it is now: each partition's records queued as
whole record batches). Both count and ring as `send_all` does. Prints this process's CPU (user +
system) per record for each, and the produce requests each made. CPU time, not wall time:
the figure a busy machine disturbs least.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from bench.on_broker import REQUESTS, count_requests, run_on_broker
from services.common import doorbell, metrics
from services.common import producer as producer_module
from services.common.producer import EventProducer
from services.common.settings import Settings

PARTITIONS = 6


async def per_record(events: EventProducer,
                     sends: list[tuple[str, bytes, str | None]]) -> None:
    """`send_all` as it was (2026-12-06): an awaited `send` per record."""
    producer = events._producer
    assert producer is not None
    acks = [await producer.send(topic, value, key=key.encode() if key is not None else None)
            for topic, value, key in sends]
    written = await asyncio.wait_for(asyncio.gather(*acks), events._timeout)
    for topic, count in Counter(topic for topic, _, _ in sends).items():
        metrics.PRODUCED.labels(events._service, topic).inc(count)
    producer_module._ring(events._settings,
                          {doorbell.entry(md.topic, md.partition) for md in written})


async def run(bootstrap: str, args: argparse.Namespace) -> dict[str, Any]:
    count_requests()
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    await admin.create_topics([NewTopic("sends", PARTITIONS, 1)])
    await admin.close()
    with tempfile.TemporaryDirectory() as data:
        settings = Settings(kafka_bootstrap=bootstrap, data_dir=Path(data))
        producer = EventProducer(settings=settings, service="bench")
        await producer.start()
        value = b"x" * 1500
        groups = [[("sends", value, f"case-{(g + n) % 20}") for n in range(args.records)]
                  for g in range(args.groups)]
        await producer.send_all(groups[0][:1])  # metadata, connection
        ways = {"per-record": lambda s: per_record(producer, s),
                "send_all": lambda s: producer.send_all(s)}
        results: dict[str, list[dict[str, float]]] = {name: [] for name in ways}
        try:
            for _ in range(args.repeat):
                for name, way in ways.items():
                    REQUESTS["produce"], began = 0, time.process_time()
                    for group in groups:
                        await way(group)
                    cpu = time.process_time() - began
                    records = args.groups * args.records
                    results[name].append({
                        "us_per_record": round(1e6 * cpu / records, 2),
                        "records_per_produce": round(records / max(1, REQUESTS["produce"]), 1)})
        finally:
            await producer.stop()
    return {"groups": args.groups, "records_per_group": args.records, "results": results,
            "load": os.getloadavg()[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--groups", type=int, default=300)
    parser.add_argument("--records", type=int, default=50, help="records per send_all")
    parser.add_argument("--repeat", type=int, default=3, help="rounds, alternating")
    args = parser.parse_args()
    print(json.dumps(run_on_broker(lambda bootstrap: run(bootstrap, args)), indent=1))


if __name__ == "__main__":
    main()
