"""Tokens that must all be refused, made the way an attacker or a stale client would."""

from __future__ import annotations

import time
from typing import Any

import jwt

from services.common.auth import issue_token
from services.common.settings import Settings


def _claims(settings: Settings, **overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    claims: dict[str, Any] = {"sub": "intruder", "role": "admin", "aud": settings.jwt_audience,
                              "iat": now, "exp": now + 600}
    claims.update(overrides)
    return claims


def bad_tokens(settings: Settings) -> dict[str, str | None]:
    """name -> token (None: no Authorization header at all)."""
    assert settings.secret
    return {
        "no token": None,
        "expired": issue_token(settings, sub="stale", role="admin", ttl=-3600),
        "alg none": jwt.encode(_claims(settings), None,  # type: ignore[arg-type]
                               algorithm="none"),
        "wrong signature": jwt.encode(_claims(settings), "not-the-secret-" * 3,
                                      algorithm="HS256"),
        "wrong audience": jwt.encode(_claims(settings, aud="someone-else"), settings.secret,
                                     algorithm="HS256"),
        "unknown role": jwt.encode(_claims(settings, role="root"), settings.secret,
                                   algorithm="HS256"),
        "no expiry": jwt.encode({k: v for k, v in _claims(settings).items() if k != "exp"},
                                settings.secret, algorithm="HS256"),
        "garbage": "not.a.jwt",
    }
