"""Headless Debian Chromium driven by Playwright (no browser download: executable_path)."""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path
from typing import Any

from services.common import session
from services.common.auth import Principal
from services.common.settings import Settings

CHROMIUM = os.environ.get("ORCAST_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def artifacts_dir() -> Path:
    path = Path(os.environ.get("ORCAST_TEST_ARTIFACTS", "test-artifacts"))
    path.mkdir(parents=True, exist_ok=True)
    return path


async def sign_in_as(context: Any, settings: Settings, base_url: str, role: str,
                     sub: str | None = None, *, now: float | None = None,
                     ends_in: float | None = None) -> None:
    """Give a browser context the session a sign-in would (services/signin/api.py's
    `session.mint` and cookies), without walking a provider's login form: the pages' own
    tests start signed in. tests/e2e/test_signin_browser.py walks the real provider.
    `now` backdates the sign-in; `ends_in` makes the sign-in itself end that many seconds
    from now (a shift that is over: no renewal past it)."""
    sub = sub or f"test-{role}"
    ending = None if ends_in is None else session.Session(
        Principal(sub=sub, role=role), secrets.token_urlsafe(32), "test",
        secrets.token_urlsafe(16), time.time() + ends_in)
    token, csrf = session.mint(settings, sub=sub, role=role, name=f"Test {role}",
                               idp="test", now=now, renewing=ending)
    url = base_url.rstrip("/") + "/"
    await context.add_cookies([
        {"name": session.SESSION_COOKIE, "value": token, "url": url, "httpOnly": True,
         "sameSite": "Lax"},
        {"name": session.CSRF_COOKIE, "value": csrf, "url": url, "sameSite": "Lax"}])


async def until_attached(locator: Any, timeout_ms: float) -> None:
    """Returns once `locator` is in the page, or after `timeout_ms` if it never comes: a
    wait that ends at the event instead of always at the bound. The caller's own assertion
    then says what was wrong."""
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    try:
        await locator.wait_for(state="attached", timeout=timeout_ms)
    except PlaywrightTimeout:
        pass


async def until_response(page: Any, path: str, timeout_ms: float) -> None:
    """Returns once the page has had an answer to a request for `path`, or after
    `timeout_ms` if none comes (the caller's assertion then says what was wrong)."""
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    try:
        await page.wait_for_event("response", lambda r: r.url.split("?")[0].endswith(path),
                                  timeout=timeout_ms)
    except PlaywrightTimeout:
        pass
