"""PHI-free one-line summaries and the actor of each event type.

Only ids, labels, verdicts, counts and lengths: never note text, names, or any
identifier the de-identification gate removed.
"""

from __future__ import annotations

from typing import Any

from services.common.events import Event


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k}×{v}" for k, v in sorted(counts.items())) or "none"


def describe(event: Event) -> tuple[str, str, dict[str, str]]:
    """(action, outcome, actor) and the summary live in `summarise`."""
    data = event.data
    service_actor = {"sub": f"service:{event.source.rsplit('/', 1)[-1]}", "role": "service"}
    kind = event.type.removeprefix("org.orcast.").rsplit(".v", 1)[0]
    if kind == "milestone.submitted":
        return kind, "accepted", data["author"]
    if kind == "edit.submitted":
        return kind, "accepted", data["editor"]
    if kind == "milestone.deidentified":
        return kind, data["verdict"], service_actor
    if kind == "review.decided":
        return kind, data["decision"], data["reviewer"]
    if kind == "update.approved":
        return kind, "approved", data["approved_by"]
    if kind == "update.retracted":
        return kind, "retracted", data["retracted_by"]
    if kind == "update.status":
        return kind, data["state"], data.get("actor") or service_actor
    if kind == "publication":
        return kind, data["state"], service_actor
    if kind == "case.state":
        return kind, data.get("change", data["status"]), data["changed_by"]
    if kind == "deadletter":
        return kind, "deadlettered", service_actor
    if kind == "access.recorded":  # a person read a protected record through a service
        return f"{data['resource']['kind']}.read", "ok", data["actor"]
    if kind == "joinlink":
        return f"join_link.{data['action']}", "ok", data["actor"]
    return kind, "recorded", service_actor


def summarise(event: Event) -> str:
    data = event.data
    kind = event.type.removeprefix("org.orcast.").rsplit(".v", 1)[0]
    if kind == "milestone.submitted":
        return (f"milestone {data['milestone']} submitted; note {len(data['note'])} chars; "
                f"phrases {len(data['phrase_ids'])}")
    if kind == "edit.submitted":
        return (f"update {data['update_id']} edit (revision {data['revision']}) submitted; "
                f"text {len(data['note'])} chars")
    if kind == "milestone.deidentified":
        reasons = f"; reasons {','.join(data['reasons'])}" if data["reasons"] else ""
        return (f"update {data['update_id']} {data['verdict']}: {_counts(data['counts'])}"
                f"{reasons}")
    if kind == "review.decided":
        edited = " (text edited)" if data["decision"] == "edit" else ""
        return f"update {data['update_id']} {data['decision']}{edited}"
    if kind == "update.approved":
        return (f"update {data['update_id']} approved for {data['audience']} as "
                f"#{data['seq']} ({data['milestone']})")
    if kind == "update.retracted":
        target = "all updates" if data.get("all") else f"#{data.get('seq')}"
        return f"{target} retracted for {data.get('audience', 'all')}: {data['reason']}"
    if kind == "update.status":
        return f"update {data['update_id']} {data['state']} for {data.get('audience', '?')}"
    if kind == "publication":
        where = f" as {data['remote_id']}" if data.get("remote_id") else ""
        return (f"update {data['update_id']} {data['state']} on {data['channel_id']}{where} "
                f"after {data['attempts']} attempts")
    if kind == "case.state":
        consent = data["consent"]
        reason = f", reason {consent['revoke_reason']}" if consent.get("revoke_reason") else ""
        return (f"case {data['change'] if 'change' in data else data['status']}: "
                f"status {data['status']}, consent {consent['status']} "
                f"scope {'+'.join(consent['scope'])}{reason}")
    if kind == "access.recorded":
        resource = data["resource"]
        what = f"{resource['kind']} {resource['id']}" if "id" in resource else resource["kind"]
        via = f" via proxy {data['proxy_ip']}" if "proxy_ip" in data else ""
        return (f"read {what} from {data['client_ip']}{via}: {data['method']} "
                f"{data['route']} -> {data['status']}")
    if kind == "joinlink":
        where = f" from {data['client_ip']}" if "client_ip" in data else ""
        return (f"join link {data['link_id']} {data['action']} for broadcast "
                f"{data['broadcast_id']}{where}; expires {data['expires_at']}")
    if kind == "deadletter":
        return (f"dead-lettered {data['source_topic']}@{data['partition']}/{data['offset']} "
                f"by {data['consumer']}: {data['reason'][:300]}")
    return kind


def case_and_broadcast(event: Event) -> tuple[str | None, str | None]:
    data: dict[str, Any] = event.data
    subject_is_case = event.type not in ("org.orcast.deadletter.v1",
                                         "org.orcast.access.recorded.v1",
                                         "org.orcast.joinlink.v1")
    case_id = data.get("case_id") or (event.subject if subject_is_case else None)
    return case_id, data.get("broadcast_id")


def _kind(event: Event) -> str:
    return event.type.removeprefix("org.orcast.").rsplit(".v", 1)[0]


def update_of(event: Event) -> str | None:
    """The update an event is about (the submission's event id), when it is about one."""
    if _kind(event) == "milestone.submitted":
        return str(event.data["event_id"])
    if _kind(event) == "access.recorded":  # a read of one update's review or status
        resource = event.data["resource"]
        return str(resource["id"]) if resource["kind"] in ("review", "update_status") \
            and "id" in resource else None
    found = event.data.get("update_id")
    return str(found) if found else None


_FACTS: dict[str, tuple[str, ...]] = {
    "milestone.deidentified": ("milestone", "verdict", "counts", "reasons", "revision"),
    "edit.submitted": ("revision", "editor"),
    "review.decided": ("decision", "tier", "reason_code", "audience"),
    "update.approved": ("audience", "seq", "milestone"),
    "update.retracted": ("audience", "seq", "all", "reason"),
    "update.status": ("audience", "state", "seq"),
    "publication": ("channel_id", "channel_kind", "state", "seq", "remote_id", "url",
                    "attempts"),
    "case.state": ("change", "status", "version"),
    "deadletter": ("source_topic", "consumer"),
    "access.recorded": ("client_ip", "proxy_ip", "method", "route", "status"),
    "joinlink": ("action", "link_id", "expires_at", "client_ip"),
}


def facts(event: Event) -> dict[str, Any]:
    """Structured, PHI-free facts for the per-case timeline: labels, verdicts, counts, ids.

    Free text (notes, edited text, approvers' reasons) is never copied; only its presence
    or length.
    """
    data: dict[str, Any] = event.data
    kind = _kind(event)
    found = {name: data[name] for name in _FACTS.get(kind, ()) if data.get(name) is not None}
    if kind == "milestone.submitted":
        found = {"milestone": data["milestone"], "note_chars": len(data["note"]),
                 "phrases": len(data["phrase_ids"])}
    elif kind == "review.decided":
        found["edited"] = data["decision"] == "edit"
    elif kind == "update.approved":  # the final, de-identified text: its length only
        found["text_chars"] = len(data["text"])
    elif kind == "access.recorded":
        found["resource"] = dict(data["resource"])
    elif kind == "case.state":
        found["consent_status"] = data["consent"]["status"]
        found["scope"] = list(data["consent"]["scope"])
        if data["consent"].get("revoke_reason"):
            found["revoke_reason"] = data["consent"]["revoke_reason"]
    return found
