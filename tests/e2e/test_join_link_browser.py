"""Join links in headless Chromium over the whole stack: the instructor makes one on the
live page and revokes it; a phone with no account opens it and lands on the broadcast."""

from __future__ import annotations

from typing import Any

import pytest

from services.common import session
from tests.support.browser import sign_in_as
from tests.support.stack import Stack


async def _instructor_makes_a_link(stack: Stack, browser: Any,
                                   broadcast_id: str) -> tuple[Any, Any, str]:
    from playwright.async_api import expect

    context = await browser.new_context()
    await sign_in_as(context, stack.settings, stack.base_url, "approver")  # pages take no token
    page = await context.new_page()
    await page.goto(f"{stack.base_url}/live/{broadcast_id}")
    panel = page.locator("#join-links")
    await expect(panel).to_be_visible()
    await expect(page.locator("#join-none")).to_be_visible()
    await page.click("#join-make")
    url = page.locator("#join-url")
    await expect(page.locator("#join-made")).to_be_visible()
    link = await url.inner_text()
    assert link.startswith(f"{stack.base_url}/join#")
    qr = await page.locator("#join-qr").get_attribute("src")
    assert qr is not None and qr.startswith("data:image/svg+xml;base64,")
    assert await page.evaluate("document.getElementById('join-qr').naturalWidth") > 100
    await expect(page.locator("#join-list li")).to_have_count(1)
    return context, page, link


async def _known(stack: Stack, broadcast_id: str) -> None:
    from services.viewer import app as viewer_app
    from tests.support.stack import eventually

    async def known() -> bool:
        return stack.app[viewer_app.HUB].history.timeline(broadcast_id) is not None

    await eventually(known, 20, message="viewer knows the case")


@pytest.mark.browser
async def test_a_phone_opens_the_join_link_and_lands_on_its_broadcast(stack: Stack,
                                                                      browser: Any) -> None:
    from playwright.async_api import expect

    case = await stack.register_case()
    broadcast_id = case["broadcast_id"]
    await _known(stack, broadcast_id)
    instructor, teacher_page, link = await _instructor_makes_a_link(stack, browser,
                                                                    broadcast_id)
    phone = await browser.new_context(viewport={"width": 390, "height": 844},
                                      is_mobile=True, has_touch=True)
    errors: list[str] = []
    try:
        page = await phone.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        await page.goto(link)
        await page.wait_for_url(f"{stack.base_url}/live/{broadcast_id}")
        secret = link.split("#", 1)[1]
        assert secret not in page.url
        assert secret not in str(await page.evaluate("window.history.length + location.href"))
        cookies = {c["name"]: c for c in await phone.cookies()}
        assert cookies[session.SESSION_COOKIE]["httpOnly"] is True
        guest = session.verify(stack.settings, cookies[session.SESSION_COOKIE]["value"])
        assert guest.principal.broadcast == broadcast_id
        # the live page has no instructor panel for a guest
        await expect(page.locator("#join-links")).to_be_hidden()

        # revoked on the instructor's page: the link opens nothing any more
        await teacher_page.click("#join-list li .join-revoke")
        await expect(teacher_page.locator("#join-list li")).to_have_count(0)
        await expect(teacher_page.locator("#join-made")).to_be_hidden()
        again = await phone.new_page()
        await again.goto(link)
        await expect(again.locator("#join-status")).to_contain_text("expired or was revoked")
        await expect(again.locator("#join-signin")).to_be_visible()
        assert secret not in again.url
        assert errors == []
    finally:
        await phone.close()
        await instructor.close()


@pytest.mark.browser
async def test_the_guest_watches_live_until_the_link_is_revoked(stack: Stack,
                                                                browser: Any) -> None:
    from playwright.async_api import expect

    case = await stack.register_case()
    broadcast_id = case["broadcast_id"]
    await _known(stack, broadcast_id)
    instructor, teacher_page, link = await _instructor_makes_a_link(stack, browser,
                                                                    broadcast_id)
    phone = await browser.new_context()
    try:
        page = await phone.new_page()
        await page.goto(link)
        await page.wait_for_url(f"{stack.base_url}/live/{broadcast_id}")
        await expect(page.locator("#conn")).to_have_attribute("data-state", "live",
                                                              timeout=10_000)
        status, _, _ = await stack.post_milestone(case["case_id"], milestone="incision",
                                                  note="Ports placed.")
        assert status == 202
        await expect(page.locator("#timeline li")).to_have_count(1)
        await teacher_page.click("#join-list li .join-revoke")
        await expect(page.locator("#conn")).not_to_have_attribute("data-state", "live",
                                                                  timeout=10_000)
    finally:
        await phone.close()
        await instructor.close()


@pytest.mark.browser
async def test_a_students_page_never_asks_for_join_links(stack: Stack, browser: Any) -> None:
    """A student's live page asked for the join links, was refused (403) and logged it as
    a console error. Only the roles that may manage join links ask."""
    from playwright.async_api import expect

    case = await stack.register_case()
    broadcast_id = case["broadcast_id"]
    await _known(stack, broadcast_id)
    context = await browser.new_context(viewport={"width": 390, "height": 844})
    asked: list[str] = []
    problems: list[str] = []
    try:
        await sign_in_as(context, stack.settings, stack.base_url, "student")
        page = await context.new_page()
        page.on("request", lambda r: asked.append(r.url) if "/api/v1/join-links" in r.url
                else None)
        page.on("console", lambda m: problems.append(m.text)
                if m.type == "error" and "404" not in m.text else None)  # 404: favicon
        page.on("response", lambda r: problems.append(f"{r.status} {r.url}")
                if r.status >= 400 and not r.url.endswith("/favicon.ico") else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        await page.goto(f"{stack.base_url}/live/{broadcast_id}")
        await expect(page.locator("#conn")).to_have_attribute("data-state", "live",
                                                              timeout=10_000)
        await page.wait_for_load_state("networkidle")
        assert asked == []
        assert problems == []
        await expect(page.locator("#join-links")).to_be_hidden()
    finally:
        await context.close()
