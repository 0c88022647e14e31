"""Tokens: the role table is enforced in one place and fails closed."""

from __future__ import annotations

import time

import jwt
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from services.common import auth
from services.common.settings import Settings
from services.common.web import create_base_app, principal

SECRET = "unit-test-secret-0123456789abcdef"


def settings() -> Settings:
    return Settings(secret=SECRET)


@auth.allow({"approver"})
async def approvers_only(request: web.Request) -> web.Response:
    return web.json_response({"sub": principal(request).sub})


async def undeclared(request: web.Request) -> web.Response:
    return web.json_response({"leak": True})


@pytest.fixture
async def client() -> TestClient[web.Request, web.Application]:
    app = create_base_app(settings())
    app.router.add_get("/approvers", approvers_only)
    app.router.add_get("/undeclared", undeclared)
    test_client = TestClient(TestServer(app))
    await test_client.start_server()
    yield test_client
    await test_client.close()


def token(**claims: object) -> str:
    base: dict[str, object] = {"sub": "a-1", "role": "approver", "aud": "orcast",
                               "exp": int(time.time()) + 3600}
    base.update(claims)
    return jwt.encode(base, SECRET, algorithm="HS256")


@pytest.mark.parametrize(("header", "status"), [
    (None, 401),
    ("Bearer " + token(), 200),
    ("Bearer " + token(role="student"), 403),
    ("Bearer " + token(exp=int(time.time()) - 120), 401),
    ("Bearer " + token(aud="someone-else"), 401),
    ("Bearer " + token(role="superuser"), 401),
    ("Bearer " + jwt.encode({"sub": "a", "role": "approver", "aud": "orcast",
                             "exp": int(time.time()) + 3600},
                            "wrong-secret-0123456789abcdef-0123456789", algorithm="HS256"), 401),
    ("Bearer " + jwt.encode({"sub": "a", "role": "approver", "aud": "orcast",
                             "exp": int(time.time()) + 3600}, None, algorithm="none"), 401),
    ("Basic dXNlcjpwYXNz", 401),
])
async def test_role_table(client: TestClient[web.Request, web.Application], header: str | None,
                          status: int) -> None:
    headers = {"Authorization": header} if header else {}
    response = await client.get("/approvers", headers=headers)
    assert response.status == status
    body = await response.json()
    if status != 200:
        assert set(body["error"]) >= {"code", "message"}
        assert (header or "x").split(" ")[-1] not in str(body)  # the token is never echoed


@pytest.mark.parametrize("sub", [
    "dev-coordinator ", " dev-coordinator", "dev-coordinator\t", "dev\u200bcoordinator",
    "dev-coordinator\u202e", "dev\x00coordinator", "\uff44ev-coordinator", "dev-coordinator\u00a0",
    "e\u0301ve",
])
async def test_subjects_that_could_pass_for_another_are_refused(
        client: TestClient[web.Request, web.Application], sub: str) -> None:
    response = await client.get("/approvers",
                                headers={"Authorization": "Bearer " + token(sub=sub)})
    assert response.status == 401
    assert "subject" in (await response.json())["error"]["message"]
    ok = await client.get("/approvers", headers={"Authorization": "Bearer " + token(
        sub="dev-coordinator")})
    assert ok.status == 200


def test_subject_normalisation() -> None:
    assert auth.normalise_subject(" Dev-Coordinator ") == "dev-coordinator"
    assert auth.normalise_subject("\uff24ev") == "dev"
    assert auth.same_person({"sub": "A"}, {"sub": "a "})
    assert not auth.same_person({"sub": "a", "iss": "x"}, {"sub": "a", "iss": "y"})
    assert auth.subject_problem("\u00e9ve") is None


async def test_route_without_declaration_is_refused(
        client: TestClient[web.Request, web.Application]) -> None:
    response = await client.get("/undeclared",
                                headers={"Authorization": "Bearer " + token(role="admin")})
    assert response.status == 403
    assert "leak" not in await response.text()


async def test_unknown_route_is_a_json_404(
        client: TestClient[web.Request, web.Application]) -> None:
    response = await client.get("/nope")
    assert response.status == 404
    assert (await response.json())["error"]["code"] == "not_found"


async def test_pages_and_api_carry_hardening_headers(
        client: TestClient[web.Request, web.Application]) -> None:
    response = await client.get("/healthz")
    assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_unknown_role_in_declaration_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown roles"):
        auth.allow({"janitor"})


def test_settings_need_a_secret_or_jwks_for_verification() -> None:
    from services.common.settings import ConfigError

    with pytest.raises(ConfigError, match="ORCAST_SECRET"):
        auth.TokenVerifier(Settings())
    with pytest.raises(ConfigError, match="ORCAST_IDENTIFIER_KEY"):
        Settings(jwks_url="https://idp.example/jwks").require_identifier_key()
