"""A Bluesky PDS, as far as a posting bot can see it (XRPC over HTTP).

Endpoints: com.atproto.server.createSession / refreshSession,
com.atproto.repo.createRecord / deleteRecord (POST), getRecord / listRecords
(GET). Errors are XRPC bodies `{"error", "message"}`: an expired access token
is 400 ExpiredToken, a bad one 401 InvalidToken, no token 401
AuthenticationRequired; 429 RateLimitExceeded carries `ratelimit-*` headers
with the reset as epoch seconds. Records are validated like the lexicon
(300 graphemes / 3000 bytes, createdAt, strong refs in `reply`, facet bounds).
listRecords returns newest first unless `reverse=true`.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import secrets
from datetime import datetime
from typing import Any

from aiohttp import web

from services.publisher.render import grapheme_count

from .common import FakeNetwork, Post, bearer

COLLECTION = "app.bsky.feed.post"
_B32 = "234567abcdefghijklmnopqrstuvwxyz"


def _err(status: int, error: str, message: str, **headers: str) -> web.Response:
    return web.json_response({"error": error, "message": message}, status=status, headers=headers)


class FakeBluesky(FakeNetwork):
    def __init__(
        self,
        *,
        identifier: str = "orcast.test",
        password: str = "app-pass-test-1234",
        did: str = "did:plc:orcasttest0000000000",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.identifier, self.password, self.did = identifier, password, did
        self.access: dict[str, bool] = {}  # token -> expired?
        self.refresh: set[str] = set()
        self.sessions_created = 0
        self._clock_ids = itertools.count()

    def expire_access_tokens(self) -> None:
        self.access = dict.fromkeys(self.access, True)

    def expire_refresh_tokens(self) -> None:
        self.refresh.clear()

    def routes(self, app: web.Application) -> None:
        post, get = app.router.add_post, app.router.add_get
        post("/xrpc/com.atproto.server.createSession", self.create_session)
        post("/xrpc/com.atproto.server.refreshSession", self.refresh_session)
        post("/xrpc/com.atproto.repo.createRecord", self.create_record)
        post("/xrpc/com.atproto.repo.deleteRecord", self.delete_record)
        get("/xrpc/com.atproto.repo.getRecord", self.get_record)
        get("/xrpc/com.atproto.repo.listRecords", self.list_records)

    def fault_body(self, status: int) -> web.Response:
        return _err(status, "InternalServerError", "Internal Server Error")

    # --- sessions -------------------------------------------------------------
    def _issue(self) -> dict[str, Any]:
        access, refresh = "acc-" + secrets.token_hex(16), "ref-" + secrets.token_hex(16)
        self.access[access] = False
        self.refresh.add(refresh)
        return {
            "did": self.did,
            "handle": self.identifier,
            "accessJwt": access,
            "refreshJwt": refresh,
            "active": True,
        }

    async def create_session(self, request: web.Request) -> web.Response:
        if (limited := self._limited(request)) is not None:
            return limited
        body = await request.json()
        if (
            body.get("identifier") not in (self.identifier, self.did)
            or body.get("password") != self.password
        ):
            return _err(401, "AuthenticationRequired", "Invalid identifier or password")
        self.sessions_created += 1
        return web.json_response(self._issue())

    async def refresh_session(self, request: web.Request) -> web.Response:
        token = bearer(request)
        if token is None:
            return _err(401, "AuthenticationRequired", "Authentication Required")
        if token not in self.refresh:
            return _err(400, "ExpiredToken", "Token has been revoked")
        self.refresh.discard(token)  # refresh tokens rotate
        return web.json_response(self._issue())

    def _auth(self, request: web.Request) -> web.Response | None:
        token = bearer(request)
        if token is None:
            return _err(401, "AuthenticationRequired", "Authentication Required")
        if token not in self.access:
            return _err(401, "InvalidToken", "Token could not be verified")
        if self.access[token]:
            return _err(400, "ExpiredToken", "Token has expired")
        return None

    def _limited(self, request: web.Request) -> web.Response | None:
        reset = self.over_limit(request)
        if reset is None:
            return None
        return _err(
            429,
            "RateLimitExceeded",
            "Rate Limit Exceeded",
            **{
                "ratelimit-limit": str(self.rate_limit),
                "ratelimit-remaining": "0",
                "ratelimit-reset": str(int(reset)),
                "ratelimit-policy": f"{self.rate_limit};w={int(self.rate_window)}",
            },
        )

    # --- records ----------------------------------------------------------------
    async def create_record(self, request: web.Request) -> web.Response:
        if (failed := self._limited(request) or self._auth(request)) is not None:
            return failed
        body = await request.json()
        if body.get("repo") not in (self.did, self.identifier):
            return _err(400, "InvalidRequest", "Input/repo must be the authenticated account")
        if body.get("collection") != COLLECTION:
            return _err(400, "InvalidRequest", f"Unsupported collection: {body.get('collection')}")
        record = body.get("record")
        problem = validate_post(record)
        if problem:
            return _err(400, "InvalidRequest", f"Invalid {COLLECTION} record: {problem}")
        rkey = self._tid()
        uri = f"at://{self.did}/{COLLECTION}/{rkey}"
        cid = (
            "bafyrei"
            + base64.b32encode(hashlib.sha256(json.dumps(record, sort_keys=True).encode()).digest())
            .decode()
            .lower()
            .rstrip("=")[:52]
        )
        parent = record.get("reply", {}).get("parent", {}).get("uri")
        self.posts[uri] = Post(
            uri,
            record["text"],
            self.now(),
            parent,
            data={"cid": cid, "rkey": rkey, "record": record},
        )
        return web.json_response(
            {
                "uri": uri,
                "cid": cid,
                "commit": {"cid": cid, "rev": rkey},
                "validationStatus": "valid",
            }
        )

    async def delete_record(self, request: web.Request) -> web.Response:
        if (failed := self._limited(request) or self._auth(request)) is not None:
            return failed
        body = await request.json()
        if body.get("repo") not in (self.did, self.identifier):
            return _err(400, "InvalidRequest", "Input/repo must be the authenticated account")
        post = self.posts.get(f"at://{self.did}/{body.get('collection')}/{body.get('rkey')}")
        if post is not None:
            post.deleted = True  # deleting a missing record is a no-op, as on a PDS
        return web.json_response({"commit": {"cid": "bafyreicommit", "rev": self._tid()}})

    async def get_record(self, request: web.Request) -> web.Response:
        q = request.query
        uri = f"at://{self.did}/{q.get('collection')}/{q.get('rkey')}"
        post = self.posts.get(uri)
        if post is None or post.deleted:
            return _err(400, "RecordNotFound", f"Could not locate record: {uri}")
        return web.json_response(
            {"uri": uri, "cid": post.data["cid"], "value": post.data["record"]}
        )

    async def list_records(self, request: web.Request) -> web.Response:
        q = request.query
        if q.get("repo") not in (self.did, self.identifier):
            return _err(400, "InvalidRequest", "Could not find repo")
        limit = max(1, min(int(q.get("limit", "50")), 100))
        reverse = q.get("reverse") == "true"
        posts = sorted(self.live_posts(), key=lambda p: p.data["rkey"], reverse=not reverse)
        if cursor := q.get("cursor"):
            posts = [
                p
                for p in posts
                if (p.data["rkey"] > cursor if reverse else p.data["rkey"] < cursor)
            ]
        page = posts[:limit]
        out: dict[str, Any] = {
            "records": [
                {"uri": p.id, "cid": p.data["cid"], "value": p.data["record"]} for p in page
            ]
        }
        if len(page) == limit:
            out["cursor"] = page[-1].data["rkey"]
        return web.json_response(out)

    def _tid(self) -> str:
        value = (int(self.clock() * 1_000_000) << 10) | (next(self._clock_ids) % 1024)
        return "".join(_B32[(value >> (5 * i)) & 31] for i in range(12, -1, -1))


def validate_post(record: Any) -> str | None:
    """The lexicon's rules for app.bsky.feed.post, in the PDS's words."""
    if not isinstance(record, dict) or record.get("$type") != COLLECTION:
        return f"Record/$type must be {COLLECTION}"
    text = record.get("text")
    if not isinstance(text, str):
        return 'Record must have the property "text"'
    if grapheme_count(text) > 300 or len(text.encode()) > 3000:
        return "Record/text must not be longer than 300 graphemes"
    try:
        datetime.fromisoformat(str(record.get("createdAt")).replace("Z", "+00:00"))
    except ValueError:
        return "Record/createdAt must be an valid atproto datetime (both RFC-3339 and ISO-8601)"
    reply = record.get("reply")
    if reply is not None:
        for part in ("root", "parent"):
            ref = reply.get(part) if isinstance(reply, dict) else None
            for prop in ("uri", "cid"):
                if not isinstance(ref, dict) or not isinstance(ref.get(prop), str):
                    return f'Record/reply/{part} must have the property "{prop}"'
            assert isinstance(ref, dict)
            if not ref["uri"].startswith("at://"):
                return f"Record/reply/{part}/uri must be a valid at-uri"
    size = len(text.encode())
    for i, facet in enumerate(record.get("facets") or ()):
        index = facet.get("index", {}) if isinstance(facet, dict) else {}
        start, end = index.get("byteStart"), index.get("byteEnd")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= size):
            return f"Record/facets/{i}/index is out of bounds"
    return None
