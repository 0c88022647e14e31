"""Audit records as FHIR R4 AuditEvent resources, in a `collection` Bundle.

Validated against `schemas/fhir/audit-event.json` and `schemas/fhir/bundle.json`
(the R4 structure). Codes: DICOM event types (110110 Patient Record, 110106
Export when an update leaves for a social channel, 110101 Audit Log Used,
110100 Application Activity), the HL7 audit-entity-type / object-role /
security-source-type code systems, and ORcast's own action names as subtype.
The chain fields (seq, prev_hash, hash) and the Kafka origin travel as entity
details, so an exported bundle can be checked against the log.
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Mapping
from typing import Any

DCM = "http://dicom.nema.org/resources/ontology/DCM"
ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type"
OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role"
SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type"
ORCAST = "https://orcast.dev/fhir"
_NAMESPACE = uuid.UUID("0f6d3a52-4f1e-4c57-9a1e-6b0c9f1f5a31")

_TYPES = {
    "publication": ("110106", "Export"),
    "deadletter": ("110100", "Application Activity"),
}
_PATIENT_RECORD = ("110110", "Patient Record")
_AUDIT_LOG_USED = ("110101", "Audit Log Used")
_ACTIONS = {
    "milestone.submitted": "C", "edit.submitted": "U", "milestone.deidentified": "C",
    "review.decided": "U",
    "update.approved": "U", "update.status": "U", "update.retracted": "D",
    "deadletter": "E", "audit.read": "E", "audit.verify": "E", "audit.export": "R",
}
_OUTCOMES = {"failed": "4", "delete_failed": "4", "quarantine": "4", "dead": "8",
             "deadlettered": "8", "error": "8"}


def _action(record: Mapping[str, Any]) -> str:
    action = str(record["action"])
    if action == "publication":
        return "D" if str(record["outcome"]).startswith("delete") else "C"
    if action == "case.state":
        return "C" if record["outcome"] == "registered" else "U"
    if action.endswith(".read"):  # a protected record read through a service
        return "R"
    return _ACTIONS.get(action, "E")


def _event_type(action: str) -> dict[str, str]:
    code, display = _AUDIT_LOG_USED if action.startswith("audit.") else \
        _TYPES.get(action, _PATIENT_RECORD)
    return {"system": DCM, "code": code, "display": display}


def _detail(kind: str, value: Any) -> dict[str, str]:
    return {"type": kind, "valueString": str(value)}


def audit_event(record: Mapping[str, Any]) -> dict[str, Any]:
    action, role = str(record["action"]), str(record["actor_role"])
    agent: dict[str, Any] = {
        "role": [{"coding": [{"system": f"{ORCAST}/CodeSystem/role", "code": role}],
                  "text": role}],
        "who": {"identifier": {"system": f"{ORCAST}/actor", "value": record["actor_sub"]}},
        "requestor": role != "service",
    }
    if role == "service":
        agent["type"] = {"coding": [{"system": DCM, "code": "110150", "display": "Application"}]}
    chain_details = [_detail("seq", record["seq"]), _detail("prev_hash", record["prev_hash"]),
                     _detail("hash", record["hash"])]
    for name in ("topic", "partition", "offset"):
        if record.get(name) is not None:
            chain_details.append(_detail(name, record[name]))
    event_entity: dict[str, Any] = {
        "what": {"identifier": {"system": f"{ORCAST}/event", "value": record["event_id"]}},
        "type": {"system": ENTITY_TYPE, "code": "2", "display": "System Object"},
        "role": {"system": OBJECT_ROLE, "code": "4", "display": "Domain Resource"},
        "description": record["summary"] or action,
        "detail": chain_details,
    }
    entities = [event_entity]
    if record.get("case_id"):
        case_entity: dict[str, Any] = {
            "what": {"identifier": {"system": f"{ORCAST}/case", "value": record["case_id"]}},
            "type": {"system": ENTITY_TYPE, "code": "1", "display": "Person"},
            "role": {"system": OBJECT_ROLE, "code": "1", "display": "Patient"},
        }
        if record.get("broadcast_id"):
            case_entity["detail"] = [_detail("broadcast_id", record["broadcast_id"])]
        entities.append(case_entity)
    if record.get("update_id"):
        entities.append({
            "what": {"identifier": {"system": f"{ORCAST}/update", "value": record["update_id"]}},
            "type": {"system": ENTITY_TYPE, "code": "2", "display": "System Object"},
            "role": {"system": OBJECT_ROLE, "code": "3", "display": "Report"},
        })
    if record.get("detail"):
        facts = record["detail"] if isinstance(record["detail"], str) else \
            json.dumps(record["detail"], sort_keys=True, separators=(",", ":"))
        if action.startswith("audit."):
            entities.append({
                "type": {"system": ENTITY_TYPE, "code": "2", "display": "System Object"},
                "role": {"system": OBJECT_ROLE, "code": "24", "display": "Query"},
                "query": base64.b64encode(facts.encode()).decode(),
            })
        else:
            event_entity["detail"].append(_detail("facts", facts))
    resource: dict[str, Any] = {
        "resourceType": "AuditEvent",
        "id": f"orcast-audit-{record['seq']}",
        "type": _event_type(action),
        "subtype": [{"system": f"{ORCAST}/CodeSystem/action", "code": action}],
        "action": _action(record),
        "recorded": record["recorded_at"],
        "outcome": _OUTCOMES.get(str(record["outcome"]), "0"),
        "outcomeDesc": record["outcome"],
        "agent": [agent],
        "source": {
            "site": "ORcast",
            "observer": {"identifier": {"system": f"{ORCAST}/service", "value": "audit"},
                         "display": "ORcast audit log"},
            "type": [{"system": SOURCE_TYPE, "code": "4", "display": "Application Server"}],
        },
        "entity": entities,
    }
    if record.get("event_time"):
        resource["period"] = {"start": record["event_time"], "end": record["event_time"]}
    return resource


def entry(record: Mapping[str, Any]) -> dict[str, Any]:
    full_url = uuid.uuid5(_NAMESPACE, f"{record['seq']}:{record['hash']}")
    return {"fullUrl": f"urn:uuid:{full_url}", "resource": audit_event(record)}


def bundle_head(timestamp: str) -> dict[str, Any]:
    """The Bundle without its entries (the exporter streams those in between)."""
    return {"resourceType": "Bundle", "id": str(uuid.uuid4()), "type": "collection",
            "timestamp": timestamp}
