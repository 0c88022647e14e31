"""The contract between the outbox and one social network, plus shared HTTP plumbing.

The outbox calls exactly `limits`, `post`, `delete` and `find_existing`. Each
call is one attempt: retries, backoff, rate limiting and circuit breaking are
the caller's, so that one policy governs every network.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any, Protocol

import aiohttp

from ..channels import ChannelConfig
from .errors import PublishError, RemoteUnavailable, for_status

logger = logging.getLogger(__name__)

_EMPTY: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class RemoteRef:
    """Where a post lives. Bluesky needs `extra["uri"]` and `extra["cid"]` to reply."""

    remote_id: str
    url: str | None
    extra: Mapping[str, str] = field(default_factory=lambda: _EMPTY)


@dataclass(frozen=True, slots=True)
class TextLimits:
    max_length: int
    measure: Callable[[str], int]


@dataclass(frozen=True, slots=True)
class PostRequest:
    """One post. `idempotency_key` is stable across every retry of the same post."""

    text: str
    idempotency_key: str
    reply_to: RemoteRef | None = None
    thread_root: RemoteRef | None = None
    # When an earlier attempt of this very post began, if one may have landed; None
    # when none can have. A network that refuses a duplicate may adopt only a post
    # made since then: an older identical post belongs to another update.
    earlier_attempt_since: datetime | None = None


class ChannelAdapter(Protocol):
    channel: ChannelConfig

    async def limits(self) -> TextLimits: ...

    async def post(self, req: PostRequest) -> RemoteRef: ...

    async def delete(self, ref: RemoteRef) -> None: ...

    async def find_existing(self, req: PostRequest, *, since: datetime) -> RemoteRef | None: ...


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    headers: Mapping[str, str]
    body: Any  # parsed JSON, or None when the body was empty or not JSON


class HttpClient:
    """One HTTP attempt with the channel's timeout; transport failures become errors.

    Status codes are left to the adapter, which knows its network's error
    bodies; `error()` is the fallback mapping. Logs carry the channel id,
    method, path and status only: never headers, bodies or query strings.
    """

    def __init__(
        self,
        channel: ChannelConfig,
        session: aiohttp.ClientSession,
        *,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.channel = channel
        self._session = session
        self._timeout = aiohttp.ClientTimeout(total=channel.timeout_seconds)
        self.wall_clock = wall_clock

    async def request(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        data: bytes | None = None,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Response:
        url = self.channel.base_url.rstrip("/") + path
        cid, path = self.channel.id, path or "/"
        # A write whose answer never arrived may still have been applied.
        in_doubt = method != "GET"
        try:
            async with self._session.request(
                method,
                url,
                json=json_body,
                data=data,
                params=params,
                headers=headers,
                timeout=self._timeout,
                allow_redirects=False,
            ) as resp:
                raw = await resp.read()
                status, resp_headers = resp.status, resp.headers  # case-insensitive
        except aiohttp.ConnectionTimeoutError:
            logger.warning("channel %s %s %s: connect timed out", cid, method, path)
            raise RemoteUnavailable("connect timed out", channel_id=cid) from None
        except TimeoutError:
            logger.warning("channel %s %s %s timed out", cid, method, path)
            raise RemoteUnavailable("timed out", channel_id=cid, in_doubt=in_doubt) from None
        except aiohttp.ClientConnectorError:
            logger.warning("channel %s %s %s: cannot connect", cid, method, path)
            raise RemoteUnavailable("cannot connect", channel_id=cid) from None
        except (aiohttp.ClientError, asyncio.IncompleteReadError) as exc:
            logger.warning("channel %s %s %s: %s", cid, method, path, type(exc).__name__)
            raise RemoteUnavailable(
                f"connection failed: {type(exc).__name__}", channel_id=cid, in_doubt=in_doubt
            ) from None
        logger.info("channel %s %s %s -> %d", cid, method, path, status)
        return Response(status, resp_headers, _json_or_none(raw))

    def error(self, resp: Response, detail: str) -> PublishError:
        return for_status(
            resp.status,
            detail[:200],
            channel_id=self.channel.id,
            headers=resp.headers,
            now=self.wall_clock(),
        )


def _json_or_none(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None


def body_str(body: Any, *keys: str) -> str:
    """The first string found under `keys` in a JSON object body, else ""."""
    if isinstance(body, dict):
        for key in keys:
            value = body.get(key)
            if isinstance(value, str):
                return value
    return ""
