"""X API v2: POST /2/tweets, threads through reply.in_reply_to_tweet_id.

X has no idempotency key. Two things keep a retry from posting twice:
- X itself refuses identical text from the same account ("duplicate
  content", 403); when an earlier attempt of this post may have landed we look
  it up and return it, so a retry of a post that did go through succeeds with
  the original id (an identical tweet older than that is another update's);
- `find_existing` reads the account's timeline since the attempt began and
  matches the text. X rewrites links to t.co and HTML-escapes `&<>` in the
  text it returns, so both sides are compared with links masked.

Authentication is an OAuth 2.0 user-context bearer token (tweet.read,
tweet.write, users.read).
"""

from __future__ import annotations

import html
import logging
import re
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any

import aiohttp

from ..channels import ChannelConfig
from ..render import x_length
from .base import HttpClient, PostRequest, RemoteRef, Response, TextLimits, body_str
from .errors import AuthError, DuplicateContent, PublishError, RejectedError

logger = logging.getLogger(__name__)

MAX_WEIGHTED = 280
DUPLICATE = "duplicate content"
_PAGE, _MAX_PAGES = 100, 5
_LINK = re.compile(r"https?://\S+", re.IGNORECASE)


class XAdapter:
    def __init__(
        self, channel: ChannelConfig, session: aiohttp.ClientSession, secrets: dict[str, str]
    ) -> None:
        self.channel = channel
        self._http = HttpClient(channel, session)
        self._auth = {"Authorization": f"Bearer {secrets['access_token']}"}
        self._user_id: str | None = None

    def __repr__(self) -> str:
        return f"XAdapter({self.channel.id!r})"

    async def limits(self) -> TextLimits:
        return TextLimits(MAX_WEIGHTED, x_length)

    async def post(self, req: PostRequest) -> RemoteRef:
        body: dict[str, Any] = {"text": req.text}
        if req.reply_to is not None:
            body["reply"] = {"in_reply_to_tweet_id": req.reply_to.remote_id}
        resp = await self._http.request("POST", "/2/tweets", json_body=body, headers=self._auth)
        if resp.status in (200, 201):
            tweet_id = str(_data(resp.body).get("id", ""))
            if not tweet_id:
                raise RejectedError("malformed create response", channel_id=self.channel.id)
            logger.info("channel %s posted tweet %s", self.channel.id, tweet_id)
            return _ref(tweet_id)
        error = self._error(resp)
        if isinstance(error, DuplicateContent) and req.earlier_attempt_since is not None:
            # Our earlier attempt went through after all: adopt it. Without an earlier
            # attempt the identical tweet is another update's (two cases of the same
            # procedure reach the same milestone): adopting it would thread this case
            # under that one and a retraction here would delete that post.
            existing = await self.find_existing(req, since=req.earlier_attempt_since)
            if existing is not None:
                logger.info("channel %s adopted tweet %s", self.channel.id, existing.remote_id)
                return existing
        raise error

    async def delete(self, ref: RemoteRef) -> None:
        resp = await self._http.request("DELETE", f"/2/tweets/{ref.remote_id}", headers=self._auth)
        if resp.status not in (200, 404):
            raise self._error(resp)
        logger.info("channel %s deleted tweet %s", self.channel.id, ref.remote_id)

    async def find_existing(self, req: PostRequest, *, since: datetime) -> RemoteRef | None:
        user_id = await self._own_id()
        wanted = _comparable(req.text)
        parent = req.reply_to.remote_id if req.reply_to else None
        params = {
            "max_results": str(_PAGE),
            "start_time": since.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "tweet.fields": "created_at,referenced_tweets",
        }
        for _ in range(_MAX_PAGES):
            path = f"/2/users/{user_id}/tweets"
            resp = await self._http.request("GET", path, params=params, headers=self._auth)
            if resp.status != 200:
                raise self._error(resp)
            tweets = resp.body.get("data", []) if isinstance(resp.body, dict) else []
            for tweet in tweets:
                if _comparable(str(tweet.get("text", ""))) == wanted and _parent(tweet) == parent:
                    return _ref(str(tweet["id"]))
            next_token = str(resp.body.get("meta", {}).get("next_token", "")) if tweets else ""
            if not next_token:
                return None
            params = {**params, "pagination_token": next_token}
        return None

    async def _own_id(self) -> str:
        if self._user_id is None:
            resp = await self._http.request("GET", "/2/users/me", headers=self._auth)
            if resp.status != 200:
                raise self._error(resp)
            self._user_id = str(_data(resp.body).get("id", ""))
        return self._user_id

    def _error(self, resp: Response) -> PublishError:
        """X answers with RFC 7807 problems: `detail`, `title`, `type`."""
        detail = body_str(resp.body, "detail", "title") or _first_error(resp.body)
        detail = detail or f"HTTP {resp.status}"
        cid = self.channel.id
        if resp.status == 403:
            kind = body_str(resp.body, "type")
            if DUPLICATE in detail.lower():
                return DuplicateContent(detail[:200], channel_id=cid, status=403)
            if "client-forbidden" in kind or "unsupported-authentication" in kind:
                return AuthError(detail[:200], channel_id=cid, status=403)
            return RejectedError(detail[:200], channel_id=cid, status=403)
        return self._http.error(resp, detail)


def _data(body: Any) -> dict[str, Any]:
    data = body.get("data") if isinstance(body, dict) else None
    return data if isinstance(data, dict) else {}


def _first_error(body: Any) -> str:
    errors = body.get("errors") if isinstance(body, dict) else None
    if isinstance(errors, list) and errors and isinstance(errors[0], dict):
        return str(errors[0].get("message", ""))
    return ""


def _parent(tweet: dict[str, Any]) -> str | None:
    for ref in tweet.get("referenced_tweets") or ():
        if ref.get("type") == "replied_to":
            return str(ref.get("id"))
    return None


def _comparable(text: str) -> str:
    """Text as X stores it and as we sent it, made equal: links masked, entities decoded."""
    return " ".join(_LINK.sub("<link>", html.unescape(text)).split())


def _ref(tweet_id: str) -> RemoteRef:
    return RemoteRef(tweet_id, f"https://x.com/i/web/status/{tweet_id}", MappingProxyType({}))
