"""A token verified once is remembered briefly; nothing it must refuse gets through that way.

Ingest checks one JWT per POST and a tablet sends the same token every time, so the
verifier remembers the exact token string for a short while (issue 14). These tests
count the real signature checks (`jwt.decode`) and show what is still refused.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from typing import Any

import jwt
import pytest
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa

from services.common import auth
from services.common.settings import Settings

SECRET = "unit-test-secret-0123456789abcdef"


def token(secret: str = SECRET, **claims: object) -> str:
    base: dict[str, object] = {"sub": "tablet-1", "role": "coordinator", "aud": "orcast",
                               "exp": int(time.time()) + 3600}
    base.update(claims)
    return jwt.encode(base, secret, algorithm="HS256")


@pytest.fixture
def decodes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every full signature check the verifier makes."""
    calls: list[str] = []
    real = jwt.decode

    def counted(encoded: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(encoded)
        return real(encoded, *args, **kwargs)

    monkeypatch.setattr(auth.jwt, "decode", counted)
    return calls


async def test_a_repeated_token_costs_one_verification(decodes: list[str]) -> None:
    verifier = auth.TokenVerifier(Settings(secret=SECRET))
    good = token()
    first = await verifier.verify(good)
    for _ in range(5):
        assert await verifier.verify(good) == first
    assert len(decodes) == 1


@pytest.mark.parametrize("bad", [
    token(exp=int(time.time()) - 120),  # expired beyond the leeway
    token(nbf=int(time.time()) + 3600),  # not yet valid
    token(secret="another-secret-0123456789abcdef-0123"),  # not ours
])
async def test_refused_tokens_are_refused_every_time_and_never_remembered(
        bad: str, decodes: list[str]) -> None:
    verifier = auth.TokenVerifier(Settings(secret=SECRET))
    await verifier.verify(token())  # something valid is remembered meanwhile
    for _ in range(3):
        with pytest.raises(auth.TokenRejected):
            await verifier.verify(bad)
    assert decodes.count(bad) == 3


async def test_a_different_token_with_the_same_claims_is_checked_on_its_own(
        decodes: list[str]) -> None:
    verifier = auth.TokenVerifier(Settings(secret=SECRET))
    claims = {"exp": int(time.time()) + 3600, "iat": int(time.time())}
    await verifier.verify(token(**claims))
    forged = token(secret="another-secret-0123456789abcdef-0123", **claims)
    with pytest.raises(auth.TokenRejected):
        await verifier.verify(forged)
    # the same token with its signature changed is another string: checked, refused
    good = token(**claims)
    tampered = good[:-2] + ("A" if good[-2] != "A" else "B") + good[-1]
    with pytest.raises(auth.TokenRejected):
        await verifier.verify(tampered)
    assert forged in decodes and tampered in decodes


async def test_the_memory_never_answers_past_the_tokens_exp(decodes: list[str]) -> None:
    verifier = auth.TokenVerifier(Settings(secret=SECRET))
    short = token(exp=int(time.time()) + 1)
    await verifier.verify(short)
    await verifier.verify(short)
    assert len(decodes) == 1
    await asyncio.sleep(max(0.0, int(time.time()) + 1.05 - time.time()) + 1.0)
    await verifier.verify(short)  # past exp: checked again (its leeway is the check's call)
    assert len(decodes) == 2


async def test_the_memory_forgets_after_its_ttl(monkeypatch: pytest.MonkeyPatch,
                                                decodes: list[str]) -> None:
    monkeypatch.setattr(auth, "TOKEN_CACHE_SECONDS", 0.2)
    verifier = auth.TokenVerifier(Settings(secret=SECRET))
    good = token()
    await verifier.verify(good)
    await asyncio.sleep(0.3)
    await verifier.verify(good)
    assert len(decodes) == 2


async def test_the_memory_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "TOKEN_CACHE_SIZE", 8)
    verifier = auth.TokenVerifier(Settings(secret=SECRET))
    for n in range(20):
        await verifier.verify(token(sub=f"tablet-{n}"))
    assert len(verifier._verified) == 8


# --- a provider's key set (JWKS) -------------------------------------------------------

def public_jwk(key: rsa.RSAPrivateKey, kid: str) -> dict[str, Any]:
    jwk: dict[str, Any] = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    jwk.update(kid=kid, alg="RS256", use="sig")
    return jwk


@pytest.fixture
async def provider(aiohttp_server: Any) -> AsyncIterator[dict[str, Any]]:
    state: dict[str, Any] = {"keys": []}

    async def jwks(request: web.Request) -> web.Response:
        return web.json_response({"keys": state["keys"]})

    app = web.Application()
    app.router.add_get("/jwks", jwks)
    server = await aiohttp_server(app)
    state["url"] = str(server.make_url("/jwks"))
    yield state


async def test_a_token_of_a_revoked_provider_key_is_refused_once_the_key_set_changes(
        provider: dict[str, Any], decodes: list[str]) -> None:
    old, new = (rsa.generate_private_key(public_exponent=65537, key_size=2048)
                for _ in range(2))
    provider["keys"] = [public_jwk(old, "k1")]
    verifier = auth.TokenVerifier(Settings(jwks_url=provider["url"], jwt_audience="orcast"))
    signed = jwt.encode({"sub": "tablet-1", "role": "coordinator", "aud": "orcast",
                         "exp": int(time.time()) + 3600}, old, algorithm="RS256",
                        headers={"kid": "k1"})
    await verifier.verify(signed)  # fetches the key set: not remembered yet
    await verifier.verify(signed)
    checked = len(decodes)
    await verifier.verify(signed)
    assert len(decodes) == checked  # remembered while the key set is the one it matched
    provider["keys"] = [public_jwk(new, "k2")]  # the provider revokes k1
    assert verifier._jwks is not None
    await asyncio.to_thread(verifier._jwks.get_jwk_set, True)  # as its lifespan ends
    with pytest.raises(auth.TokenRejected, match="signing key not found"):
        await verifier.verify(signed)
