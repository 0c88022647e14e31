"""Why an approver rejected an update: a code, never free text, on the topics.

The code and its fixed label travel on `reviews` and `updates.status` (the
tablet shows the label). An approver's optional comment stays in approval's
own database and is served only to the update's author and whoever decided
(`GET /api/v1/reviews/{update_id}/comment`): it is staff free text, which may
name someone, so no topic read by more than that need carries it.
"""

from __future__ import annotations

# code -> label; the same codes are the enum in schemas/api/review-decide.json and
# schemas/events/review-decided.json, and the approvals page offers these labels.
REJECT_REASONS: dict[str, str] = {
    "not_educational": "not of educational value",
    "identifies_patient": "could identify the patient",
    "inaccurate": "inaccurate",
    "duplicate": "duplicate of another update",
    "other": "other (see the approver's comment)",
}


def label(code: str) -> str:
    return REJECT_REASONS.get(code, "rejected")


# Why de-identification held a text, in words (the codes are in
# schemas/events/milestone-deidentified.json and services/common/deid/model.py).
HOLD_REASONS: dict[str, str] = {
    "uncertain_name": "an unfamiliar word stands where a name usually does",
    "ambiguous_name": "a word could be a name or an ordinary word",
    "identifier_ratio": "most of the text was identifiers",
    "too_many_findings": "it held too many identifiers",
    "input_too_long": "it was too long to check",
    "engine_error": "the checker failed on it",
    "case_unknown": "the case's identifiers were not known yet",
}

WAITING = "waiting for a person to check"


def in_words(codes: list[str]) -> str:
    return "; ".join(HOLD_REASONS.get(c, c.replace("_", " ")) for c in codes) or "uncertain"


def held_note(verdict: str, codes: list[str]) -> str | None:
    """Why a held update waits, when de-identification is why (never PHI: fixed words)."""
    if verdict == "review":
        return WAITING + ": de-identification was not sure about something it removed"
    if verdict == "quarantine":
        return WAITING + ": de-identification withheld the text (" + in_words(codes) + ")"
    return None
