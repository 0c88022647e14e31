"""Where submit → frame latency goes, hop by hop (`bench.e2e --hops`).

Every record carries the time its producer sent it (Kafka CreateTime, set by aiokafka
at `send`). After a run, each gate's output topic is read from the start and every
bench milestone is found in it by its note number ("bench note 000 123" survives
de-identification). So, per milestone:

    POST sent → submitted record   ingest (HTTP, validate, sign, produce)
    submitted → deidentified       deidentify's fetch wait + batch + handler + produce
    deidentified → approved        approval's, likewise
    approved → frame arrived       viewer's fetch wait + fan-out + client read

Each hop's time includes the consumer waiting for its fetch, so it is the figure to
shrink, not the handler time alone. Wall clocks of one machine.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition

from bench.devstack import percentile

NUMBER = re.compile(rb"bench note (\d{3}) (\d{3})")  # bench.e2e.note
HOPS = ("milestones.submitted", "milestones.deidentified", "updates.approved")


async def created_at(bootstrap: str, namespace: str = "orcast") -> dict[str, dict[int, float]]:
    """For each hop topic: note number → the first record's CreateTime (seconds)."""
    found: dict[str, dict[int, float]] = {}
    for short in HOPS:  # one client per topic: re-assigning one client hung on Tansu
        consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False,
                                    auto_offset_reset="earliest", fetch_max_wait_ms=50)
        await asyncio.wait_for(consumer.start(), 30)
        try:
            topic = f"{namespace}.{short}"
            partitions = [TopicPartition(topic, p)
                          for p in sorted(consumer.partitions_for_topic(topic) or ())]
            consumer.assign(partitions)
            await consumer.seek_to_beginning(*partitions)
            times: dict[int, float] = {}
            empty = 0
            while empty < 3:  # read to the end: a few polls in a row bring nothing
                batch = await consumer.getmany(timeout_ms=500, max_records=5000)
                empty = 0 if batch else empty + 1
                for records in batch.values():
                    for record in records:
                        match = NUMBER.search(record.value or b"")
                        if match:
                            times.setdefault(int(match[1] + match[2]), record.timestamp / 1000)
            found[short] = times
        finally:
            await consumer.stop()
    return found


def summarise(sent: dict[int, float], arrivals: list[tuple[int, float]],
              created: dict[str, dict[int, float]]) -> dict[str, Any]:
    """p50/p99 of each hop (ms) over the milestones seen at every hop."""
    first: dict[int, float] = {}
    for i, t in arrivals:
        first[i] = min(t, first.get(i, t))
    stamps = [sent, *(created[h] for h in HOPS), first]
    names = ["ingest (POST → submitted)", "deidentify (submitted → deidentified)",
             "approval (deidentified → approved)", "viewer (approved → first frame)"]
    common = set(sent).intersection(*(s.keys() for s in stamps))
    out: dict[str, Any] = {"milestones_seen_at_every_hop": len(common)}
    for name, before, after in zip(names, stamps, stamps[1:], strict=False):
        spans = [(after[i] - before[i]) * 1000 for i in common]
        out[name] = {"p50_ms": round(percentile(spans, 0.5), 1),
                     "p99_ms": round(percentile(spans, 0.99), 1),
                     "max_ms": round(max(spans, default=float("nan")), 1)}
    spread = [(t - first[i]) * 1000 for i, t in arrivals if i in first]
    out["viewer spread (first → each frame)"] = {
        "p50_ms": round(percentile(spread, 0.5), 1), "p99_ms": round(percentile(spread, 0.99), 1),
        "max_ms": round(max(spread, default=float("nan")), 1)}
    return out
