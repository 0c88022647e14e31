"""The consent registry: registration rules, lifecycle, FHIR R4 export, and expiry
enforced like a revocation."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from services.common import schemas
from tests.approval.support import watch
from tests.support.stack import Stack, eventually

PATIENT = {"names": ["Margaret Okonkwo-Reyes"], "mrn": "44718293", "dob": "1961-03-14"}


def body(**consent: Any) -> dict[str, Any]:
    until = (datetime.now(UTC) + timedelta(hours=2)).isoformat()
    return {"procedure": "lap_chole", "patient": PATIENT,
            "consent": {"scope": ["students", "public"], "valid_until": until,
                        "document_ref": "consent/2026/0042.pdf", **consent}}


async def fhir(stack: Stack, case_id: str) -> dict[str, Any]:
    status, resource, headers = await stack.request(
        "GET", f"/api/v1/cases/{case_id}/consent.fhir", role="compliance")
    assert status == 200, resource
    assert headers["Content-Type"].startswith("application/fhir+json")
    assert schemas.errors("fhir/consent.json", resource) == []  # FHIR R4 structure
    return dict(resource)


async def test_register_lifecycle_and_fhir_export(stack: Stack) -> None:
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    for bad, pointer in (({"valid_until": past}, "/consent/valid_until"),
                         ({"valid_until": "2030-01-01T10:00:00"}, "/consent/valid_until")):
        status, answer, _ = await stack.request("POST", "/api/v1/cases", role="admin",
                                                json_body=body(**bad))
        assert status == 422 and answer["error"]["fields"][0]["pointer"] == pointer, answer
    status, answer, _ = await stack.request("POST", "/api/v1/cases", role="admin",
                                            json_body={**body(), "procedure": "heart_swap"})
    assert (status, answer["error"]["fields"][0]["pointer"]) == (422, "/procedure")
    status, _, _ = await stack.request("POST", "/api/v1/cases", role="coordinator",
                                       json_body=body())
    assert status == 403

    status, created, _ = await stack.request(
        "POST", "/api/v1/cases", role="admin", sub="admin-lee",
        json_body={**body(), "start": False})
    assert status == 201 and created["status"] == "registered"
    case_id = created["case_id"]
    status, listed, _ = await stack.request("GET", "/api/v1/cases", role="coordinator")
    assert case_id not in {c["case_id"] for c in listed["cases"]}  # not broadcasting yet

    resource = await fhir(stack, case_id)
    assert resource["resourceType"] == "Consent" and resource["status"] == "active"
    assert resource["scope"]["coding"][0]["code"] == "patient-privacy"
    assert resource["category"][0]["coding"][0] == {
        "system": "http://loinc.org", "code": "64292-6",
        "display": "Release of information consent"}
    assert resource["policyRule"]["coding"][0]["code"] == "hipaa-auth"
    recorded_at = datetime.fromisoformat(resource["dateTime"].replace("Z", "+00:00"))
    assert abs((datetime.now(UTC) - recorded_at).total_seconds()) < 60
    provision = resource["provision"]
    assert provision["type"] == "permit" and provision["period"]["end"].endswith("Z")
    assert [a["reference"]["identifier"]["value"] for a in provision["actor"]] == \
        ["public", "students"]
    assert {a["role"]["coding"][0]["code"] for a in provision["actor"]} == {"IRCP"}
    assert resource["sourceReference"]["identifier"]["value"] == "consent/2026/0042.pdf"
    recorded = {e["url"].rsplit("/", 1)[-1]: e for e in resource["extension"]}
    assert recorded["recorded-by"]["valueReference"]["identifier"]["value"] == "admin-lee"
    text = json.dumps(resource)
    assert "Okonkwo" not in text and "44718293" not in text and "1961" not in text
    assert "patient" not in resource

    for change, status_after in (("start", "active"), ("end", "ended")):
        status, state, _ = await stack.request("POST", f"/api/v1/cases/{case_id}/{change}",
                                               role="admin")
        assert (status, state["status"]) == (200, status_after), state
    status, _, _ = await stack.request("POST", f"/api/v1/cases/{case_id}/end", role="admin")
    assert status == 409
    status, state, _ = await stack.request("POST", f"/api/v1/cases/{case_id}/revoke",
                                           role="compliance")
    assert status == 200 and state["consent"]["revoked_at"]
    assert (await fhir(stack, case_id))["status"] == "rejected"
    status, _, _ = await stack.request("POST", f"/api/v1/cases/{case_id}/revoke", role="admin")
    assert status == 409
    status, _, _ = await stack.request("GET", f"/api/v1/cases/{case_id}/consent.fhir",
                                       role="approver")
    assert status == 403
    status, page, _ = await stack.request("GET", "/cases")
    assert status == 200 and "/assets/cases/cases.js" in page


async def test_consent_expiry_is_enforced_like_a_revocation(stack: Stack) -> None:
    case = await stack.register_case(valid_for_s=4)
    student = await watch(stack, case["broadcast_id"])
    status, _, _ = await stack.post_milestone(case["case_id"], note="Ports placed.")
    assert status == 202
    [update] = await student.updates(1)
    retract = await student.next_frame("retract", timeout=15)
    assert retract.get("all") is True
    state = await fhir(stack, case["case_id"])
    assert state["status"] == "inactive"
    status, _, _ = await stack.post_milestone(case["case_id"], note="Closing in layers.")
    assert status == 403

    async def ended() -> bool:
        _, seen, _ = await stack.request("GET", f"/api/v1/cases/{case['case_id']}",
                                         role="admin")
        return bool(seen["status"] == "ended" and seen["consent"]["status"] == "expired")

    await eventually(ended, 5)
    assert update["seq"] == 1
    await student.close()


async def test_document_ref_is_a_reference_kept_off_the_topic(stack: Stack) -> None:
    """Issue 18: the consent's `document_ref` sat verbatim on `orcast.cases` (a year, six
    readers), and anything could be typed into it."""
    from tests.ingest.support import topic_events

    for typed in ("Jane Doe, daughter, 555-0134", "x" * 129, "consent\nnote", ""):
        status, answer, _ = await stack.request("POST", "/api/v1/cases", role="admin",
                                                json_body=body(document_ref=typed))
        assert status == 422, answer
        assert answer["error"]["fields"][0]["pointer"] == "/consent/document_ref", answer

    ref = "dms:consent/2026/0042.pdf#p2"
    status, created, _ = await stack.request("POST", "/api/v1/cases", role="admin",
                                             json_body=body(document_ref=ref))
    assert status == 201, created
    status, shown, _ = await stack.request("GET", f"/api/v1/cases/{created['case_id']}",
                                           role="compliance")
    assert status == 200 and shown["consent"]["document_ref"] == ref  # the registry's API
    status, revoked, _ = await stack.request(
        "POST", f"/api/v1/cases/{created['case_id']}/revoke", role="admin")
    assert status == 200 and revoked["consent"]["document_ref"] == ref
    on_topic = [e for e in await topic_events(stack.settings, "cases")
                if e["data"]["case_id"] == created["case_id"]]
    assert len(on_topic) == 2
    assert all("document_ref" not in e["data"]["consent"] for e in on_topic)
    assert ref not in json.dumps(on_topic)
    resource = await fhir(stack, created["case_id"])
    assert ref in json.dumps(resource)  # the FHIR export reads the registry, not the topic
