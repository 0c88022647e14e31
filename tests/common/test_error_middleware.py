"""The one error middleware: a domain error's kind gives its status and default code
(a subclass or the raise may narrow the code), and any retriable error, whatever raised
it, is a 503 with Retry-After rather than a 500."""

from __future__ import annotations

from typing import Any, cast

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from services.common import access
from services.common.auth import PUBLIC, allow, issue_token
from services.common.errors import Conflict, NotFound
from services.common.producer import BrokerUnavailable, EventProducer
from services.common.settings import Settings
from services.common.store import StoreUnavailable
from services.common.web import ERROR_STATUS, create_base_app


class NoSuchThing(NotFound):
    pass


class Stale(Conflict):
    code = "stale_thing"


class FlakyDependency(RuntimeError):
    retriable = True  # like aiokafka's retriable errors


def _raising(error: Exception) -> Any:
    @allow(PUBLIC)
    async def handler(request: web.Request) -> web.Response:
        raise error

    return handler


async def _get(server: TestServer, path: str) -> tuple[int, Any, Any]:
    async with aiohttp.ClientSession() as session, \
            session.get(str(server.make_url(path))) as response:
        return response.status, await response.json(), response.headers


async def test_kinds_statuses_and_retriable_errors(settings: Settings) -> None:
    app = create_base_app(settings)
    app.router.add_get("/missing", _raising(NoSuchThing("no thing 7")))
    app.router.add_get("/stale", _raising(Stale("it changed")))
    app.router.add_get("/narrowed", _raising(Stale("it changed", code="other_reason")))
    app.router.add_get("/store", _raising(StoreUnavailable("OperationalError")))
    app.router.add_get("/flaky", _raising(FlakyDependency("boom")))
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        status, body, headers = await _get(server, "/missing")
        assert (status, body) == (404, {"error": {"code": "not_found",
                                                  "message": "no thing 7"}})
        assert "Retry-After" not in headers
        status, body, _ = await _get(server, "/stale")
        assert (status, body["error"]["code"]) == (409, "stale_thing")
        status, body, _ = await _get(server, "/narrowed")
        assert (status, body["error"]["code"]) == (409, "other_reason")
        for path, message in (("/store", "storage unavailable"),
                              ("/flaky", "a service this one needs is unavailable")):
            status, body, headers = await _get(server, path)
            assert (status, body) == (503, {"error": {"code": "unavailable",
                                                      "message": message}}), path
            assert headers["Retry-After"] == "2"
            assert "OperationalError" not in str(body) and "boom" not in str(body)
    finally:
        await server.close()


def test_every_kind_has_one_status() -> None:
    statuses = [status for status, _ in ERROR_STATUS.values()]
    assert len(statuses) == len(set(statuses))
    assert NoSuchThing("x").status == 404 and Stale("x").status == 409


class DeadBroker:
    """A producer whose broker never acknowledges."""

    async def publish(self, topic: str, event: Any, *, timeout: float | None = None) -> None:
        raise BrokerUnavailable("KafkaTimeoutError")


async def test_a_read_that_cannot_be_recorded_is_a_503_from_the_middleware(
        settings: Settings, caplog: pytest.LogCaptureFixture) -> None:
    """The access recorder lets `BrokerUnavailable` through to the one mapping (it used to
    answer its own 503): the same status, code and Retry-After, the read refused."""
    app = create_base_app(settings)
    access.install(app, cast(EventProducer, DeadBroker()), settings, service="cases")

    @allow({"admin"})
    @access.records_access("cases", "case")
    async def read(request: web.Request) -> web.Response:
        return web.json_response({"secret": "data"})

    app.router.add_get("/api/v1/thing", read)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    token = issue_token(settings, sub="admin-ada", role="admin")
    try:
        async with aiohttp.ClientSession() as session, session.get(
                str(server.make_url("/api/v1/thing")),
                headers={"Authorization": f"Bearer {token}"}) as response:
            status, body = response.status, await response.json()
            retry_after = response.headers.get("Retry-After")
    finally:
        await server.close()
    assert (status, body["error"]["code"], retry_after) == (503, "unavailable", "2"), body
    assert "data" not in str(body)
    assert "a case read could not be recorded" in caplog.text
