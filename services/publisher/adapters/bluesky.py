"""Bluesky (AT Protocol): app.bsky.feed.post records through the account's PDS.

Sessions are created once and refreshed when the PDS says ExpiredToken,
then the call is retried once: createSession is rate limited far more
tightly than posting, so we never log in per post.

createRecord has no idempotency key, so an in-doubt attempt is settled by
`find_existing`: listRecords over our own repo, newest first, matching the
exact text, the reply parent and a createdAt no older than the attempt.
Replies carry strong refs (uri + cid) to both the thread root and the parent.
"""

from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any

import aiohttp

from ..channels import ChannelConfig
from ..render import bluesky_length, link_spans
from .base import HttpClient, PostRequest, RemoteRef, Response, TextLimits, body_str
from .errors import AuthError, PublishError, RejectedError

logger = logging.getLogger(__name__)

MAX_GRAPHEMES = 300
COLLECTION = "app.bsky.feed.post"
_PAGE, _MAX_PAGES = 100, 5
_TAG = re.compile(r"(?<![\w&])#(\w{1,64})")


@dataclass(slots=True)
class _Session:
    access: str
    refresh: str
    did: str

    def __repr__(self) -> str:  # the tokens must never reach a log line
        return f"_Session(did={self.did!r})"


class BlueskyAdapter:
    def __init__(
        self, channel: ChannelConfig, session: aiohttp.ClientSession, secrets: dict[str, str]
    ) -> None:
        self.channel = channel
        self._http = HttpClient(channel, session)
        self._identifier = secrets["identifier"]
        self._password = secrets["app_password"]
        self._session: _Session | None = None
        self._lock = asyncio.Lock()

    def __repr__(self) -> str:
        return f"BlueskyAdapter({self.channel.id!r})"

    async def limits(self) -> TextLimits:
        return TextLimits(MAX_GRAPHEMES, bluesky_length)

    async def post(self, req: PostRequest) -> RemoteRef:
        now = datetime.now(UTC)
        record: dict[str, Any] = {
            "$type": COLLECTION,
            "text": req.text,
            "createdAt": now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z",
        }
        if req.reply_to is not None:
            root = req.thread_root or req.reply_to
            record["reply"] = {"root": _strong(root), "parent": _strong(req.reply_to)}
        facets = _facets(req.text)
        if facets:
            record["facets"] = facets
        resp = await self._call(
            "POST",
            "com.atproto.repo.createRecord",
            lambda did: {"repo": did, "collection": COLLECTION, "record": record},
        )
        if resp.status != 200:
            raise self._error(resp)
        ref = _ref(resp.body)
        logger.info("channel %s posted record %s", self.channel.id, ref.remote_id)
        return ref

    async def delete(self, ref: RemoteRef) -> None:
        uri = ref.extra.get("uri", ref.remote_id)
        repo, _, rkey = uri.removeprefix("at://").partition(f"/{COLLECTION}/")
        resp = await self._call(
            "POST",
            "com.atproto.repo.deleteRecord",
            lambda did: {"repo": repo or did, "collection": COLLECTION, "rkey": rkey},
        )
        gone = resp.status == 400 and body_str(resp.body, "error") == "RecordNotFound"
        if resp.status != 200 and not gone:
            raise self._error(resp)
        logger.info("channel %s deleted record %s", self.channel.id, uri)

    async def find_existing(self, req: PostRequest, *, since: datetime) -> RemoteRef | None:
        parent = req.reply_to.extra.get("uri") if req.reply_to else None
        cursor: str | None = None
        for _ in range(_MAX_PAGES):
            did = (await self._ensure_session()).did
            params = {"repo": did, "collection": COLLECTION, "limit": str(_PAGE)}
            if cursor:
                params["cursor"] = cursor
            resp = await self._call("GET", "com.atproto.repo.listRecords", params=params)
            if resp.status != 200:
                raise self._error(resp)
            records = resp.body.get("records", []) if isinstance(resp.body, dict) else []
            for item in records:
                value = item.get("value", {})
                if _created(value) < since:
                    return None  # newest first: the rest is older than the attempt
                reply_parent = value.get("reply", {}).get("parent", {}).get("uri")
                if value.get("text") == req.text and reply_parent == parent:
                    return _ref(item)
            cursor = body_str(resp.body, "cursor") or None
            if not cursor or not records:
                return None
        return None

    async def _call(
        self,
        method: str,
        nsid: str,
        body: Any = None,
        *,
        params: dict[str, str] | None = None,
    ) -> Response:
        """An authenticated XRPC call; on ExpiredToken refresh the session and retry once."""
        session = await self._ensure_session()
        resp = await self._xrpc(method, nsid, session, body, params)
        if _expired(resp):
            session = await self._renew(session)
            resp = await self._xrpc(method, nsid, session, body, params)
            if _expired(resp):
                raise AuthError("session expired again after refresh", channel_id=self.channel.id)
        return resp

    async def _xrpc(
        self, method: str, nsid: str, session: _Session, body: Any, params: dict[str, str] | None
    ) -> Response:
        return await self._http.request(
            method,
            f"/xrpc/{nsid}",
            json_body=body(session.did) if callable(body) else body,
            params=params,
            headers={"Authorization": f"Bearer {session.access}"},
        )

    async def _ensure_session(self) -> _Session:
        async with self._lock:
            if self._session is None:
                self._session = await self._create_session()
            return self._session

    async def _renew(self, stale: _Session) -> _Session:
        """Refresh once per expiry even when many calls notice it at the same time."""
        async with self._lock:
            if self._session is not stale and self._session is not None:
                return self._session
            resp = await self._http.request(
                "POST",
                "/xrpc/com.atproto.server.refreshSession",
                headers={"Authorization": f"Bearer {stale.refresh}"},
            )
            if resp.status == 200:
                self._session = _session(resp.body)
            elif resp.status in (400, 401) and body_str(resp.body, "error") in (
                "ExpiredToken",
                "InvalidToken",
            ):
                self._session = await self._create_session()  # refresh token gone too
            else:
                raise self._error(resp)
            logger.info("channel %s refreshed its session", self.channel.id)
            return self._session

    async def _create_session(self) -> _Session:
        resp = await self._http.request(
            "POST",
            "/xrpc/com.atproto.server.createSession",
            json_body={"identifier": self._identifier, "password": self._password},
        )
        if resp.status != 200:
            raise self._error(resp)
        return _session(resp.body)

    def _error(self, resp: Response) -> PublishError:
        code = body_str(resp.body, "error") or f"HTTP {resp.status}"
        message = body_str(resp.body, "message")
        detail = f"{code}: {message}" if message else code
        if resp.status == 400:
            return RejectedError(detail[:200], channel_id=self.channel.id, status=400)
        return self._http.error(resp, detail)


def _expired(resp: Response) -> bool:
    return resp.status in (400, 401) and body_str(resp.body, "error") == "ExpiredToken"


def _session(body: Any) -> _Session:
    access, refresh, did = (body_str(body, k) for k in ("accessJwt", "refreshJwt", "did"))
    if not (access and refresh and did):
        raise RejectedError("malformed session response")
    return _Session(access, refresh, did)


def _strong(ref: RemoteRef) -> dict[str, str]:
    uri, cid = ref.extra.get("uri", ref.remote_id), ref.extra.get("cid")
    if not cid:
        raise RejectedError("reply target has no cid; cannot thread on Bluesky")
    return {"uri": uri, "cid": cid}


def _ref(body: Any) -> RemoteRef:
    uri, cid = body_str(body, "uri"), body_str(body, "cid")
    if not uri.startswith("at://") or not cid:
        raise RejectedError("malformed createRecord response")
    did, _, rkey = uri.removeprefix("at://").partition(f"/{COLLECTION}/")
    url = f"https://bsky.app/profile/{did}/post/{rkey}"
    return RemoteRef(uri, url, MappingProxyType({"uri": uri, "cid": cid}))


def _created(value: Any) -> datetime:
    try:
        return datetime.fromisoformat(str(value.get("createdAt")).replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        return datetime.min.replace(tzinfo=UTC)


def _facets(text: str) -> list[dict[str, Any]]:
    """Links and hashtags as rich-text facets; indices are UTF-8 byte offsets."""

    def span(start: int, end: int) -> dict[str, int]:
        return {"byteStart": len(text[:start].encode()), "byteEnd": len(text[:end].encode())}

    links = link_spans(text)
    facets = [
        {
            "index": span(a, b),
            "features": [{"$type": "app.bsky.richtext.facet#link", "uri": text[a:b]}],
        }
        for a, b in links
    ]
    for m in _TAG.finditer(text):
        if not any(a <= m.start() < b for a, b in links):
            feature = {"$type": "app.bsky.richtext.facet#tag", "tag": m.group(1)}
            facets.append({"index": span(*m.span()), "features": [feature]})
    return facets
