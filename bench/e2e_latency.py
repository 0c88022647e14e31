"""Submit → student WebSocket frame latency through every gate, over the embedded broker.

    python -m bench.e2e_latency [--count 200] [--rate 10]

Starts `orcast dev` in a subprocess, registers a case, subscribes one student, then posts
COUNT milestones on an open-loop schedule (RATE per second, so a slow answer cannot hide
latency) and prints p50/p99/max from the POST being sent to the `update` frame arriving.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import time
import uuid
from datetime import UTC, datetime, timedelta

import aiohttp

from bench.devstack import percentile, start


async def run(base: str, tokens: dict[str, str], count: int, rate: float) -> list[float]:
    admin = {"Authorization": f"Bearer {tokens['admin']}"}
    coordinator = {"Authorization": f"Bearer {tokens['coordinator']}"}
    async with aiohttp.ClientSession() as session:
        until = (datetime.now(UTC) + timedelta(hours=2)).isoformat()
        async with session.post(f"{base}/api/v1/cases", headers=admin, json={
            "procedure": "lap_chole",
            "patient": {"names": ["Avery Quinlan"], "mrn": "99887766", "dob": "1970-01-01"},
            "consent": {"scope": ["students"], "valid_until": until, "document_ref": "bench"},
        }) as response:
            case = await response.json()
        ws = await session.ws_connect(f"{base}/api/v1/live?access_token={tokens['student']}")
        await ws.send_json({"type": "subscribe", "broadcast_id": case["broadcast_id"],
                            "after_seq": 0})
        sent: dict[str, float] = {}
        latencies: list[float] = []

        async def receive() -> None:
            while len(latencies) < count:
                message = await ws.receive(timeout=30)
                frame = json.loads(message.data)
                if frame["type"] == "update":
                    latencies.append(time.perf_counter() - sent[frame["text"]])

        async def post(i: int) -> None:
            note = f"bench step {i}"
            sent[note] = time.perf_counter()
            async with session.post(f"{base}/api/v1/milestones", headers=coordinator, json={
                "event_id": str(uuid.uuid4()), "case_id": case["case_id"],
                "milestone": "incision", "note": note,
                "occurred_at": datetime.now(UTC).isoformat(),
            }) as response:
                if response.status != 202:
                    raise RuntimeError(f"post {i}: {response.status}")

        receiver = asyncio.create_task(receive())
        started = time.perf_counter()
        posts = []
        for i in range(count):
            await asyncio.sleep(max(0.0, started + i / rate - time.perf_counter()))
            posts.append(asyncio.create_task(post(i)))
        await asyncio.gather(*posts)
        await asyncio.wait_for(receiver, 60)
        await ws.close()
        return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--rate", type=float, default=10.0)
    args = parser.parse_args()
    stack = start({"ORCAST_INGEST_RATE": "0"})
    try:
        latencies = asyncio.run(run(stack.base_url, stack.tokens, args.count, args.rate))
    finally:
        stack.stop()
    ms = [x * 1000 for x in latencies]
    print(f"machine: {platform.machine()} {os.cpu_count()} cpus, {platform.python_version()}")
    print(f"milestones: {len(ms)} at {args.rate}/s (open loop)")
    print(f"submit -> WebSocket frame: p50 {percentile(ms, 0.5):.1f} ms, "
          f"p99 {percentile(ms, 0.99):.1f} ms, max {max(ms):.1f} ms")


if __name__ == "__main__":
    main()
