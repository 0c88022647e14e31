"""Helpers for the approval tests: policy files, review look-ups, decisions."""

from __future__ import annotations

import asyncio
import json
import uuid
from pathlib import Path
from typing import Any

from services.common import events
from services.common.settings import Settings
from tests.conftest import make_settings
from tests.support.stack import LiveClient, Stack, eventually


def write_policy(path: Path, audiences: dict[str, Any], freshness: int = 600) -> Path:
    path.write_text(json.dumps({"freshness_seconds": freshness, "audiences": audiences}),
                    encoding="utf-8")
    return path


def policy_settings(kafka_bootstrap: str, tmp_path: Path, audiences: dict[str, Any],
                    freshness: int = 600) -> Settings:
    policy = write_policy(tmp_path / "policy.json", audiences, freshness)
    return make_settings(kafka_bootstrap, tmp_path, policy_file=policy)


async def reviews(stack: Stack, state: str = "pending", **query: str) -> list[dict[str, Any]]:
    params = "&".join(f"{k}={v}" for k, v in {"state": state, **query}.items())
    status, body, _ = await stack.request("GET", f"/api/v1/reviews?{params}", role="approver")
    assert status == 200, body
    return list(body["reviews"])


async def review_of(stack: Stack, update_id: str, audience: str, state: str,
                    timeout: float = 15.0) -> dict[str, Any]:
    async def find() -> dict[str, Any] | None:
        status, body, _ = await stack.request("GET", f"/api/v1/reviews/{update_id}",
                                              role="approver")
        if status != 200:
            return None
        for row in body["reviews"]:
            if row["audience"] == audience and row["state"] == state:
                return dict(row)
        return None

    found: dict[str, Any] = await eventually(
        find, timeout, 0.05, f"review {update_id}/{audience} in state {state}")
    return found


async def decide(stack: Stack, update_id: str, sub: str, **body: Any) -> tuple[int, Any]:
    status, answer, _ = await stack.request("POST", f"/api/v1/reviews/{update_id}",
                                            role="approver", sub=sub, json_body=body)
    return status, answer


async def watch(stack: Stack, broadcast_id: str) -> LiveClient:
    """A student socket subscribed to `broadcast_id`, once the viewer knows the case (right
    after registration its replay of `orcast.cases` may still be on the way)."""
    live = await stack.live()
    for _ in range(100):
        await live.ws.send_json({"type": "subscribe", "broadcast_id": broadcast_id,
                                 "after_seq": 0})
        while True:
            frame = await live.next_frame(None)
            if frame["type"] in ("snapshot", "error"):
                break
        if frame["type"] == "snapshot":
            return live
        await asyncio.sleep(0.1)
    raise AssertionError(f"viewer never knew broadcast {broadcast_id}")


def milestone(case_id: str, i: int) -> events.Event:
    """A clean de-identified milestone for the gate, "step i" (its own update id)."""
    now = events.isoformat(events.now())
    return events.make_event(
        "org.orcast.milestone.deidentified.v1", service="deidentify", subject=case_id,
        data={"update_id": str(uuid.uuid4()), "case_id": case_id, "milestone": "incision",
              "text": f"step {i}", "verdict": "clean", "counts": {}, "redactions": [],
              "reasons": [], "phrase_ids": [], "phrase_only": False, "occurred_at": now,
              "received_at": now, "author": {"sub": "c", "role": "coordinator"}})
