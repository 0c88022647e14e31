"""Attacks on sign-in's configuration and sessions."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from aiohttp import web

from services.common.settings import ConfigError, Settings
from services.dev import idp
from services.signin.api import setup_signin


def test_sign_in_without_an_https_public_url_is_refused(tmp_path: Path) -> None:
    """Attack: deploy/k8s/configmap.yaml leaves ORCAST_PUBLIC_URL commented out next to
    the sign-in settings. Without it `secure_cookies` asks `request.secure`, which behind
    the TLS-terminating ingress is always False (the pod is reached over http), so
    orcast_session and orcast_csrf are set without `Secure`. Someone on the hospital
    network gets any plain-http request to orcast.example.org out of the browser (an
    <img src="http://orcast.example.org/x"> on any page) and reads the session cookie
    off the wire before ingress-nginx redirects it. The redirect_uri and the join links'
    URLs are likewise built from the Host header and `http`.
    Safe: sign-in (sessions) refuses to start without an https ORCAST_PUBLIC_URL
    (ConfigError naming it), as it does without ORCAST_SESSION_KEY."""
    settings = Settings(data_dir=tmp_path, secret="s" * 40,
                        oidc_issuer="https://idp.example.org", oidc_client_id=idp.CLIENT_ID,
                        oidc_client_secret="client-secret", oidc_role_mapping=idp.ROLE_MAPPING)
    assert settings.public_url is None
    with pytest.raises(ConfigError, match="ORCAST_PUBLIC_URL"):
        setup_signin(web.Application(), settings)


@pytest.mark.parametrize("weak", ["CHANGE-ME", "secret", "x" * 16])
def test_a_placeholder_or_short_session_key_is_refused(weak: str) -> None:
    """Attack: deploy/k8s/secret.example.yaml ships `ORCAST_SESSION_KEY: CHANGE-ME`
    (uncommented, unlike ORCAST_SECRET), and nothing checks the key's length, though the
    comment asks for 32+ random bytes. A site that applies the example as is (or picks a
    short word) lets anyone mint an HS256 `orcast_session` cookie offline, role admin or
    any other, that every service accepts: no provider, no password. A short key also
    falls to an offline guess from any one captured cookie.
    Safe: Settings.from_env refuses a session key shorter than 32 bytes (ConfigError
    naming ORCAST_SESSION_KEY), so no service starts with it."""
    from services.common import session

    env = {"ORCAST_JWKS_URL": "https://idp.example.org/jwks", "ORCAST_SESSION_KEY": weak,
           "ORCAST_IDENTIFIER_KEY": "i" * 44}
    forged_with = Settings(jwks_url="https://idp.example.org/jwks",
                           session_key=weak.encode())
    with warnings.catch_warnings():  # PyJWT only warns about the key's length
        warnings.simplefilter("ignore")
        token, _ = session.mint(forged_with, sub="mallory", role="admin", name=None, idp="x")
        assert session.verify(forged_with, token).principal.role == "admin"  # it grants
    with pytest.raises(ConfigError, match="ORCAST_SESSION_KEY"):
        Settings.from_env(env)


def test_session_cookies_cannot_be_planted_by_a_sibling_host() -> None:
    """Attack: any host of the same site (intranet.example.org, or a plain-http host there
    that someone on the hospital network answers) sets `orcast_signin` (or
    `orcast_session`) with `Domain=example.org; Path=/signin` in the victim's browser:
    its own pending sign-in, whose provider callback URL (code + state) the attacker
    holds. Navigating the victim there then passes the state check and signs the victim
    in as the attacker (login CSRF): the coordinator's taps go in another's name.
    Cookies without the `__Host-` prefix accept such a Domain.
    Safe: over https the session, CSRF and pending sign-in cookies are `__Host-` cookies
    (Secure, Path=/, no Domain), which no other host can set."""
    from aiohttp.test_utils import make_mocked_request

    from services.common import session
    from services.signin.api import PENDING_COOKIE

    settings = Settings(secret="s" * 40, public_url="https://orcast.example.org")
    request = make_mocked_request("GET", "/signin/callback")
    response = web.Response()
    session.set_cookies(response, request, settings, "token", "csrf")
    names = set(response.cookies) | {PENDING_COOKIE}
    assert all(name.startswith("__Host-") for name in names), sorted(names)
