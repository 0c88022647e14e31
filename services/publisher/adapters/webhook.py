"""Signed webhooks per Standard Webhooks (https://www.standardwebhooks.com/).

Each delivery carries `webhook-id`, `webhook-timestamp` and
`webhook-signature: v1,<base64 HMAC-SHA256(key, "{id}.{timestamp}.{body}")>`,
the key being the base64 part of the `whsec_…` secret. The id is derived from
the post's idempotency key, so every retry of one post carries the same id
and the spec obliges receivers to drop repeats: `find_existing` has nothing
to look up. Retractions go to the same endpoint as a second event type.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any

import aiohttp

from ..channels import ChannelConfig, ChannelConfigError
from .base import HttpClient, PostRequest, RemoteRef, Response, TextLimits, body_str
from .errors import PublishError, RejectedError

logger = logging.getLogger(__name__)

MAX_LENGTH = 5000  # our own ceiling: receivers render text, not documents
POSTED, DELETED = "orcast.publication.posted", "orcast.publication.deleted"


def secret_key(secret: str) -> bytes:
    """The HMAC key inside a `whsec_<base64>` secret."""
    try:
        return base64.b64decode(secret.removeprefix("whsec_"), validate=True)
    except (binascii.Error, ValueError):
        raise ChannelConfigError("webhook secret must be whsec_<base64>") from None


def sign(key: bytes, msg_id: str, timestamp: int, body: bytes) -> str:
    signed = f"{msg_id}.{timestamp}.".encode() + body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


def message_id(channel_id: str, key: str) -> str:
    return "msg_" + hashlib.sha256(f"{channel_id}\0{key}".encode()).hexdigest()[:32]


class WebhookAdapter:
    def __init__(
        self,
        channel: ChannelConfig,
        session: aiohttp.ClientSession,
        secrets: dict[str, str],
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.channel = channel
        self._http = HttpClient(channel, session)
        self._key = secret_key(secrets["secret"])
        self._clock = clock

    def __repr__(self) -> str:
        return f"WebhookAdapter({self.channel.id!r})"

    async def limits(self) -> TextLimits:
        return TextLimits(MAX_LENGTH, len)

    async def post(self, req: PostRequest) -> RemoteRef:
        msg_id = message_id(self.channel.id, req.idempotency_key)
        data = {
            "channel_id": self.channel.id,
            "idempotency_key": req.idempotency_key,
            "text": req.text,
            "reply_to": req.reply_to.remote_id if req.reply_to else None,
            "thread_root": req.thread_root.remote_id if req.thread_root else None,
        }
        resp = await self._deliver(msg_id, POSTED, data)
        if not 200 <= resp.status < 300:
            raise self._error(resp)
        logger.info("channel %s delivered %s", self.channel.id, msg_id)
        url = body_str(resp.body, "url") or None
        return RemoteRef(msg_id, url, MappingProxyType({}))

    async def delete(self, ref: RemoteRef) -> None:
        msg_id = message_id(self.channel.id, "delete\0" + ref.remote_id)
        data = {"channel_id": self.channel.id, "remote_id": ref.remote_id}
        resp = await self._deliver(msg_id, DELETED, data)
        if not (200 <= resp.status < 300 or resp.status in (404, 410)):
            raise self._error(resp)
        logger.info("channel %s delivered %s", self.channel.id, msg_id)

    async def find_existing(self, req: PostRequest, *, since: datetime) -> RemoteRef | None:
        return None  # receivers deduplicate on webhook-id; a re-post is harmless

    async def _deliver(self, msg_id: str, kind: str, data: dict[str, Any]) -> Response:
        now = self._clock()
        timestamp = int(now)
        payload = {
            "type": kind,
            "timestamp": datetime.fromtimestamp(now, UTC).isoformat().replace("+00:00", "Z"),
            "data": data,
        }
        body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
        headers = {
            "Content-Type": "application/json",
            "webhook-id": msg_id,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": sign(self._key, msg_id, timestamp, body),
        }
        return await self._http.request("POST", "", data=body, headers=headers)

    def _error(self, resp: Response) -> PublishError:
        detail = body_str(resp.body, "error", "message", "detail") or f"HTTP {resp.status}"
        if resp.status == 410:  # the spec's "stop sending": a configuration problem
            return RejectedError("endpoint gone", channel_id=self.channel.id, status=410)
        return self._http.error(resp, detail)
