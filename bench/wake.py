"""First tap after an idle spell: submit → student frame latency once everything slept.

    python -m bench.wake --idle 30 --taps 5

Starts `orcast dev` (bench/devstack.py), registers K cases (one student watching the
first), lets the system go idle, then `--taps` times: waits `--idle` seconds without
traffic, submits one milestone and times the student's `update` frame. Under `orcast
dev` the consumers have paused their partitions by then (services/common/nap.py); this
shows what waking them costs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import time
import uuid
from datetime import UTC, datetime

import aiohttp

from bench.devstack import start
from bench.e2e import register_cases


async def run(args: argparse.Namespace) -> list[float]:
    env = {"ORCAST_INGEST_RATE": "0"}
    if args.no_doorbell:  # as before the doorbell: adaptive fetch waits only
        env["ORCAST_DEV_DOORBELL"] = "off"
    stack = start(env)
    latencies: list[float] = []
    try:
        async with aiohttp.ClientSession() as session:
            cases = await register_cases(session, stack.base_url, stack.tokens["admin"],
                                         args.cases)
            case = cases[0]
            ws = await session.ws_connect(
                f"{stack.base_url.replace('http', 'ws')}/api/v1/live"
                f"?access_token={stack.tokens['student']}")
            await ws.send_json({"type": "subscribe", "broadcast_id": case["broadcast_id"],
                                "after_seq": 0})
            headers = {"Authorization": f"Bearer {stack.tokens['coordinator']}"}
            for tap in range(args.taps):
                await _idle(ws, args.idle)
                note = f"wake tap {tap}"
                began = time.perf_counter()
                async with session.post(f"{stack.base_url}/api/v1/milestones",
                                        headers=headers, json={
                        "event_id": str(uuid.uuid4()), "case_id": case["case_id"],
                        "milestone": "incision", "note": note,
                        "occurred_at": datetime.now(UTC).isoformat()}) as response:
                    if response.status != 202:
                        raise RuntimeError(f"tap {tap}: HTTP {response.status}")
                while True:
                    message = await ws.receive(timeout=30)
                    frame = json.loads(message.data)
                    if frame["type"] == "ping":
                        await ws.send_str('{"type":"pong"}')
                    elif frame["type"] == "update" and frame["text"] == note:
                        break
                latencies.append((time.perf_counter() - began) * 1000)
                print(f"tap {tap} after {args.idle:.0f} s idle: {latencies[-1]:.1f} ms "
                      f"(load {os.getloadavg()[0]:.1f})", flush=True)
            await ws.close()
    finally:
        stack.stop()
    return latencies


async def _idle(ws: aiohttp.ClientWebSocketResponse, seconds: float) -> None:
    """Stay quiet for `seconds`, answering the viewer's pings so the socket lives."""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        try:
            message = await ws.receive(timeout=left)
        except TimeoutError:
            return
        if message.type == aiohttp.WSMsgType.TEXT and json.loads(message.data)["type"] == "ping":
            await ws.send_str('{"type":"pong"}')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20)
    parser.add_argument("--idle", type=float, default=30.0, help="seconds before each tap")
    parser.add_argument("--taps", type=int, default=5)
    parser.add_argument("--no-doorbell", action="store_true",
                        help="run `orcast dev` without its doorbell, to compare")
    args = parser.parse_args()
    latencies = sorted(asyncio.run(run(args)))
    print(f"first tap after {args.idle:.0f} s idle, {len(latencies)} taps: "
          f"median {latencies[len(latencies) // 2]:.1f} ms, max {latencies[-1]:.1f} ms")


if __name__ == "__main__":
    main()
