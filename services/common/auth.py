"""Bearer JWTs with a `role` claim; which roles each endpoint admits.

Development signs HS256 with `ORCAST_SECRET`; production verifies the
identity provider's tokens through its JWKS (`ORCAST_JWKS_URL`). Algorithms are
pinned per mode, so `alg: none` or an HS256 token forged with a public key is
refused, and so is an ID token (sign-in's proof of identity, never an API token).
Tokens are never logged.
"""

from __future__ import annotations

import asyncio
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, TypeVar

import jwt

from .settings import Settings

ROLES: Final = ("coordinator", "approver", "student", "compliance", "admin")
PUBLIC: Final = frozenset({"*"})
ANY_ROLE: Final = frozenset(ROLES)
ROLES_ATTR = "__orcast_roles__"
QUERY_TOKEN_ATTR = "__orcast_query_token__"
GUESTS_ATTR = "__orcast_guests__"


# Tokens verified once are remembered this long (bounded by their exp) and this many.
TOKEN_CACHE_SECONDS: Final = 30.0
TOKEN_CACHE_SIZE: Final = 4096


class TokenRejected(Exception):
    """The token is missing or invalid (HTTP 401). The message never holds the token."""


@dataclass(frozen=True, slots=True)
class Principal:
    sub: str
    role: str
    name: str | None = None
    # Unix time the token stops being valid (its `exp`): long-lived streams end there.
    expires_at: float | None = field(default=None, compare=False)
    # A guest who came through a join link (services/viewer/joinlinks.py): may watch this
    # one broadcast and use nothing else (`allow(..., guests=True)` marks what it may use).
    broadcast: str | None = None
    join_link: str | None = None  # the link's id, so revoking it ends its sockets

    @property
    def guest(self) -> bool:
        return self.broadcast is not None

    def as_actor(self) -> dict[str, str]:
        return {"sub": self.sub, "role": self.role}


class TokenVerifier:
    def __init__(self, settings: Settings) -> None:
        settings.require_auth()
        self._settings = settings
        self._jwks: jwt.PyJWKClient | None = None
        if settings.jwks_url:
            # The key set is cached for `lifespan`; its keys are not cached apart from it
            # (cache_keys=True kept every key it had seen for the process's life, so a key
            # the provider revoked went on verifying). Repeated tokens are remembered here.
            self._jwks = jwt.PyJWKClient(settings.jwks_url, cache_keys=False, lifespan=600)
        # The provider's own tokens name groups, not ORcast roles: the sign-in mapping
        # gives them one when they carry no `role` claim (no mapping, no role).
        self._mapping: Callable[[Mapping[str, Any]], str | None] | None = None
        if settings.jwks_url and settings.oidc_role_mapping:
            from .rolemap import load

            self._mapping = load(settings.oidc_role_mapping).role_for
        # exact token string -> (principal, verified until, provider key set it matched)
        self._verified: OrderedDict[str, tuple[Principal, float, object | None]] = \
            OrderedDict()

    async def verify(self, token: str) -> Principal:
        """The principal of a valid API token, else TokenRejected. A token verified in the
        last TOKEN_CACHE_SECONDS is answered from memory (a tablet sends the same token
        with every POST; issue 14), never past its `exp`, and in JWKS mode only while the
        provider's key set it was checked against is still the one held."""
        remembered = self._recall(token)
        if remembered is not None:
            return remembered
        key_set = self._key_set()  # before the look-up: a refresh after it forgets this
        principal = await self._verify(token)
        if self._jwks is None or key_set is not None:
            self._remember(token, principal, key_set)
        return principal

    def _key_set(self) -> object | None:
        """The provider's key set held now (None: none held, or its lifespan is over)."""
        cache = self._jwks.jwk_set_cache if self._jwks is not None else None
        return cache.get() if cache is not None else None

    def _recall(self, token: str) -> Principal | None:
        entry = self._verified.get(token)
        if entry is None:
            return None
        principal, until, key_set = entry
        if time.time() >= until or (self._jwks is not None and self._key_set() is not key_set):
            del self._verified[token]
            return None
        self._verified.move_to_end(token)
        return principal

    def _remember(self, token: str, principal: Principal, key_set: object | None) -> None:
        until = time.time() + TOKEN_CACHE_SECONDS
        if principal.expires_at is not None:
            until = min(until, principal.expires_at)  # never trusted past its exp
        self._verified[token] = (principal, until, key_set)
        while len(self._verified) > TOKEN_CACHE_SIZE:
            self._verified.popitem(last=False)  # least recently used

    async def _verify(self, token: str) -> Principal:
        key: Any
        if self._jwks is not None:
            key, algorithms = await signing_key(self._jwks, token), list(JWKS_ALGORITHMS)
        else:
            key, algorithms = self._settings.secret, ["HS256"]
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=algorithms,
                audience=self._settings.jwt_audience,
                issuer=self._settings.jwt_issuer,
                options={"require": ["exp", "sub", "aud"]},
                leeway=30,
            )
        except jwt.ExpiredSignatureError:
            raise TokenRejected("token expired") from None
        except jwt.InvalidAudienceError:
            raise TokenRejected("token audience not accepted") from None
        except jwt.PyJWTError as exc:
            raise TokenRejected(f"invalid token: {type(exc).__name__}") from None
        if id_token_shape(claims):
            raise TokenRejected("an ID token is not an API token")
        role = claims.get("role")
        if "role" not in claims and self._mapping is not None:
            role = self._mapping(claims)
        if role not in ROLES:
            raise TokenRejected("token has no valid role claim")
        problem = subject_problem(str(claims["sub"]))
        if problem:
            raise TokenRejected(f"token subject refused: {problem}")
        return Principal(sub=str(claims["sub"]), role=role, name=claims.get("name"),
                         expires_at=float(claims["exp"]))


JWKS_ALGORITHMS: Final = ("RS256", "ES256", "PS256", "EdDSA")
# Claims only an OpenID Connect ID token carries. Sign-in always sends a nonce, so every
# ID token ORcast receives has one; access tokens (RFC 9068) never do.
ID_TOKEN_CLAIMS: Final = ("nonce", "at_hash", "c_hash", "s_hash")


def id_token_shape(claims: Mapping[str, Any]) -> bool:
    """An ID token (proof of a sign-in to a client), not an access token: where the API
    audience is also the sign-in client id, the provider signs both for it."""
    typ = claims.get("typ")  # Keycloak names its tokens: "ID" / "Bearer"
    return any(name in claims for name in ID_TOKEN_CLAIMS) or \
        (isinstance(typ, str) and typ.upper() == "ID")


async def signing_key(jwks: jwt.PyJWKClient, token: str) -> Any:
    """The key of `jwks` that signed `token` (fetched off the event loop: the first look-up
    or an unknown `kid` goes to the provider)."""
    try:
        return (await asyncio.to_thread(jwks.get_signing_key_from_jwt, token)).key
    except jwt.PyJWTError as exc:
        raise TokenRejected(f"signing key not found: {type(exc).__name__}") from None


async def jwks_claims(jwks: jwt.PyJWKClient, token: str, *, audience: str, issuer: str,
                      leeway: int = 30) -> dict[str, Any]:
    """The claims of a token signed by one of `jwks`'s keys, for `audience`, from `issuer`
    (sign-in's ID tokens); TokenRejected naming what failed, never quoting the token."""
    key = await signing_key(jwks, token)
    try:
        claims: dict[str, Any] = jwt.decode(
            token, key, algorithms=list(JWKS_ALGORITHMS), audience=audience, issuer=issuer,
            options={"require": ["exp", "iat", "sub", "aud", "iss"]}, leeway=leeway)
    except jwt.ExpiredSignatureError:
        raise TokenRejected("token expired") from None
    except jwt.InvalidAudienceError:
        raise TokenRejected("token audience not accepted") from None
    except jwt.InvalidIssuerError:
        raise TokenRejected("token issuer not accepted") from None
    except jwt.PyJWTError as exc:
        raise TokenRejected(f"invalid token: {type(exc).__name__}") from None
    return claims


def subject_problem(sub: str) -> str | None:
    """Why a `sub` is refused, or None. A subject that could pass for another one
    (`"dev-coordinator "`, a zero-width joiner, a full-width letter) never authenticates."""
    if not sub:
        return "empty"
    if sub != sub.strip():
        return "leading or trailing whitespace"
    if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in sub):
        return "control or format characters"
    if unicodedata.normalize("NFKC", sub) != sub:
        return "not in Unicode NFKC form"
    return None


def normalise_subject(sub: str) -> str:
    """The comparable form of a subject: NFKC, trimmed, case-folded."""
    return unicodedata.normalize("NFKC", sub).strip().casefold()


def same_person(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Two actors (`{sub, role[, iss]}`) are the same person when issuer and normalised
    subject match. Actors without `iss` come from the one configured issuer."""
    return (a.get("iss") or "") == (b.get("iss") or "") and \
        normalise_subject(str(a["sub"])) == normalise_subject(str(b["sub"]))


def issue_token(
    settings: Settings, *, sub: str, role: str, ttl: int = 12 * 3600, name: str | None = None,
    **extra: Any,
) -> str:
    """HS256 token for development and tests."""
    if not settings.secret:
        raise RuntimeError("issuing tokens needs ORCAST_SECRET")
    now = int(time.time())
    claims: dict[str, Any] = {
        "sub": sub, "role": role, "aud": settings.jwt_audience, "iat": now, "exp": now + ttl,
    }
    if settings.jwt_issuer:
        claims["iss"] = settings.jwt_issuer
    if name:
        claims["name"] = name
    claims.update(extra)
    return jwt.encode(claims, settings.secret, algorithm="HS256")


F = TypeVar("F", bound=Callable[..., Any])


def allow(roles: Iterable[str] | frozenset[str], *, query_token: bool = False,
          guests: bool = False) -> Callable[[F], F]:
    """Declare the roles a handler admits; the auth middleware enforces it.

    A route without a declaration is refused (fail closed). `query_token`
    admits `?access_token=` for WebSocket and EventSource, which cannot send headers.
    `guests`: a join link's guest (a principal scoped to one broadcast) may call it too;
    every other handler refuses guests whatever their role, so the handler must itself
    keep a guest to its broadcast.
    """
    admitted = frozenset(roles)
    unknown = admitted - set(ROLES) - PUBLIC
    if unknown:
        raise ValueError(f"unknown roles {sorted(unknown)}")

    def mark(handler: F) -> F:
        setattr(handler, ROLES_ATTR, admitted)
        setattr(handler, QUERY_TOKEN_ATTR, query_token)
        setattr(handler, GUESTS_ATTR, guests)
        return handler

    return mark
