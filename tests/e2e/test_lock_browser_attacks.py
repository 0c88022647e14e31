"""Red team 16b: the shared OR tablet's lock and the sign-in cookies, attacked in
headless Chromium (whoever picks the tablet up; another website the coordinator visits).
Each test fails while its hole is open."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from services.common import session
from services.common.broker import free_port
from services.common.settings import Settings
from tests.e2e.test_signin_browser import _status_with, locking_stack  # noqa: F401
from tests.signin.support import SECRET, serving
from tests.support.browser import until_response
from tests.support.idp import SignInWorld
from tests.support.stack import Stack

pytestmark = pytest.mark.browser


async def _sign_in_to(page: Any, world: SignInWorld, role: str, landing: str) -> None:
    base = world.app_base
    await page.goto(base + "/signin?next=" + landing.replace("/", "%2F"))
    await page.wait_for_url(re.compile("^" + re.escape(world.provider.issuer) + "/interaction/"))
    user = world.provider.user(role)
    await page.fill("#username", user.username)
    await page.fill("#password", user.password)
    await page.click("button[type=submit]")
    await page.wait_for_url(base + landing)


async def test_a_tablet_left_on_the_live_page_never_locks(
        locking_stack: Stack, signin_world: SignInWorld, browser: Any) -> None:  # noqa: F811
    """Attack (whoever picks the tablet up): the idle lock lives in the tablet page only
    (lock.js, started by tablet.js). The coordinator glances at the student view on
    /live (the shell links it) and walks away; /live has no idle timer and orcast.js
    renews the session a minute before each token expires, for the whole 12 h shift.
    Whoever picks the tablet up taps "Tablet" in the shell (a fresh page, a fresh timer)
    or types an API address, and works as the coordinator: reads cases, sends milestones.
    Safe: a coordinator's sign-in on the device locks after ORCAST_TABLET_LOCK_MINUTES
    untouched whichever ORcast page is open (the lock ends the session server-side), so
    after the lock time a typed API address answers 401 and /tablet opens locked."""
    base = signin_world.app_base
    context = await browser.new_context()
    try:
        page = await context.new_page()
        await _sign_in_to(page, signin_world, "coordinator", "/live")
        await page.locator("#shell-who").wait_for()
        # untouched for up to 8 s, more than twice the 3 s lock time, or until the page's
        # lock has ended the session (its POST /signin/lock answered)
        await until_response(page, "/signin/lock", 8_000)
        reads = await _status_with(context, base, "/api/v1/cases?active=true")
        await page.goto(base + "/tablet")
        await page.locator("#shell-who").wait_for()
        await page.wait_for_timeout(300)  # well under the 3 s a fresh timer would take
        locked = await page.locator("#tablet-lock").count()
        assert reads == 401 and locked == 1, (
            f"left untouched on /live past the lock time, the coordinator's session still "
            f"reads cases ({reads}) and /tablet opens unlocked (lock shown: {locked})")
    finally:
        await context.close()


FOCUS = """() => {
  const a = document.activeElement;
  return {id: a ? a.id : "", tag: a ? a.tagName : "",
          milestone: a && a.closest("#milestones") ? a.getAttribute("data-milestone") : null,
          inLock: Boolean(a && a.closest("#tablet-lock"))};
}"""


async def test_the_keyboard_reaches_the_tablet_behind_its_lock(
        locking_stack: Stack, signin_world: SignInWorld, browser: Any) -> None:  # noqa: F811
    """Attack (whoever picks the locked tablet up, with its keyboard cover or a
    Bluetooth keyboard): the lock is a dialog appended over the page; everything under
    it only gets `aria-hidden`, which neither removes it nor makes it inert. Tab moves
    focus out of the dialog into the case selector, the teaching note and the milestone
    buttons underneath; typing writes a note and Enter "taps" a milestone, which the
    outbox queues (401 while locked) and sends in the coordinator's name right after
    the next unlock.
    Safe: while locked, nothing behind the lock takes focus or input (the page is
    `inert` or removed), so Tab stays in the dialog and no update can be queued."""
    case = await locking_stack.register_case(coordinators=["coordinator"])
    context = await browser.new_context()
    try:
        page = await context.new_page()
        await _sign_in_to(page, signin_world, "coordinator", "/tablet")
        await page.locator(f'#case option[value="{case["case_id"]}"]').wait_for(
            state="attached")
        await page.select_option("#case", case["case_id"])
        await page.locator('#milestones button[data-milestone="patient_in_room"]').wait_for()
        await page.locator("#tablet-lock").wait_for(timeout=10_000)
        await page.wait_for_timeout(500)  # the lock POST has ended the session
        escaped: list[str] = []
        for _ in range(60):
            await page.keyboard.press("Tab")
            focus = await page.evaluate(FOCUS)
            if focus["inLock"] or focus["tag"] in ("BODY", ""):
                continue
            escaped.append(focus["id"] or focus["milestone"] or focus["tag"])
            if focus["id"] == "note":
                await page.keyboard.type("typed behind the lock")
            if focus["milestone"]:
                await page.keyboard.press("Enter")
                break
        await page.wait_for_timeout(1_000)
        queued = await page.locator("#queue").get_attribute("data-count")
        assert not escaped and queued == "0", (
            f"behind the lock, Tab reached {escaped} and Enter queued {queued} update(s) "
            f"to be sent as the coordinator after the next unlock")
    finally:
        await context.close()


async def test_another_site_signs_the_tablet_out_in_chromium(tmp_path: Path,
                                                             browser: Any) -> None:
    """Attack (another website the coordinator visits on the tablet): its page
    auto-submits `<form method=post action=https://orcast/signin/lock>`. Chromium sends
    no SameSite=Lax cookie on the cross-site POST, so the sign-in service checks no CSRF
    value, and applies the answer's Set-Cookie (a top-level navigation): the session
    cookies are deleted and `orcast_locked` is set. Any page, ad or link the coordinator
    opens signs the OR tablet out mid-case (logout CSRF) and forces a password prompt.
    Safe: the cross-site POST is refused (Origin / Sec-Fetch-Site) and the browser keeps
    its session: ORcast still answers as the signed-in person."""
    settings = Settings(data_dir=tmp_path, secret=SECRET, http_port=free_port())
    evil_port = free_port()
    base = f"http://127.0.0.1:{settings.http_port}"

    async def evil(request: web.Request) -> web.Response:
        return web.Response(content_type="text/html", text=(
            f'<form method="post" action="{base}/signin/lock">'
            '<input name="x" value="1"></form>'
            '<script>document.forms[0].submit()</script>'))

    evil_app = web.Application()
    evil_app.router.add_get("/", evil)
    runner = web.AppRunner(evil_app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", evil_port).start()
    try:
        async with serving(settings):
            token, csrf = session.mint(settings, sub="coordinator", role="coordinator",
                                       name="Demo coordinator", idp="x")
            context = await browser.new_context()
            try:
                await context.add_cookies([
                    {"name": session.SESSION_COOKIE, "value": token, "url": base,
                     "httpOnly": True, "sameSite": "Lax"},
                    {"name": session.CSRF_COOKIE, "value": csrf, "url": base,
                     "sameSite": "Lax"}])
                page = await context.new_page()
                async with page.expect_response(base + "/signin/lock"):
                    await page.goto(f"http://localhost:{evil_port}/")
                await page.wait_for_load_state()
                names = {c["name"] for c in await context.cookies(base)}
                who = await (await context.request.get(base + "/signin/session")).json()
                assert session.SESSION_COOKIE in names and who["signed_in"], (
                    f"another site's form signed the tablet out: cookies now {sorted(names)}")
            finally:
                await context.close()
    finally:
        await runner.cleanup()


async def test_a_locked_tablet_reloaded_offline_opens_again(
        locking_stack: Stack, signin_world: SignInWorld, browser: Any) -> None:  # noqa: F811
    """Attack (whoever picks the tablet up after it locked during an OR Wi-Fi drop): a
    page that opened offline has no `ends_at` (the remembered person holds none), so its
    lock is saved as `{"ends_at": null}`, and `saved()` reads that back as "no lock". A
    reload (airplane mode keeps it offline) opens the tablet unlocked with the cached
    cases and a working outbox; an online-opened lock is lost the same way after two
    offline reloads (the offline page re-saves it as null). The lock POST never got
    out (offline) and no later page retries it, so once the Wi-Fi is back the
    coordinator's session cookie still works: the unlocked page reads cases and sends
    milestones as the coordinator.
    Safe: a locked tablet stays locked across reloads, offline or online, until a new
    sign-in; the session is ended (lock POST) by whichever page gets through first."""
    base = signin_world.app_base
    context = await browser.new_context()
    try:
        page = await context.new_page()
        await _sign_in_to(page, signin_world, "coordinator", "/tablet")
        await page.locator("#shell-who").wait_for()

        async def unreachable(route: Any) -> None:
            await route.abort()

        # the Wi-Fi drops: the sign-in service (session and lock) is out of reach
        await context.route("**/signin/session", unreachable)
        await context.route("**/signin/lock", unreachable)
        await page.reload()
        await page.locator("#shell-who").wait_for()
        await page.locator("#tablet-lock").wait_for(timeout=10_000)  # locked, offline
        shown: list[int] = []
        for _ in range(2):  # the person reloads, still offline
            await page.reload()
            await page.locator("#shell-who").wait_for()
            await page.wait_for_timeout(500)  # far below the 3 s lock time
            shown.append(await page.locator("#tablet-lock").count())
        await context.unroute("**/signin/session", unreachable)  # the Wi-Fi is back
        await context.unroute("**/signin/lock", unreachable)
        reads = await _status_with(context, base, "/api/v1/cases?active=true")
        assert shown == [1, 1], (
            f"the locked tablet reloaded offline shows its lock {shown} times out of 2; "
            f"back online its cookie reads cases: {reads}")
    finally:
        await context.close()
