"""A Standard Webhooks receiver that verifies the way the spec tells receivers to.

POST to any path. Missing headers → 400; a timestamp more than `tolerance`
seconds away → 400; no `v1,` signature matching HMAC-SHA256 over
"{webhook-id}.{webhook-timestamp}.{raw body}" with the decoded `whsec_` key
→ 401. A `webhook-id` seen before is acknowledged (200) and not processed
again: `deliveries` holds each processed message once, `requests` every try.
The verification here is written from the spec, not shared with the adapter.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from .common import FakeNetwork


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


@dataclass(frozen=True)
class Delivery:
    id: str
    timestamp: int
    payload: dict[str, Any]


def verify(secret: str, headers: dict[str, str] | Any, body: bytes) -> bool:
    key = base64.b64decode(secret.removeprefix("whsec_"))
    msg_id, timestamp = headers.get("webhook-id", ""), headers.get("webhook-timestamp", "")
    expected = hmac.new(key, f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    for candidate in headers.get("webhook-signature", "").split(" "):
        version, _, signature = candidate.partition(",")
        if version == "v1":
            try:
                given = base64.b64decode(signature)
            except ValueError:
                continue
            if hmac.compare_digest(given, expected):
                return True
    return False


class FakeWebhookReceiver(FakeNetwork):
    def __init__(
        self, *, secret: str | None = None, tolerance: float = 300.0, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.secret = secret or new_secret()
        self.tolerance = tolerance
        self.deliveries: dict[str, Delivery] = {}
        self.status_override: int | None = None  # e.g. 410 to say "stop sending"

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/{tail:.*}", self.receive)

    def fault_body(self, status: int) -> web.Response:
        return web.json_response({"error": "receiver unavailable"}, status=status)

    async def receive(self, request: web.Request) -> web.Response:
        if (reset := self.over_limit(request)) is not None:
            retry = max(1, int(reset - self.clock()))
            return web.json_response(
                {"error": "slow down"}, status=429, headers={"Retry-After": str(retry)}
            )
        if self.status_override is not None:
            return web.json_response({"error": "overridden"}, status=self.status_override)
        body = await request.read()
        headers = request.headers
        if not all(h in headers for h in ("webhook-id", "webhook-timestamp", "webhook-signature")):
            return web.json_response({"error": "missing webhook headers"}, status=400)
        try:
            timestamp = int(headers["webhook-timestamp"])
        except ValueError:
            return web.json_response({"error": "bad timestamp"}, status=400)
        if abs(self.clock() - timestamp) > self.tolerance:
            return web.json_response({"error": "timestamp outside tolerance"}, status=400)
        if not verify(self.secret, headers, body):
            return web.json_response({"error": "invalid signature"}, status=401)
        msg_id = headers["webhook-id"]
        if msg_id not in self.deliveries:
            self.deliveries[msg_id] = Delivery(msg_id, timestamp, json.loads(body))
        return web.json_response({"id": msg_id})
