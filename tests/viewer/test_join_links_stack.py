"""Join links across the whole system (every service in one process, the real broker):
a guest may use no endpoint but the live view, sign-in never renews its session, and
audit records each link's creation, opening and revocation."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import sqlalchemy as sa

from services.audit.tables import records
from services.common import session
from services.common.store import Store
from tests.security.spec import operations
from tests.support.stack import Stack, eventually

GUEST_ENDPOINTS = {("GET", "/api/v1/live/cases")}  # besides the live socket


def browser() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


def cookie(http: aiohttp.ClientSession, name: str) -> str:
    return next(c.value for c in http.cookie_jar if c.key == name)


async def link_for(stack: Stack, broadcast_id: str, role: str = "approver") -> dict[str, Any]:
    async def made() -> dict[str, Any] | None:  # once the viewer has read the new case
        status, body, _ = await stack.request(
            "POST", "/api/v1/join-links", role=role,
            json_body={"broadcast_id": broadcast_id, "minutes": 30})
        return dict(body) if status == 201 else None

    found = await eventually(made, 20, message="join link made")
    assert isinstance(found, dict)
    return found


async def join(stack: Stack, http: aiohttp.ClientSession, link: dict[str, Any]) -> int:
    async with http.post(f"{stack.base_url}/api/v1/join",
                         json={"secret": link["url"].split("#", 1)[1]}) as response:
        return response.status


async def call(stack: Stack, http: aiohttp.ClientSession, method: str, path: str,
               has_body: bool, csrf: str) -> tuple[int, str]:
    async with http.request(method, stack.base_url + path, json={} if has_body else None,
                            headers={session.CSRF_HEADER: csrf},
                            timeout=aiohttp.ClientTimeout(total=15)) as response:
        text = await response.text()
        return response.status, text[:300]


async def test_a_guest_may_use_no_endpoint_but_the_live_view(stack: Stack) -> None:
    case = await stack.register_case()
    link = await link_for(stack, case["broadcast_id"])
    async with browser() as guest, browser() as person:
        assert await join(stack, guest, link) == 200
        # the control: a student's own session (same role, no join claim)
        token, csrf = session.mint(stack.settings, sub="a-student", role="student",
                                   name=None, idp="test")
        person.cookie_jar.update_cookies({session.SESSION_COOKIE: token,
                                          session.CSRF_COOKIE: csrf},
                                         aiohttp.helpers.URL(stack.base_url))
        wrong, checked, students = [], 0, 0
        for op in operations():
            if op.roles is None or op.self_auth:
                continue
            if op.path == "/metrics":  # a scrape bearer or an admin's token; no cookies
                continue
            path = op.example_path()
            status, body = await call(stack, guest, op.method, path, op.has_body,
                                      cookie(guest, session.CSRF_COOKIE))
            checked += 1
            if (op.method, op.path) in GUEST_ENDPOINTS:
                if status != 200:
                    wrong.append(f"{op}: {status}, the guest's own view ({body})")
            elif status != 403 or "guest_refused" not in body:
                wrong.append(f"{op}: {status}, expected 403 guest_refused ({body})")
            if "student" in op.roles:  # the refusal is the scope's, not the role's
                students += 1
                status, body = await call(stack, person, op.method, path, op.has_body, csrf)
                if status in (401, 403):
                    wrong.append(f"{op} for a signed-in student: {status} ({body})")
        assert checked > 20 and students > 1
        assert wrong == [], "\n".join(wrong)

        # sign-in: tells the page it is a guest of one broadcast; never renews it
        async with guest.get(f"{stack.base_url}/signin/session") as response:
            who = await response.json()
        assert (who["guest"], who["broadcast_id"], who["page"]) == (
            True, case["broadcast_id"], f"/live/{case['broadcast_id']}")
        async with guest.post(f"{stack.base_url}/signin/refresh", headers={
                session.CSRF_HEADER: cookie(guest, session.CSRF_COOKIE)}) as response:
            assert response.status == 401
            assert "join link" in (await response.json())["error"]["message"]


async def _audited(stack: Stack, link_id: str) -> list[dict[str, Any]]:
    store = stack.parts("audit").store
    assert isinstance(store, Store)
    async with store.engine.connect() as conn:
        found = (await conn.execute(sa.select(records).where(
            records.c.action.like("join_link.%")).order_by(records.c.seq))).mappings()
        return [dict(r) for r in found if link_id in r["summary"]]


async def test_creation_use_and_revocation_are_audited(stack: Stack) -> None:
    case = await stack.register_case()
    link = await link_for(stack, case["broadcast_id"], role="admin")
    secret = link["url"].split("#", 1)[1]
    async with browser() as guest:
        assert await join(stack, guest, link) == 200
        guest_sub = session.verify(stack.settings,
                                   cookie(guest, session.SESSION_COOKIE)).principal.sub
    status, body, _ = await stack.request("DELETE", f"/api/v1/join-links/{link['id']}",
                                          role="approver", sub="revoking-approver")
    assert status == 200, body

    async def three() -> list[dict[str, Any]] | None:
        found = await _audited(stack, link["id"])
        return found if len(found) >= 3 else None

    found = await eventually(three, 20, message="three join-link records in audit")
    assert found is not None
    by_action = {r["action"]: r for r in found}
    assert set(by_action) == {"join_link.created", "join_link.used", "join_link.revoked"}
    assert (by_action["join_link.created"]["actor_sub"],
            by_action["join_link.created"]["actor_role"]) == ("test-admin", "admin")
    assert (by_action["join_link.used"]["actor_sub"],
            by_action["join_link.used"]["actor_role"]) == (guest_sub, "student")
    assert by_action["join_link.used"]["summary"].endswith(
        f"from 127.0.0.1; expires {by_action['join_link.used']['summary'].rsplit(' ', 1)[1]}")
    assert by_action["join_link.revoked"]["actor_sub"] == "revoking-approver"
    for record in found:
        assert record["broadcast_id"] == case["broadcast_id"]
        assert record["case_id"] == case["case_id"]
        assert record["topic"] == "joinlinks"
        assert secret not in repr(record)
    await asyncio.sleep(0)  # nothing else pending
