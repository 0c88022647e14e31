"""Kill switch and human-approval latency through the real pipeline, over the embedded broker.

    python -m bench.approval_killswitch [--rounds 20]

Starts `orcast dev` in a subprocess. Each round registers a case (students + public),
subscribes one student, posts three milestones and waits for them on the socket, then:
- approves the public copy of one of them (approver != author) and times the POST until
  it answers 200 (the decision applied, the sequence number allocated);
- revokes consent and times the POST until the student's `retract` frame arrives.
Prints p50/p99/max of both.
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
from typing import Any

import aiohttp

from bench.devstack import percentile, start


async def frame(ws: aiohttp.ClientWebSocketResponse, kind: str) -> dict[str, Any]:
    while True:
        message = await ws.receive(timeout=30)
        data: dict[str, Any] = json.loads(message.data)
        if data["type"] == kind:
            return data


async def one_round(session: aiohttp.ClientSession, base: str, tokens: dict[str, str],
                    round_no: int) -> tuple[float, float]:
    def auth(role: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {tokens[role]}"}

    until = (datetime.now(UTC) + timedelta(hours=2)).isoformat()
    async with session.post(f"{base}/api/v1/cases", headers=auth("admin"), json={
        "procedure": "lap_chole",
        "patient": {"names": ["Avery Quinlan"], "mrn": "99887766", "dob": "1970-01-01"},
        "consent": {"scope": ["students", "public"], "valid_until": until,
                    "document_ref": f"bench/{round_no}"},
    }) as response:
        case = await response.json()
    ws = await session.ws_connect(f"{base}/api/v1/live?access_token={tokens['student']}")
    while True:  # the viewer may not know a case registered a moment ago
        await ws.send_json({"type": "subscribe", "broadcast_id": case["broadcast_id"],
                            "after_seq": 0})
        while True:
            reply = json.loads((await ws.receive(timeout=30)).data)
            if reply["type"] in ("snapshot", "error"):
                break
        if reply["type"] == "snapshot":
            break
        await asyncio.sleep(0.05)
    ids = []
    for i in range(3):
        event_id = str(uuid.uuid4())
        ids.append(event_id)
        async with session.post(f"{base}/api/v1/milestones", headers=auth("coordinator"), json={
            "event_id": event_id, "case_id": case["case_id"], "milestone": "incision",
            "note": f"bench step {i}", "occurred_at": datetime.now(UTC).isoformat(),
        }) as response:
            assert response.status == 202, await response.text()
        await frame(ws, "update")
    while True:  # the public copy is held for a human
        async with session.get(f"{base}/api/v1/reviews/{ids[0]}",
                               headers=auth("approver")) as response:
            rows = (await response.json()).get("reviews", [])
        if any(r["audience"] == "public" and r["state"] == "held" for r in rows):
            break
        await asyncio.sleep(0.02)
    started = time.perf_counter()
    async with session.post(f"{base}/api/v1/reviews/{ids[0]}", headers=auth("approver"),
                            json={"decision": "approve", "audience": "public"}) as response:
        assert response.status == 200, await response.text()
    approve = time.perf_counter() - started
    started = time.perf_counter()
    async with session.post(f"{base}/api/v1/cases/{case['case_id']}/revoke",
                            headers=auth("admin")) as response:
        assert response.status == 200, await response.text()
    await frame(ws, "retract")
    revoke = time.perf_counter() - started
    await ws.close()
    return approve, revoke


async def run(base: str, tokens: dict[str, str], rounds: int) -> list[tuple[float, float]]:
    async with aiohttp.ClientSession() as session:
        return [await one_round(session, base, tokens, i) for i in range(rounds)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    stack = start({"ORCAST_INGEST_RATE": "0"})
    try:
        results = asyncio.run(run(stack.base_url, stack.tokens, args.rounds))
    finally:
        stack.stop()
    approve = [a * 1000 for a, _ in results]
    revoke = [r * 1000 for _, r in results]
    print(f"machine: {platform.machine()} {os.cpu_count()} cpus, {platform.python_version()}")
    print(f"rounds: {len(results)}")
    print(f"approve POST -> applied (200): p50 {percentile(approve, 0.5):.1f} ms, "
          f"p99 {percentile(approve, 0.99):.1f} ms, max {max(approve):.1f} ms")
    print(f"revoke POST -> student retract frame: p50 {percentile(revoke, 0.5):.1f} ms, "
          f"p99 {percentile(revoke, 0.99):.1f} ms, max {max(revoke):.1f} ms")


if __name__ == "__main__":
    main()
