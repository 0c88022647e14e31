"""Mastodon: POST /api/v1/statuses with an Idempotency-Key, threads by in_reply_to_id.

Mastodon keeps each Idempotency-Key for about an hour and answers a repeat
with the status it already created, so a retry inside that window cannot
duplicate. `find_existing` covers the outbox's recovery after longer gaps: it
reads the account's own recent statuses and compares their text (rendered
HTML turned back into text) with what we meant to post.

Audience maps to visibility: `public` posts are public; `students` posts are
followers-only, the account's followers being the student cohort.
"""

from __future__ import annotations

import html
import logging
from datetime import UTC, datetime
from html.parser import HTMLParser
from types import MappingProxyType

import aiohttp

from ..channels import ChannelConfig
from ..render import URL_WEIGHT, mastodon_measure
from .base import HttpClient, PostRequest, RemoteRef, Response, TextLimits, body_str
from .errors import PublishError, RejectedError

logger = logging.getLogger(__name__)

DEFAULT_MAX_CHARACTERS = 500
_PAGE = 40  # Mastodon's largest page of statuses
_MAX_PAGES = 5


class MastodonAdapter:
    def __init__(
        self, channel: ChannelConfig, session: aiohttp.ClientSession, secrets: dict[str, str]
    ) -> None:
        self.channel = channel
        self._http = HttpClient(channel, session)
        self._auth = {"Authorization": f"Bearer {secrets['access_token']}"}
        self._limits: TextLimits | None = None
        self._account_id: str | None = None

    def __repr__(self) -> str:
        return f"MastodonAdapter({self.channel.id!r})"

    async def limits(self) -> TextLimits:
        """The instance's own limit and URL weight, read once (instances differ)."""
        if self._limits is None:
            resp = await self._http.request("GET", "/api/v2/instance")
            if resp.status == 404:  # before Mastodon 4.0: documented defaults
                max_chars, url_weight = DEFAULT_MAX_CHARACTERS, URL_WEIGHT
            elif resp.status != 200:
                raise self._error(resp)
            else:
                conf = _dig(resp.body, "configuration", "statuses")
                max_chars = _int(conf.get("max_characters"), DEFAULT_MAX_CHARACTERS)
                url_weight = _int(conf.get("characters_reserved_per_url"), URL_WEIGHT)
            self._limits = TextLimits(max_chars, mastodon_measure(url_weight))
        return self._limits

    async def post(self, req: PostRequest) -> RemoteRef:
        body: dict[str, str] = {
            "status": req.text,
            "visibility": "public" if self.channel.audience == "public" else "private",
        }
        if req.reply_to is not None:
            body["in_reply_to_id"] = req.reply_to.remote_id
        headers = {**self._auth, "Idempotency-Key": req.idempotency_key}
        resp = await self._http.request("POST", "/api/v1/statuses", json_body=body, headers=headers)
        if resp.status != 200:
            raise self._error(resp)
        ref = _ref(resp.body)
        logger.info("channel %s posted status %s", self.channel.id, ref.remote_id)
        return ref

    async def delete(self, ref: RemoteRef) -> None:
        path = f"/api/v1/statuses/{ref.remote_id}"
        resp = await self._http.request("DELETE", path, headers=self._auth)
        if resp.status not in (200, 404):
            raise self._error(resp)
        logger.info("channel %s deleted status %s", self.channel.id, ref.remote_id)

    async def find_existing(self, req: PostRequest, *, since: datetime) -> RemoteRef | None:
        account_id = await self._own_account_id()
        wanted = _normalize(req.text)
        reply_id = req.reply_to.remote_id if req.reply_to else None
        params = {"limit": str(_PAGE), "exclude_reblogs": "true"}
        for _ in range(_MAX_PAGES):
            path = f"/api/v1/accounts/{account_id}/statuses"
            resp = await self._http.request("GET", path, params=params, headers=self._auth)
            if resp.status != 200:
                raise self._error(resp)
            statuses = resp.body if isinstance(resp.body, list) else []
            for status in statuses:
                if _created(status) < since:
                    return None  # newest first: everything further is older
                if status.get("in_reply_to_id") == reply_id and _text(status) == wanted:
                    return _ref(status)
            if len(statuses) < _PAGE:
                return None
            params = {**params, "max_id": str(statuses[-1]["id"])}
        return None

    async def _own_account_id(self) -> str:
        if self._account_id is None:
            path = "/api/v1/accounts/verify_credentials"
            resp = await self._http.request("GET", path, headers=self._auth)
            if resp.status != 200:
                raise self._error(resp)
            self._account_id = body_str(resp.body, "id")
        return self._account_id

    def _error(self, resp: Response) -> PublishError:
        detail = body_str(resp.body, "error") or f"HTTP {resp.status}"
        if resp.status == 404:  # e.g. the status we reply to is gone
            return RejectedError(detail, channel_id=self.channel.id, status=404)
        return self._http.error(resp, detail)


def _ref(status: object) -> RemoteRef:
    if not isinstance(status, dict) or not isinstance(status.get("id"), str):
        raise RejectedError("malformed status in response")
    extra = {"uri": status["uri"]} if isinstance(status.get("uri"), str) else {}
    url = status.get("url") if isinstance(status.get("url"), str) else None
    return RemoteRef(status["id"], url, MappingProxyType(extra))


def _created(status: dict[str, object]) -> datetime:
    raw = str(status.get("created_at", ""))
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)  # unreadable: treat as too old


class _TextOf(HTMLParser):
    """Status HTML back to text: paragraphs and <br> become line breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag == "p" and self.parts:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _text(status: dict[str, object]) -> str:
    parser = _TextOf()
    parser.feed(str(status.get("content", "")))
    parser.close()
    return _normalize(html.unescape("".join(parser.parts)))


def _normalize(text: str) -> str:
    # Mastodon may reflow whitespace when rendering; words are what must match.
    return " ".join(text.split())


def _dig(body: object, *keys: str) -> dict[str, object]:
    for key in keys:
        body = body.get(key) if isinstance(body, dict) else None
    return body if isinstance(body, dict) else {}


def _int(value: object, default: int) -> int:
    return value if isinstance(value, int) and value > 0 else default
