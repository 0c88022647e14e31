"""ORcast as an OpenID Connect relying party (authorization code flow with PKCE).

Discovery from `ORCAST_OIDC_ISSUER`; the authorization request carries `state`, `nonce`
and an S256 code challenge; the code is exchanged with the client secret and the code
verifier; the ID token must be signed by a key from the provider's JWKS, issued by the
configured issuer, for our client id alone (another audience, or several without
`azp` = our client id, is refused), carry the request's nonce, and map to a role.
Tokens and codes are never logged.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote_plus, urlencode

import aiohttp
import jwt

from .auth import TokenRejected, jwks_claims
from .rolemap import RoleMapping
from .settings import ConfigError, Settings

SCOPE = "openid profile groups"
TIMEOUT = aiohttp.ClientTimeout(total=10)


class SignInRefused(Exception):
    """The sign-in cannot complete; the message says why and never holds a token."""


@dataclass(frozen=True, slots=True)
class ProviderMetadata:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    end_session_endpoint: str | None


@dataclass(frozen=True, slots=True)
class Identity:
    sub: str
    name: str | None
    claims: dict[str, Any]


def pkce_pair() -> tuple[str, str]:
    """(code_verifier, S256 code_challenge), RFC 7636."""
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class OidcClient:
    def __init__(self, settings: Settings, mapping: RoleMapping) -> None:
        if not settings.oidc_issuer:
            raise ConfigError("set ORCAST_OIDC_ISSUER to sign people in")
        if not settings.oidc_client_secret:
            raise ConfigError("set ORCAST_OIDC_CLIENT_SECRET (ORcast's client at the provider)")
        self.issuer = settings.oidc_issuer.rstrip("/")
        self.client_id = settings.oidc_client_id
        self._secret = settings.oidc_client_secret
        self.mapping = mapping
        self._metadata: ProviderMetadata | None = None
        self._jwks: jwt.PyJWKClient | None = None

    async def metadata(self, http: aiohttp.ClientSession) -> ProviderMetadata:
        if self._metadata is None:
            url = f"{self.issuer}/.well-known/openid-configuration"
            async with http.get(url, timeout=TIMEOUT) as response:
                if response.status != 200:
                    raise SignInRefused(f"provider discovery answered {response.status}")
                try:
                    found = await response.json(content_type=None)
                except ValueError:
                    raise SignInRefused("provider discovery is not JSON") from None
            if not isinstance(found, dict) or not all(
                    isinstance(found.get(k), str) for k in
                    ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")):
                raise SignInRefused("provider discovery lacks its endpoints")
            if found.get("issuer", "").rstrip("/") != self.issuer:  # OIDC Discovery §4.3
                raise SignInRefused("provider discovery names another issuer")
            self._metadata = ProviderMetadata(
                issuer=found["issuer"], authorization_endpoint=found["authorization_endpoint"],
                token_endpoint=found["token_endpoint"], jwks_uri=found["jwks_uri"],
                end_session_endpoint=end if isinstance(
                    end := found.get("end_session_endpoint"), str) else None)
            self._jwks = jwt.PyJWKClient(found["jwks_uri"], cache_keys=True, lifespan=600)
        return self._metadata

    async def authorization_url(self, http: aiohttp.ClientSession, *, redirect_uri: str,
                                state: str, nonce: str, code_challenge: str,
                                prompt: str | None = None,
                                max_age: int | None = None) -> str:
        """`prompt=login`: ask for credentials even while the provider's session lasts
        (switching account on a shared device). `max_age=0` also makes the ID token carry
        `auth_time`, which the caller checks (prompt alone is strippable)."""
        meta = await self.metadata(http)
        params = {
            "response_type": "code", "client_id": self.client_id, "redirect_uri": redirect_uri,
            "scope": SCOPE, "state": state, "nonce": nonce, "code_challenge": code_challenge,
            "code_challenge_method": "S256",
        }
        if prompt:
            params["prompt"] = prompt
        if max_age is not None:
            params["max_age"] = str(max_age)
        query = urlencode(params)
        return f"{meta.authorization_endpoint}?{query}"

    async def exchange(self, http: aiohttp.ClientSession, *, code: str, redirect_uri: str,
                       code_verifier: str) -> str:
        """The ID token for an authorization code (refused when used already)."""
        meta = await self.metadata(http)
        form = {"grant_type": "authorization_code", "code": code,
                "redirect_uri": redirect_uri, "code_verifier": code_verifier}
        async with http.post(meta.token_endpoint, data=form, timeout=TIMEOUT,
                             headers={"Authorization": self._basic()}) as response:
            try:
                body = await response.json(content_type=None)
            except ValueError:  # not JSON at all: a proxy's error page, say
                body = None
        if response.status != 200 or not isinstance(body, dict):
            error = body.get("error") if isinstance(body, dict) else None
            raise SignInRefused(f"the provider refused the code ({error or response.status})")
        id_token = body.get("id_token")
        if not isinstance(id_token, str):
            raise SignInRefused("the provider sent no ID token")
        return id_token

    def _basic(self) -> str:
        """client_secret_basic: each part form-urlencoded first (RFC 6749 §2.3.1)."""
        pair = f"{quote_plus(self.client_id)}:{quote_plus(self._secret)}"
        return "Basic " + base64.b64encode(pair.encode()).decode("ascii")

    async def verify_id_token(self, http: aiohttp.ClientSession, id_token: str, *,
                              nonce: str) -> Identity:
        meta = await self.metadata(http)
        assert self._jwks is not None
        try:
            claims = await jwks_claims(self._jwks, id_token, audience=self.client_id,
                                       issuer=meta.issuer)
        except TokenRejected as exc:
            raise SignInRefused(f"ID token refused: {exc}") from None
        sent = claims.get("nonce")
        if not isinstance(sent, str) or not hmac.compare_digest(sent.encode(), nonce.encode()):
            raise SignInRefused("ID token refused: nonce does not match this sign-in")
        azp = claims.get("azp")
        if azp is not None and azp != self.client_id:
            raise SignInRefused("ID token refused: issued to another client")
        audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
        if len(audiences) > 1 and azp is None:  # OIDC Core 3.1.3.7 (4)
            raise SignInRefused("ID token refused: several audiences and no azp naming us")
        if any(aud != self.client_id for aud in audiences):  # 3.1.3.7 (3): none trusted
            raise SignInRefused("ID token refused: it names an untrusted audience")
        name = claims.get("name")
        return Identity(str(claims["sub"]), name if isinstance(name, str) else None, claims)

    async def logout_url(self, http: aiohttp.ClientSession, *,
                         post_logout_redirect_uri: str) -> str | None:
        """RP-initiated logout at the provider (ends its session too), if it offers one.
        `client_id` names us instead of `id_token_hint` (RP-Initiated Logout 1.0 §2
        allows it): the ID token never goes into a URL (history, provider and proxy logs)."""
        meta = await self.metadata(http)
        if not meta.end_session_endpoint:
            return None
        params = {"client_id": self.client_id,
                  "post_logout_redirect_uri": post_logout_redirect_uri}
        return f"{meta.end_session_endpoint}?{urlencode(params)}"
