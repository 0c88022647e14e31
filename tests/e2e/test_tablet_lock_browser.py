"""The shared OR tablet's lock, attacked by whoever picks the tablet up."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.test_signin_browser import _status_with, locking_stack, sign_in  # noqa: F401
from tests.support.browser import until_attached
from tests.support.idp import SignInWorld
from tests.support.stack import Stack

pytestmark = pytest.mark.browser


async def test_a_locked_tablet_does_not_read_cases_by_a_typed_address(
        locking_stack: Stack, signin_world: SignInWorld, browser: Any) -> None:  # noqa: F811
    """Attack: the coordinator walks away; the tablet locks (ORCAST_TABLET_LOCK_MINUTES).
    Whoever picks it up types https://orcast/api/v1/cases?active=true (or any case's
    address) into the address bar: the lock is drawn by the page only, the session cookie
    is untouched and still renewed, and a typed address (`Sec-Fetch-Site: none`) reads
    the coordinator's cases in the coordinator's name.
    Safe: once the tablet has locked, the session no longer reads anything until its
    person signs in again (the lock ends or suspends the session on the server)."""
    base = signin_world.app_base
    context = await browser.new_context()
    try:
        page = await context.new_page()
        await sign_in(page, signin_world, "coordinator")
        await page.wait_for_url(base + "/tablet")
        assert await _status_with(context, base, "/api/v1/cases?active=true") == 200
        await page.locator("#tablet-lock").wait_for(timeout=10_000)
        await page.wait_for_timeout(500)
        assert await _status_with(context, base, "/api/v1/cases?active=true") == 401, \
            "the locked tablet's cookie still reads the coordinator's cases"
    finally:
        await context.close()


async def test_a_tablet_opened_during_a_wifi_drop_still_locks_when_untouched(
        locking_stack: Stack, signin_world: SignInWorld, browser: Any) -> None:  # noqa: F811
    """Attack: the OR Wi-Fi drops while the tablet reloads (or it is rebooted): the page
    opens offline with the person last signed in here, and `TabletLock.start` returns
    at once for an offline start (`if (!this.minutes || this.who.offline) return;`). The
    network comes back, the cookie works again, and the tablet never locks for the rest
    of the shift: whoever picks it up taps milestones and reads cases as the coordinator.
    Safe: the lock timer runs whether the page opened online or offline (an offline page
    is exactly the one nobody can re-check), so the tablet locks after
    ORCAST_TABLET_LOCK_MINUTES untouched."""
    base = signin_world.app_base
    context = await browser.new_context()
    try:
        page = await context.new_page()
        await sign_in(page, signin_world, "coordinator")
        await page.wait_for_url(base + "/tablet")
        await page.locator("#shell-who").wait_for()

        async def unreachable(route: Any) -> None:
            await route.abort()

        await context.route("**/signin/session", unreachable)  # the Wi-Fi drop
        await page.reload()
        who = page.locator("#shell-who")
        await who.wait_for()
        assert "(offline)" in await who.inner_text()  # opened offline, as the person
        await context.unroute("**/signin/session", unreachable)  # the Wi-Fi is back
        lock = page.locator("#tablet-lock")
        # untouched for up to 8 s, more than twice the 3 s lock time (once shown, the
        # lock stays until a new sign-in: lock.js never removes it)
        await until_attached(lock, 8_000)
        assert await lock.count() == 1, "the tablet stayed open, untouched, past its lock time"
    finally:
        await context.close()
