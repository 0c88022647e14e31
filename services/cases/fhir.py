"""A case's consent as a FHIR R4 Consent resource (export only; the registry is the truth).

Mapping:

| ORcast | FHIR R4 Consent |
|---|---|
| consent active / expired / revoked | status active / inactive / rejected |
| release for broadcast | scope patient-privacy; category LOINC 64292-6; hipaa-auth |
| valid_from … valid_until | provision.period |
| scope students / public | a permitted provision.actor each (role IRCP, recipient) |
| document_ref | sourceReference (the signed document) |
| recorded_by, revoked_at | extensions (R4 Consent has no recorder element) |

`inactive` is "terminated": the signed period ran out. `rejected` is "rejected by one
of the parties": the patient withdrew the release.

Checked in the tests against `schemas/fhir/consent.json` (R4 structure and
cardinalities). No patient element: the registry keeps only keyed hashes of the
identifiers, and the export must not re-link a broadcast to a person.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from services.common.events import isoformat

EXTENSION_BASE = "https://orcast.dev/fhir/StructureDefinition/"
FHIR_STATUS = {"active": "active", "expired": "inactive", "revoked": "rejected"}
AUDIENCE_DISPLAY = {"students": "Students (ORcast live viewer)",
                    "public": "Public (social media channels)"}


def consent_resource(state: dict[str, Any], recorded_at: datetime) -> dict[str, Any]:
    consent = state["consent"]
    extensions: list[dict[str, Any]] = [{
        "url": EXTENSION_BASE + "recorded-by",
        "valueReference": {"identifier": {"system": "urn:orcast:user",
                                          "value": consent.get("recorded_by", "unknown")}},
    }]
    if consent.get("revoked_at"):
        extensions.append({"url": EXTENSION_BASE + "revoked-at",
                           "valueDateTime": consent["revoked_at"]})
    return {
        "resourceType": "Consent",
        "id": state["case_id"],
        "meta": {"versionId": str(state["version"])},
        "extension": extensions,
        "identifier": [{"system": "urn:orcast:broadcast", "value": state["broadcast_id"]}],
        "status": FHIR_STATUS[consent["status"]],
        "scope": {"coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/consentscope",
            "code": "patient-privacy", "display": "Privacy Consent",
        }]},
        "category": [{"coding": [{
            "system": "http://loinc.org", "code": "64292-6",
            "display": "Release of information consent",
        }], "text": "Live educational broadcast of a surgical procedure"}],
        "dateTime": isoformat(recorded_at),  # when the release was entered here
        "sourceReference": {
            "type": "DocumentReference",
            "identifier": {"system": "urn:orcast:consent-document",
                           "value": consent["document_ref"]},
            "display": "Signed broadcast release",
        },
        "policyRule": {"coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/consentpolicycodes",
            "code": "hipaa-auth", "display": "HIPAA Authorization",
        }]},
        "provision": {
            "type": "permit",
            "period": {"start": consent.get("valid_from"), "end": consent["valid_until"]},
            "actor": [{
                "role": {"coding": [{
                    "system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                    "code": "IRCP", "display": "information recipient",
                }]},
                "reference": {"identifier": {"system": "urn:orcast:audience", "value": audience},
                              "display": AUDIENCE_DISPLAY.get(audience, audience)},
            } for audience in consent["scope"]],
            "action": [{"coding": [{
                "system": "http://terminology.hl7.org/CodeSystem/consentaction",
                "code": "disclose", "display": "Disclose",
            }]}],
        },
    }
