"""X API v2, as far as a posting bot can see it.

Endpoints: POST /2/tweets, DELETE /2/tweets/:id, GET /2/tweets/:id,
GET /2/users/me, GET /2/users/:id/tweets (start_time, max_results 5-100,
pagination_token, tweet.fields). Errors are RFC 7807 problems. Identical
text from the same account while the earlier tweet is live is refused with
403 "duplicate content" (X has no idempotency key). Returned text is what X
stores: links rewritten to t.co, `&<>` HTML-escaped. 429 carries
`x-rate-limit-*` headers with the reset as epoch seconds.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from datetime import datetime
from typing import Any

from aiohttp import web

from services.publisher.render import x_length

from .common import FakeNetwork, Post, bearer, iso

DUPLICATE = "You are not allowed to create a Tweet with duplicate content."
_URL = re.compile(r"https?://\S+?(?=[.,;:!?'\")\]]*(?:\s|$))")


def _problem(
    status: int, title: str, detail: str, kind: str = "about:blank", **extra: Any
) -> web.Response:
    body = {"title": title, "detail": detail, "type": kind, "status": status, **extra}
    return web.json_response(body, status=status)


class FakeX(FakeNetwork):
    def __init__(self, *, token: str = "x-test-token", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.token = token
        self.user_id = "1500000000000000001"
        self._ids = itertools.count(1800000000000000000)

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/2/tweets", self.create)
        app.router.add_get("/2/tweets/{id}", self.show)
        app.router.add_delete("/2/tweets/{id}", self.destroy)
        app.router.add_get("/2/users/me", self.me)
        app.router.add_get("/2/users/{id}/tweets", self.timeline)

    def fault_body(self, status: int) -> web.Response:
        return _problem(status, "Service Unavailable", "Service Unavailable")

    def _gate(self, request: web.Request) -> web.Response | None:
        if (reset := self.over_limit(request)) is not None:
            response = _problem(429, "Too Many Requests", "Too Many Requests")
            response.headers.update(
                {
                    "x-rate-limit-limit": str(self.rate_limit),
                    "x-rate-limit-remaining": "0",
                    "x-rate-limit-reset": str(int(reset)),
                }
            )
            return response
        if bearer(request) != self.token:
            return _problem(401, "Unauthorized", "Unauthorized")
        return None

    async def create(self, request: web.Request) -> web.Response:
        if (denied := self._gate(request)) is not None:
            return denied
        body = await request.json()
        text = body.get("text")
        if not isinstance(text, str) or not text.strip():
            return _invalid("text", "Tweet text must not be empty.")
        if x_length(text) > 280:
            return _invalid("text", "Tweet text is too long.")
        reply_to = (body.get("reply") or {}).get("in_reply_to_tweet_id")
        if reply_to is not None and (reply_to not in self.posts or self.posts[reply_to].deleted):
            return _problem(
                403,
                "Forbidden",
                "You attempted to reply to a Tweet that is deleted or not visible to you.",
            )
        if any(p.text.strip() == text.strip() for p in self.live_posts()):
            return _problem(403, "Forbidden", DUPLICATE)
        post = Post(str(next(self._ids)), text, self.now(), reply_to)
        self.posts[post.id] = post
        data = {"id": post.id, "text": stored_text(text), "edit_history_tweet_ids": [post.id]}
        return web.json_response({"data": data}, status=201)

    async def destroy(self, request: web.Request) -> web.Response:
        if (denied := self._gate(request)) is not None:
            return denied
        post = self.posts.get(request.match_info["id"])
        if post is None or post.deleted:
            return _not_found(request.match_info["id"], status=404)
        post.deleted = True
        return web.json_response({"data": {"deleted": True}})

    async def show(self, request: web.Request) -> web.Response:
        if (denied := self._gate(request)) is not None:
            return denied
        post = self.posts.get(request.match_info["id"])
        if post is None or post.deleted:
            return _not_found(request.match_info["id"], status=200)
        return web.json_response({"data": self._json(post, {"created_at", "referenced_tweets"})})

    async def me(self, request: web.Request) -> web.Response:
        if (denied := self._gate(request)) is not None:
            return denied
        return web.json_response(
            {"data": {"id": self.user_id, "name": "ORcast", "username": "orcast"}}
        )

    async def timeline(self, request: web.Request) -> web.Response:
        if (denied := self._gate(request)) is not None:
            return denied
        if request.match_info["id"] != self.user_id:
            return _not_found(request.match_info["id"], status=200)
        q = request.query
        max_results = int(q.get("max_results", "10"))
        if not 5 <= max_results <= 100:
            return _invalid("max_results", "must be between 5 and 100")
        fields = set(q.get("tweet.fields", "").split(",")) - {""}
        posts = sorted(self.live_posts(), key=lambda p: int(p.id), reverse=True)
        if start := q.get("start_time"):
            since = datetime.fromisoformat(start.replace("Z", "+00:00"))
            posts = [p for p in posts if p.created_at >= since]
        if token := q.get("pagination_token"):
            posts = [p for p in posts if int(p.id) < int(token)]
        page = posts[:max_results]
        if not page:
            return web.json_response({"meta": {"result_count": 0}})
        meta: dict[str, Any] = {
            "result_count": len(page),
            "newest_id": page[0].id,
            "oldest_id": page[-1].id,
        }
        if len(posts) > len(page):
            meta["next_token"] = page[-1].id
        return web.json_response({"data": [self._json(p, fields) for p in page], "meta": meta})

    def _json(self, post: Post, fields: set[str]) -> dict[str, Any]:
        out: dict[str, Any] = {"id": post.id, "text": stored_text(post.text)}
        out["edit_history_tweet_ids"] = [post.id]
        if "created_at" in fields:
            out["created_at"] = iso(post.created_at)
        if "referenced_tweets" in fields and post.reply_to:
            out["referenced_tweets"] = [{"type": "replied_to", "id": post.reply_to}]
        return out


def stored_text(text: str) -> str:
    """What X hands back: t.co links and HTML-escaped `&`, `<`, `>`."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _URL.sub(
        lambda m: "https://t.co/" + hashlib.sha1(m.group(0).encode()).hexdigest()[:10], escaped
    )


def _invalid(parameter: str, message: str) -> web.Response:
    return _problem(
        400,
        "Invalid Request",
        "One or more parameters to your request was invalid.",
        "https://api.twitter.com/2/problems/invalid-request",
        errors=[{"parameters": {parameter: []}, "message": message}],
    )


def _not_found(tweet_id: str, *, status: int) -> web.Response:
    error = {
        "value": tweet_id,
        "detail": f"Could not find tweet with id: [{tweet_id}].",
        "title": "Not Found Error",
        "resource_type": "tweet",
        "parameter": "id",
        "resource_id": tweet_id,
        "type": "https://api.twitter.com/2/problems/resource-not-found",
    }
    if status == 200:
        return web.json_response({"errors": [error]})
    return web.json_response({**error, "status": status}, status=status)
