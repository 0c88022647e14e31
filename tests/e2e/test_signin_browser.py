"""People sign in through the real development identity provider in Chromium: the home
page's "Sign in" goes to the provider's login form and back, each role lands on its own
page inside the shared shell and the page works on the session cookie (with the CSRF
header; without it a state change is refused); a wrong role is told who may use the page
and switches account; signing out ends the session in every tab and at the provider; an
expired sign-in asks to sign in again and the tablet's queued update survives it."""

from __future__ import annotations

import re
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from services.common import session, topics
from services.dev import idp
from services.signin.api import ROLE_PAGES
from tests.conftest import make_settings
from tests.ingest.support import topic_events
from tests.support.browser import artifacts_dir
from tests.support.idp import SignInWorld
from tests.support.stack import Stack, eventually, running_stack

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


@pytest.fixture
async def locking_stack(kafka_bootstrap: str, tmp_path: Path,
                        signin_world: SignInWorld) -> AsyncIterator[Stack]:
    """The tablet locks after 3 s untouched (ORCAST_TABLET_LOCK_MINUTES=0.05)."""
    settings = make_settings(
        kafka_bootstrap, tmp_path, oidc_issuer=signin_world.provider.issuer,
        oidc_client_id=idp.CLIENT_ID, oidc_client_secret=signin_world.provider.client_secret,
        oidc_role_mapping=idp.ROLE_MAPPING, tablet_lock_minutes=0.05)
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


async def finish_sign_in(page: Any, world: SignInWorld, role: str, landing: str) -> None:
    """After a link to /signin: the provider may ask for the password (a new or switched
    account) or, still holding the person's session, send the browser straight back."""
    base = world.app_base
    back = re.compile("^" + re.escape(base + landing) + "$")
    at_provider = re.compile("^" + re.escape(world.provider.issuer) + "/interaction/")
    for _ in range(150):
        if back.match(page.url):
            return
        if at_provider.match(page.url) and await page.locator("#username").count():
            user = world.provider.user(role)
            await page.fill("#username", user.username)
            await page.fill("#password", user.password)
            await page.click("button[type=submit]")
            await page.wait_for_url(back, timeout=15_000)
            return
        await page.wait_for_timeout(100)
    raise AssertionError(f"sign-in did not come back to {landing}: at {page.url}")


async def tablet_sends(page: Any, stack: Stack, case_id: str, milestone: str) -> None:
    """Pick the case on the tablet, tap `milestone`, and see the server take it."""
    await page.locator(f'#case option[value="{case_id}"]').wait_for(state="attached")
    await page.select_option("#case", case_id)
    await page.locator(f'#milestones button[data-milestone="{milestone}"]').click()
    try:
        # The tablet keeps the tap queued and resends it while ingest answers "busy" or
        # "delayed" (Retry-After), as it should under a loaded CI machine: wait long enough
        # for a resend, and say what the tablet showed if it never got through.
        await page.locator(f'#strip li[data-milestone="{milestone}"]'
                           ':not([data-status="queued"])').wait_for(timeout=45_000)
    except Exception as exc:
        pill = page.locator("#connection")
        raise AssertionError(
            f"the tap stayed queued; the tablet showed {await pill.inner_text()!r} "
            f"(state {await pill.get_attribute('data-state')!r})") from exc
    await page.locator('#queue[data-count="0"]').wait_for()
    sent = [e for e in await _submitted(stack, case_id) if e["milestone"] == milestone]
    assert [s["author"] for s in sent] == [{"sub": "coordinator", "role": "coordinator"}]


async def _submitted(stack: Stack, case_id: str) -> list[dict[str, Any]]:
    return [e["data"] for e in await topic_events(stack.settings,
                                                  topics.MILESTONES_SUBMITTED.name)
            if e["data"]["case_id"] == case_id]


async def _listed(stack: Stack, broadcast_id: str) -> bool:
    status, body, _ = await stack.request("GET", "/api/v1/live/cases", role="student")
    return status == 200 and any(c["broadcast_id"] == broadcast_id for c in body["cases"])


async def _status_with(context: Any, base: str, path: str) -> int:
    """An API call with the context's cookies, as a typed address would make it."""
    response = await context.request.get(base + path, headers={"Sec-Fetch-Site": "none"})
    return int(response.status)


async def test_each_role_signs_in_at_the_provider_and_lands_on_its_working_page(
        signed_stack: Stack, signin_world: SignInWorld, browser: Any) -> None:
    """Through the provider's own login form, each role lands on its page inside the
    shell (name, role, the role's links, sign-out), and the page works on the session
    cookie alone: the coordinator's tablet sends a milestone, the approver's queue loads,
    the student's live list is live, the admin's cases list the case, the compliance
    officer's audit log verifies."""
    base = signin_world.app_base
    case = await signed_stack.register_case(coordinators=["coordinator"])
    await eventually(lambda: _listed(signed_stack, case["broadcast_id"]), 15, 0.2,
                     "the case on the live list")
    links = {"coordinator": ["/tablet", "/live"], "approver": ["/approvals", "/live"],
             "student": ["/live"], "admin": ["/live", "/cases"],
             "compliance": ["/live", "/cases", "/compliance"]}
    for role, landing in ROLE_PAGES.items():
        context = await browser.new_context()
        try:
            page = await context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            await sign_in(page, signin_world, role)
            await page.wait_for_url(base + landing)
            await page.locator("#orcast-shell #shell-who").wait_for()
            assert await page.inner_text("#shell-who") == f"Demo {role} · {role}"
            shown = await page.eval_on_selector_all(
                "#orcast-shell nav a", "links => links.map(a => a.getAttribute('href'))")
            assert sorted(shown) == sorted(links[role]), (role, shown)
            assert await page.locator(f'#orcast-shell nav a[href="{landing}"]'
                                      ).get_attribute("aria-current") == "page"
            cookies = {c["name"]: c for c in await context.cookies(base)}
            assert cookies["orcast_session"]["httpOnly"] is True
            assert cookies["orcast_session"]["sameSite"] == "Lax"
            assert cookies["orcast_csrf"]["httpOnly"] is False
            assert "access_token" not in page.url
            if role == "coordinator":
                await tablet_sends(page, signed_stack, case["case_id"], "patient_in_room")
                # a state change without the CSRF header is refused, with it accepted
                assert await call(page, "POST", "/api/v1/milestones", csrf=True) == 422
                assert await call(page, "POST", "/api/v1/milestones", csrf=False) == 403
            elif role == "approver":
                await page.locator("#queue .item, #empty:not([hidden])").first.wait_for()
                assert "error" not in (await page.get_attribute("#status", "class") or "")
                assert await call(page, "POST", "/api/v1/milestones", csrf=True) == 403
            elif role == "student":
                await page.locator('#conn[data-state="live"]').wait_for(timeout=15_000)
                await page.locator(f'#cases li[data-broadcast="{case["broadcast_id"]}"]'
                                   ).wait_for()
            elif role == "admin":
                await page.locator(f'#cases tr[data-case="{case["case_id"]}"]').wait_for()
            else:
                await page.click("#verify-btn")
                await page.locator("#verify-result.ok").wait_for(timeout=15_000)
            await page.screenshot(path=artifacts_dir() / f"signed-in-{role}.png")
            assert errors == [], (role, errors)
        finally:
            await context.close()


async def test_a_wrong_role_is_told_who_may_use_the_page_and_switches_account(
        signed_stack: Stack, signin_world: SignInWorld, browser: Any) -> None:
    """A student who opens the tablet reads that it is for OR coordinators and can switch
    account: the session ends, the provider asks for credentials again (not the
    remembered student), and the coordinator comes back to the tablet, which works."""
    base = signin_world.app_base
    case = await signed_stack.register_case(coordinators=["coordinator"])
    context = await browser.new_context()
    try:
        page = await context.new_page()
        await sign_in(page, signin_world, "student")
        await page.wait_for_url(base + "/live")
        await page.goto(base + "/tablet")
        gate = page.locator("#role-gate")
        await gate.wait_for()
        said = await gate.inner_text()
        assert "The OR tablet is for OR coordinators." in said
        assert "You are signed in as Demo student, a student" in said
        assert await page.locator("#workspace").is_hidden()
        assert await page.locator("#role-gate-mine").get_attribute("href") == "/live"
        await page.screenshot(path=artifacts_dir() / "wrong-role-tablet.png")
        student = {c["name"]: c["value"] for c in await context.cookies(base)}
        await page.click("#role-gate-switch")
        await page.wait_for_url(re.compile("^" + re.escape(signin_world.provider.issuer) +
                                           "/interaction/"))
        await page.locator("#password").wait_for()  # asked again, not signed in silently
        # The student's session ended with the switch: a copy of its cookie opens nothing.
        spare = await browser.new_context()
        try:
            await spare.add_cookies([{"name": "orcast_session", "url": base + "/",
                                      "value": student["orcast_session"]}])
            assert await _status_with(spare, base, "/api/v1/live/cases") == 401
        finally:
            await spare.close()
        await finish_sign_in(page, signin_world, "coordinator", "/tablet")
        await tablet_sends(page, signed_stack, case["case_id"], "patient_in_room")
    finally:
        await context.close()


async def test_signing_out_ends_the_session_in_every_tab_and_at_the_provider(
        signed_stack: Stack, signin_world: SignInWorld, browser: Any) -> None:
    """Sign-out from the shell on one page: the provider forgets the person, another tab's
    page (another service's) is refused and offers to sign in again, and a copy of the
    old cookie opens no API."""
    base = signin_world.app_base
    context = await browser.new_context()
    try:
        page = await context.new_page()
        await sign_in(page, signin_world, "compliance")
        await page.wait_for_url(base + "/compliance")
        other = await context.new_page()
        await other.goto(base + "/cases")
        await other.locator("#shell-who").wait_for()
        old = {c["name"]: c["value"] for c in await context.cookies(base)}

        await page.click("#shell-signout")
        # via the provider's end-session endpoint and back to the home page
        await page.wait_for_url(base + "/", timeout=15_000)
        await page.locator("#shell-signin").wait_for()
        assert await page.locator("#shell-signout").count() == 0
        names = {c["name"] for c in await context.cookies(base)}
        assert "orcast_session" not in names

        # The other tab, still open, says at once that the sign-in ended; its calls fail.
        await other.locator("#session-ended #signin-again").wait_for()
        status = await other.evaluate(
            "window.ORcast.api('GET', '/api/v1/cases').then(r => r.status, e => e.status)")
        assert status == 401
        # Reloaded, it goes to sign in, and the provider asks for the password again.
        await other.reload()
        await other.wait_for_url(re.compile("^" + re.escape(signin_world.provider.issuer) +
                                            "/interaction/"))
        await other.locator("#password").wait_for()
        # A copy of the old cookie is dead too (the sign-out was recorded).
        spare = await browser.new_context()
        try:
            await spare.add_cookies([{"name": "orcast_session", "url": base + "/",
                                      "value": old["orcast_session"]}])
            assert await _status_with(spare, base, "/api/v1/audit/verify") == 401
        finally:
            await spare.close()
    finally:
        await context.close()


async def test_an_expired_session_asks_to_sign_in_again_and_keeps_the_tablet_queue(
        signed_stack: Stack, signin_world: SignInWorld, browser: Any) -> None:
    """A tap made offline waits in the tablet's queue; meanwhile the shift's sign-in
    ended. Back online, the page asks to sign in again, the update still waits, and it is
    sent once the coordinator is back (exactly once)."""
    base = signin_world.app_base
    case = await signed_stack.register_case(coordinators=["coordinator"])
    context = await browser.new_context()
    try:
        page = await context.new_page()
        await sign_in(page, signin_world, "coordinator")
        await page.wait_for_url(base + "/tablet")
        await page.locator(f'#case option[value="{case["case_id"]}"]').wait_for(
            state="attached")
        await page.select_option("#case", case["case_id"])
        await context.set_offline(True)
        await page.locator('#milestones button[data-milestone="patient_in_room"]').click()
        await page.locator('#queue[data-count="1"]').wait_for()

        # The sign-in is over (its end passed): no renewal brings it back.
        over, csrf = session.mint(signed_stack.settings, sub="coordinator",
                                  role="coordinator", name="Demo coordinator",
                                  idp=signin_world.provider.issuer,
                                  now=time.time() - 13 * 3600)
        await context.add_cookies([
            {"name": session.SESSION_COOKIE, "value": over, "url": base + "/"},
            {"name": session.CSRF_COOKIE, "value": csrf, "url": base + "/"}])
        await context.set_offline(False)
        again = page.locator("#session-ended #signin-again")
        await again.wait_for(timeout=20_000)
        await page.screenshot(path=artifacts_dir() / "tablet-sign-in-again.png")
        assert await page.locator("#queue").get_attribute("data-count") == "1"
        assert await _submitted(signed_stack, case["case_id"]) == []

        await again.click()
        await finish_sign_in(page, signin_world, "coordinator", "/tablet")
        await page.locator('#queue[data-count="0"]').wait_for(timeout=20_000)
        await eventually(lambda: _submitted(signed_stack, case["case_id"]), 15, 0.3,
                         "the queued tap sent after signing in again")
        assert len(await _submitted(signed_stack, case["case_id"])) == 1
        assert await page.locator("#session-ended").count() == 0
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
        await page.goto(base + "/")  # a page that makes no calls of its own meanwhile
        await page.locator("#shell-who").wait_for()
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


async def test_a_shared_tablet_locks_when_untouched_and_opens_by_signing_in_again(
        locking_stack: Stack, signin_world: SignInWorld, browser: Any) -> None:
    """Untouched for ORCAST_TABLET_LOCK_MINUTES, the tablet hides the case behind a lock
    that a reload does not open (the sign-in itself still lasts the shift); "Sign in to
    unlock" asks the provider for the password again and comes back to the open tablet,
    the queue intact."""
    base = signin_world.app_base
    context = await browser.new_context()
    try:
        page = await context.new_page()
        await sign_in(page, signin_world, "coordinator")
        await page.wait_for_url(base + "/tablet")
        lock = page.locator("#tablet-lock")
        await lock.wait_for(timeout=10_000)
        assert "Tablet locked" in await lock.inner_text()
        assert await page.locator("main").get_attribute("aria-hidden") == "true"
        await page.reload()
        await lock.wait_for(timeout=5_000)  # still locked: a reload is no way in
        await page.click("#unlock")
        await page.wait_for_url(re.compile("^" + re.escape(signin_world.provider.issuer) +
                                           "/interaction/"))
        await page.locator("#password").wait_for()  # the password, not a silent return
        await finish_sign_in(page, signin_world, "coordinator", "/tablet")
        await page.locator("#shell-who").wait_for()
        assert await lock.count() == 0
        who = await page.evaluate("fetch('/signin/session').then(r => r.json())")
        assert (who["signed_in"], who["role"], who["tablet_lock_minutes"]) == \
            (True, "coordinator", 0.05)
    finally:
        await context.close()
