"""Reading a consent leaves a record in the audit log: who, what, when, from where.

What broke: only reads of the audit log itself were recorded; reading a case or its
consent (PHI-bearing) left no trace.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
import sqlalchemy as sa

from services.audit.tables import records
from services.common import topics
from services.common.access import RECORDERS
from services.common.producer import BrokerUnavailable
from services.common.settings import Settings
from services.common.store import Store
from tests.support.stack import Stack, eventually, start_stack, stop_stack


async def _audit(stack: Stack, **where: Any) -> list[dict[str, Any]]:
    store = stack.parts("audit").store
    assert isinstance(store, Store)
    async with store.engine.connect() as conn:
        query = sa.select(records).where(*[records.c[k] == v for k, v in where.items()])
        return [dict(r) for r in (await conn.execute(query.order_by(records.c.seq))).mappings()]


async def test_reading_a_consent_is_recorded_with_the_readers_sub(settings: Settings) -> None:
    stack = await start_stack(settings, ("cases", "audit"))
    try:
        case = await stack.register_case()
        case_id = case["case_id"]
        status, _, _ = await stack.request("GET", f"/api/v1/cases/{case_id}/consent.fhir",
                                           role="compliance", sub="officer-ada")
        assert status == 200
        status, _, _ = await stack.request("GET", f"/api/v1/cases/{case_id}", role="approver",
                                           sub="dr-bea")
        assert status == 200
        status, _, _ = await stack.request("GET", "/api/v1/cases", role="coordinator",
                                           sub="nurse-cy")
        assert status == 200

        async def recorded() -> list[dict[str, Any]]:
            found = [r for r in await _audit(stack) if r["action"].endswith(".read")]
            return found if len(found) >= 3 else []

        reads = await eventually(recorded, 20, message="three reads recorded")
    finally:
        await stop_stack(stack)
    by_action = {r["action"]: r for r in reads}
    consent = by_action["consent.read"]
    assert (consent["actor_sub"], consent["actor_role"]) == ("officer-ada", "compliance")
    assert consent["case_id"] == case_id and consent["topic"] == topics.ACCESS["cases"].name
    assert '"client_ip":"127.0.0.1"' in consent["detail"]
    assert "/api/v1/cases/{case_id}/consent.fhir" in consent["summary"]
    assert by_action["case.read"]["actor_sub"] == "dr-bea"
    assert by_action["case_list.read"]["actor_sub"] == "nurse-cy"
    assert by_action["case_list.read"]["case_id"] is None


async def test_a_read_that_cannot_be_recorded_is_refused(settings: Settings,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    stack = await start_stack(settings, ("cases",))
    try:
        case = await stack.register_case()
        producer = stack.parts("cases").producer
        assert stack.app[RECORDERS]["cases"].topic == "access.cases"

        async def broker_down(*args: object, **kwargs: object) -> None:
            raise BrokerUnavailable("KafkaTimeoutError")

        monkeypatch.setattr(producer, "publish", broker_down)
        status, body, headers = await stack.request(
            "GET", f"/api/v1/cases/{case['case_id']}/consent.fhir", role="compliance")
        assert status == 503 and body["error"]["code"] == "unavailable"
        assert headers["Retry-After"] == "2" and "resourceType" not in str(body)
    finally:
        await stop_stack(stack)


@pytest.mark.parametrize(("window", "expected"), [("30", 1), ("0", 2)])
async def test_a_polled_read_is_on_record_once_per_window(
        settings: Settings, monkeypatch: pytest.MonkeyPatch, window: str, expected: int) -> None:
    settings = replace(settings, access_repeat_seconds=float(window))
    stack = await start_stack(settings, ("cases", "audit"))
    try:
        case_id = (await stack.register_case())["case_id"]
        for path in (f"/api/v1/cases/{case_id}/consent.fhir",
                     f"/api/v1/cases/{case_id}/consent.fhir",
                     f"/api/v1/cases/{case_id}"):  # same key, same partition: comes last
            status, _, _ = await stack.request("GET", path, role="compliance", sub="poller")
            assert status == 200

        async def last_one_in() -> list[dict[str, Any]]:
            found = [r for r in await _audit(stack, actor_sub="poller")]
            return found if any(r["action"] == "case.read" for r in found) else []

        found = await eventually(last_one_in, 20, message="reads recorded")
    finally:
        await stop_stack(stack)
    assert [r["action"] for r in found].count("consent.read") == expected
