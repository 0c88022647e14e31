"""People sign in through the real development identity provider in Chromium: the home
page's "Sign in" goes to the provider's login form and back, each role lands on its own
page, the session cookie carries the pages' API calls (with the CSRF header; without it
a state change is refused), and signing out ends the provider's session too."""

from __future__ import annotations

import re
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from services.common import session
from services.dev import idp
from tests.conftest import make_settings
from tests.support.browser import artifacts_dir
from tests.support.idp import SignInWorld
from tests.support.stack import Stack, running_stack

pytestmark = pytest.mark.browser


@pytest.fixture
async def signed_stack(kafka_bootstrap: str, tmp_path: Path,
                       signin_world: SignInWorld) -> AsyncIterator[Stack]:
    settings = make_settings(
        kafka_bootstrap, tmp_path, oidc_issuer=signin_world.provider.issuer,
        oidc_client_id=idp.CLIENT_ID, oidc_client_secret=signin_world.provider.client_secret,
        oidc_role_mapping=idp.ROLE_MAPPING)
    async with running_stack(settings, port=signin_world.app_port) as running:
        yield running


async def sign_in(page: Any, world: SignInWorld, role: str) -> None:
    """From the home page through the provider's own login form, as `role`'s demo user."""
    await page.goto(world.app_base + "/")
    await page.click("#signin")
    await page.wait_for_url(re.compile("^" + re.escape(world.provider.issuer) + "/interaction/"))
    user = world.provider.user(role)
    await page.fill("#username", user.username)
    await page.fill("#password", user.password)
    await page.click("button[type=submit]")


async def call(page: Any, method: str, path: str, *, csrf: bool) -> int:
    """A same-origin fetch from the page, credentials by the session cookie only."""
    status: int = await page.evaluate(
        """async ([method, path, csrf]) => {
             const headers = {"Content-Type": "application/json"};
             if (csrf) headers["X-CSRF-Token"] = window.ORcast.csrfToken();
             const init = {method, headers};
             if (method !== "GET") init.body = "{}";
             return (await fetch(path, init)).status;
           }""", [method, path, csrf])
    return status


async def test_each_role_signs_in_at_the_provider_and_lands_on_its_page(
        signed_stack: Stack, signin_world: SignInWorld, browser: Any) -> None:
    base = signin_world.app_base
    for role, landing in (("coordinator", "/tablet"), ("approver", "/approvals")):
        context = await browser.new_context()
        try:
            page = await context.new_page()
            await sign_in(page, signin_world, role)
            await page.wait_for_url(base + landing)
            await page.screenshot(path=artifacts_dir() / f"signed-in-{role}.png")
            cookies = {c["name"]: c for c in await context.cookies(base)}
            assert cookies["orcast_session"]["httpOnly"] is True
            assert cookies["orcast_session"]["sameSite"] == "Lax"
            assert cookies["orcast_csrf"]["httpOnly"] is False
            assert "access_token" not in page.url
            who = await page.evaluate("fetch('/signin/session').then(r => r.json())")
            assert (who["signed_in"], who["role"]) == (True, role)
            if role == "coordinator":
                # 422: signed in, CSRF accepted, the empty body refused by the handler
                assert await call(page, "POST", "/api/v1/milestones", csrf=True) == 422
                assert await call(page, "POST", "/api/v1/milestones", csrf=False) == 403
                assert await call(page, "GET", "/api/v1/reviews?state=held", csrf=False) == 403
            else:
                assert await call(page, "GET", "/api/v1/reviews?state=held", csrf=False) == 200
                assert await call(page, "POST", "/api/v1/milestones", csrf=True) == 403
        finally:
            await context.close()


async def test_signing_out_ends_the_session_here_and_at_the_provider(
        signed_stack: Stack, signin_world: SignInWorld, browser: Any) -> None:
    base = signin_world.app_base
    context = await browser.new_context()
    try:
        page = await context.new_page()
        await sign_in(page, signin_world, "admin")
        await page.wait_for_url(base + "/cases")
        await page.goto(base + "/")
        await page.locator("#signout button").wait_for()
        assert "Demo admin (admin)" in await page.locator("#who").inner_text()
        await page.click("#signout button")
        # via the provider's end-session endpoint and back to the home page
        await page.wait_for_url(base + "/", timeout=15_000)
        await page.locator("#signin").wait_for()
        assert await page.locator("#signout").is_hidden()
        names = {c["name"] for c in await context.cookies(base)}
        assert "orcast_session" not in names
        assert await call(page, "GET", "/api/v1/cases", csrf=False) == 401
        # The provider forgot the person too: signing in asks for the password again.
        await page.click("#signin")
        await page.wait_for_url(re.compile("^" + re.escape(signin_world.provider.issuer) +
                                           "/interaction/"))
        await page.locator("#password").wait_for()
    finally:
        await context.close()


async def test_a_page_renews_a_session_token_past_its_minutes(
        signed_stack: Stack, signin_world: SignInWorld, browser: Any) -> None:
    """Session tokens live ORCAST_SESSION_MINUTES; orcast.js asks sign-in for the next
    one when an API answers 401, so a person at work is not sent back to sign in."""
    base = signin_world.app_base
    context = await browser.new_context()
    try:
        page = await context.new_page()
        await sign_in(page, signin_world, "approver")
        await page.wait_for_url(base + "/approvals")
        stale, csrf = session.mint(signed_stack.settings, sub="approver", role="approver",
                                   name=None, idp="x", now=time.time() - 3600)
        await context.add_cookies([
            {"name": session.SESSION_COOKIE, "value": stale, "url": base + "/"},
            {"name": session.CSRF_COOKIE, "value": csrf, "url": base + "/"}])
        assert await call(page, "GET", "/api/v1/reviews?state=held", csrf=False) == 401
        status = await page.evaluate(
            "window.ORcast.api('GET', '/api/v1/reviews?state=held').then(r => r.status)")
        assert status == 200
        assert await call(page, "GET", "/api/v1/reviews?state=held", csrf=False) == 200
    finally:
        await context.close()
