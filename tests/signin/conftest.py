"""A provider we control (its discovery document and JWKS served; tokens signed here)."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import jwt
import pytest
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa

CLIENT = "orcast"


@dataclass
class FakeProvider:
    issuer: str
    key: rsa.RSAPrivateKey

    def sign(self, *, key: rsa.RSAPrivateKey | None = None, **changes: Any) -> str:
        now = int(time.time())
        claims: dict[str, Any] = {"iss": self.issuer, "aud": CLIENT, "sub": "ann",
                                  "iat": now, "exp": now + 300, "nonce": "n-1",
                                  "groups": ["orcast-admins"]}
        claims.update(changes)
        claims = {k: v for k, v in claims.items() if v is not None}
        return jwt.encode(claims, key or self.key, algorithm="RS256", headers={"kid": "k1"})


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
async def provider(aiohttp_server: Any) -> AsyncIterator[FakeProvider]:
    key = new_key()
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    jwk.update(kid="k1", alg="RS256", use="sig")
    claimed: dict[str, str] = {}

    async def discovery(request: web.Request) -> web.Response:
        return web.json_response({
            "issuer": claimed["issuer"], "authorization_endpoint": claimed["base"] + "/auth",
            "token_endpoint": claimed["base"] + "/token", "jwks_uri": claimed["base"] + "/jwks"})

    async def jwks(request: web.Request) -> web.Response:
        return web.json_response({"keys": [jwk]})

    app = web.Application()
    app.router.add_get("/.well-known/openid-configuration", discovery)
    app.router.add_get("/realms/other/.well-known/openid-configuration", discovery)
    app.router.add_get("/jwks", jwks)
    server = await aiohttp_server(app)
    base = str(server.make_url("")).rstrip("/")
    claimed.update(issuer=base, base=base)
    yield FakeProvider(base, key)


