"""The ID token's checks (services/common/oidc.py), against a provider we control: its
discovery document and JWKS are served, the tokens are signed here. Refused: another
issuer, another audience, a key outside the JWKS, a wrong nonce, an expired token, an
HS256 token keyed with the public key; and a discovery document for another issuer."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from cryptography.hazmat.primitives import serialization

from services.common.oidc import OidcClient, SignInRefused
from services.common.rolemap import RoleMapping
from services.common.settings import Settings
from tests.signin.conftest import CLIENT, FakeProvider, new_key

MAPPING = RoleMapping("groups", (("orcast-admins", "admin"),))


def client_for(issuer: str) -> OidcClient:
    return OidcClient(Settings(oidc_issuer=issuer, oidc_client_id=CLIENT,
                               oidc_client_secret="s"), MAPPING)


async def verify(provider: FakeProvider, token: str, nonce: str = "n-1") -> Any:
    async with aiohttp.ClientSession() as http:
        return await client_for(provider.issuer).verify_id_token(http, token, nonce=nonce)


async def test_a_genuine_id_token_passes_and_maps_to_its_role(provider: FakeProvider) -> None:
    identity = await verify(provider, provider.sign())
    assert identity.sub == "ann"
    assert MAPPING.role_for(identity.claims) == "admin"


async def test_an_id_token_from_another_issuer_is_refused(provider: FakeProvider) -> None:
    with pytest.raises(SignInRefused, match="issuer not accepted"):
        await verify(provider, provider.sign(iss="https://idp.elsewhere.example"))
    with pytest.raises(SignInRefused, match="invalid token: MissingRequiredClaimError"):
        await verify(provider, provider.sign(iss=None))


async def test_an_id_token_signed_by_another_provider_is_refused(
        provider: FakeProvider) -> None:
    with pytest.raises(SignInRefused, match="InvalidSignatureError"):
        await verify(provider, provider.sign(key=new_key()))


async def test_an_id_token_for_another_audience_is_refused(provider: FakeProvider) -> None:
    with pytest.raises(SignInRefused, match="audience not accepted"):
        await verify(provider, provider.sign(aud="another-app"))
    with pytest.raises(SignInRefused, match="issued to another client"):
        await verify(provider, provider.sign(aud=[CLIENT, "another-app"], azp="another-app"))


async def test_a_wrong_nonce_or_an_expired_token_is_refused(provider: FakeProvider) -> None:
    with pytest.raises(SignInRefused, match="nonce"):
        await verify(provider, provider.sign(), nonce="n-2")
    with pytest.raises(SignInRefused, match="nonce"):
        await verify(provider, provider.sign(nonce=None))
    with pytest.raises(SignInRefused, match="expired"):
        await verify(provider, provider.sign(exp=int(time.time()) - 120))


async def test_an_hs256_token_keyed_with_the_public_key_is_refused(
        provider: FakeProvider) -> None:
    public = provider.key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    now = int(time.time())
    # PyJWT refuses to HMAC with a PEM key itself; build the token by hand.
    def b64(raw: bytes) -> str:
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    head = b64(json.dumps({"alg": "HS256", "typ": "JWT", "kid": "k1"}).encode())
    body = b64(json.dumps({"iss": provider.issuer, "aud": CLIENT, "sub": "ann", "iat": now,
                           "exp": now + 300, "nonce": "n-1"}).encode())
    mac = hmac.new(public, f"{head}.{body}".encode(), hashlib.sha256).digest()
    forged = f"{head}.{body}.{b64(mac)}"
    with pytest.raises(SignInRefused, match="InvalidAlgorithmError"):
        await verify(provider, forged)


async def test_discovery_naming_another_issuer_is_refused(provider: FakeProvider) -> None:
    async with aiohttp.ClientSession() as http:
        with pytest.raises(SignInRefused, match="another issuer"):
            await client_for(provider.issuer + "/realms/other").metadata(http)


@pytest.mark.parametrize("answer", [{"issuer": "ISSUER"}, "not json", ["a", "list"]])
async def test_discovery_without_its_endpoints_is_refused(aiohttp_server: Any,
                                                          answer: object) -> None:
    claimed: dict[str, str] = {}

    async def discovery(request: web.Request) -> web.Response:
        if isinstance(answer, str):
            return web.Response(text=answer)
        return web.json_response(json.loads(json.dumps(answer).replace(
            "ISSUER", claimed["issuer"])))

    app = web.Application()
    app.router.add_get("/.well-known/openid-configuration", discovery)
    server = await aiohttp_server(app)
    claimed["issuer"] = str(server.make_url("")).rstrip("/")
    async with aiohttp.ClientSession() as http:
        with pytest.raises(SignInRefused, match="discovery"):
            await client_for(claimed["issuer"]).metadata(http)


async def test_an_id_token_for_several_audiences_needs_azp_and_no_strangers(
        provider: FakeProvider) -> None:
    """OIDC Core 3.1.3.7 (3)-(5): with several audiences `azp` must be our client id, and
    an audience we do not trust is refused (red team 2, H4)."""
    with pytest.raises(SignInRefused, match="several audiences"):
        await verify(provider, provider.sign(aud=[CLIENT, "evil-client"]))
    with pytest.raises(SignInRefused, match="untrusted audience"):
        await verify(provider, provider.sign(aud=[CLIENT, "evil-client"], azp=CLIENT))
    with pytest.raises(SignInRefused, match="another client"):
        await verify(provider, provider.sign(aud=[CLIENT], azp="evil-client"))
    assert (await verify(provider, provider.sign(aud=[CLIENT]))).sub == "ann"
