"""A Mastodon instance, as far as a status-posting bot can see it.

Endpoints: GET /api/v2/instance, GET /api/v1/accounts/verify_credentials,
POST /api/v1/statuses (Idempotency-Key, in_reply_to_id, visibility),
GET and DELETE /api/v1/statuses/:id, GET /api/v1/accounts/:id/statuses.
Order of checks follows Mastodon: rate limit (rack-attack), token, the
Idempotency-Key (a repeat within the window returns the stored status and
posts nothing), reply target (404), then length/blank validation (422).
Statuses come back as Mastodon renders them: HTML `content`, not text.
"""

from __future__ import annotations

import html
import itertools
import re
from datetime import datetime
from typing import Any

from aiohttp import web

from services.publisher.render import grapheme_count

from .common import FakeNetwork, Post, bearer, iso

_URL = re.compile(r"https?://[^\s]+?(?=[.,;:!?'\")\]]*(?:\s|$))")
_TAG = re.compile(r"(?<![\w/&])#(\w+)")


class FakeMastodon(FakeNetwork):
    def __init__(
        self,
        *,
        token: str = "mastodon-test-token",
        max_characters: int = 500,
        url_weight: int = 23,
        idempotency_window: float = 3600.0,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.token = token
        self.max_characters = max_characters
        self.url_weight = url_weight
        self.idempotency_window = idempotency_window
        self.account_id = "109000000000000001"
        self.base = "https://mastodon.test"
        self._ids = itertools.count(110000000000000000)
        self._idempotency: dict[str, tuple[float, str]] = {}

    def routes(self, app: web.Application) -> None:
        app.router.add_get("/api/v2/instance", self.instance)
        app.router.add_get("/api/v1/accounts/verify_credentials", self.verify_credentials)
        app.router.add_get("/api/v1/accounts/{id}/statuses", self.account_statuses)
        app.router.add_post("/api/v1/statuses", self.create)
        app.router.add_get("/api/v1/statuses/{id}", self.show)
        app.router.add_delete("/api/v1/statuses/{id}", self.destroy)

    def fault_body(self, status: int) -> web.Response:
        return web.json_response({"error": "We're sorry, but something went wrong"}, status=status)

    def length(self, text: str) -> int:
        return grapheme_count(_URL.sub("x" * self.url_weight, text))

    # --- handlers ----------------------------------------------------------
    async def instance(self, request: web.Request) -> web.Response:
        statuses = {
            "max_characters": self.max_characters,
            "max_media_attachments": 4,
            "characters_reserved_per_url": self.url_weight,
        }
        return web.json_response(
            {"domain": "mastodon.test", "version": "4.3.0", "configuration": {"statuses": statuses}}
        )

    async def verify_credentials(self, request: web.Request) -> web.Response:
        if (denied := self._auth(request)) is not None:
            return denied
        return web.json_response({"id": self.account_id, "username": "orcast", "acct": "orcast"})

    async def create(self, request: web.Request) -> web.Response:
        if (reset := self.over_limit(request)) is not None:
            return web.json_response(
                {"error": "Too many requests"},
                status=429,
                headers={
                    "X-RateLimit-Limit": str(self.rate_limit),
                    "X-RateLimit-Remaining": "0",
                    "X-RateLimit-Reset": iso(datetime.fromtimestamp(reset, self.now().tzinfo)),
                },
            )
        if (denied := self._auth(request)) is not None:
            return denied
        params = await _params(request)
        key = request.headers.get("Idempotency-Key")
        if key:
            seen = self._idempotency.get(key)
            if seen is not None and self.clock() - seen[0] < self.idempotency_window:
                return web.json_response(self._json(self.posts[seen[1]]))
        text = str(params.get("status") or "")
        reply_to = params.get("in_reply_to_id") or None
        if reply_to is not None and (reply_to not in self.posts or self.posts[reply_to].deleted):
            return web.json_response(
                {"error": "The post you are trying to reply to does not appear to exist."},
                status=404,
            )
        if not text.strip():
            return web.json_response(
                {"error": "Validation failed: Text can't be blank"}, status=422
            )
        if self.length(text) > self.max_characters:
            message = f"Validation failed: Text character limit of {self.max_characters} exceeded"
            return web.json_response({"error": message}, status=422)
        visibility = str(params.get("visibility") or "public")
        if visibility not in ("public", "unlisted", "private", "direct"):
            return web.json_response(
                {"error": "Validation failed: Visibility is invalid"}, status=422
            )
        post = Post(
            str(next(self._ids)), text, self.now(), reply_to, data={"visibility": visibility}
        )
        self.posts[post.id] = post
        if key:
            self._idempotency[key] = (self.clock(), post.id)
        return web.json_response(self._json(post))

    async def show(self, request: web.Request) -> web.Response:
        post = self.posts.get(request.match_info["id"])
        if post is None or post.deleted:
            return web.json_response({"error": "Record not found"}, status=404)
        return web.json_response(self._json(post))

    async def destroy(self, request: web.Request) -> web.Response:
        if self.over_limit(request) is not None:
            return web.json_response({"error": "Too many requests"}, status=429)
        if (denied := self._auth(request)) is not None:
            return denied
        post = self.posts.get(request.match_info["id"])
        if post is None or post.deleted:
            return web.json_response({"error": "Record not found"}, status=404)
        post.deleted = True
        return web.json_response({**self._json(post), "text": post.text})

    async def account_statuses(self, request: web.Request) -> web.Response:
        if request.match_info["id"] != self.account_id:
            return web.json_response({"error": "Record not found"}, status=404)
        limit = min(int(request.query.get("limit", "20")), 40)
        max_id = request.query.get("max_id")
        mine = sorted(self.live_posts(), key=lambda p: int(p.id), reverse=True)
        if max_id:
            mine = [p for p in mine if int(p.id) < int(max_id)]
        return web.json_response([self._json(p) for p in mine[:limit]])

    # --- helpers -------------------------------------------------------------
    def _auth(self, request: web.Request) -> web.Response | None:
        if bearer(request) != self.token:
            return web.json_response({"error": "The access token is invalid"}, status=401)
        return None

    def _json(self, post: Post) -> dict[str, Any]:
        return {
            "id": post.id,
            "created_at": iso(post.created_at),
            "in_reply_to_id": post.reply_to,
            "visibility": post.data["visibility"],
            "uri": f"{self.base}/users/orcast/statuses/{post.id}",
            "url": f"{self.base}/@orcast/{post.id}",
            "content": render_html(post.text, self.base),
            "account": {"id": self.account_id, "username": "orcast"},
        }


async def _params(request: web.Request) -> dict[str, Any]:
    if request.content_type == "application/json":
        body = await request.json()
        return body if isinstance(body, dict) else {}
    return dict(await request.post())


def render_html(text: str, base: str) -> str:
    """Mastodon's plain-text formatter: paragraphs, <br />, linkified URLs and tags."""

    def inline(line: str) -> str:
        out, pos = [], 0
        for m in _URL.finditer(line):
            out.append(_tags(html.escape(line[pos : m.start()]), base))
            scheme, _, rest = m.group(0).partition("://")
            out.append(
                f'<a href="{html.escape(m.group(0))}" rel="nofollow noopener" target="_blank">'
                f'<span class="invisible">{scheme}://</span>'
                f'<span class="">{html.escape(rest)}</span></a>'
            )
            pos = m.end()
        out.append(_tags(html.escape(line[pos:]), base))
        return "".join(out)

    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return "".join("<p>" + "<br />".join(map(inline, p.split("\n"))) + "</p>" for p in paragraphs)


def _tags(escaped: str, base: str) -> str:
    return _TAG.sub(
        lambda m: (
            f'<a href="{base}/tags/{m.group(1).lower()}" class="mention hashtag" '
            f'rel="tag">#<span>{m.group(1)}</span></a>'
        ),
        escaped,
    )
