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
