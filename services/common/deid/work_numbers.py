"""Numbers of the hospital's own work, not of a patient: an IT ticket ("IT ticket #88412")
and a sterilizer load ("Load #: 2026-1204-07"). The generic "#" and "ID" cues took them
for identifiers; their label says what they are. Unless a patient's label stands before
the word ("Acct load # 88412334"), between it and the number ("ticket # Acct 88412334")
or after the number ("Load 4456712 is pt's MRN"): then "load" or "ticket" is only a word
in the way.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

# "ticket", "Load #", "ticket no.:" before a number
_LABEL_WORD = r"(?:ticket|load)"
_LABEL_TAIL = r"\s*(?:#|no\.?|number)?\s*:?\s*"
_LABEL = re.compile(rf"(?i)\b{_LABEL_WORD}{_LABEL_TAIL}$")
_STARTS = re.compile(rf"(?i){_LABEL_WORD}\b")
_DROPPED = frozenset(("ID", "DEVICE", "ACCOUNT"))
_PATIENT_LABEL = (r"(?:acct|account|billing|fin|csn|har|encounter|mrn|mr|chart|med(?:ical)?\s*rec"
                  r"|pt|patient|member|subscriber|policy|ssn|insurance)")
_PATIENT_BEFORE = re.compile(rf"(?i)\b{_PATIENT_LABEL}\b(?:\s*(?:id|#|no\.?|number))?\W*$")
_PATIENT_INSIDE = re.compile(rf"(?i)\b{_PATIENT_LABEL}\b")  # "ticket # Acct 88412334"
_PATIENT_AFTER = re.compile(
    rf"(?i)\s*(?:[,(=-]|is|was)?\s*(?:the\s+)?(?:(?:his|her|their)\s+|{_PATIENT_LABEL}(?:['’]s)?\s*)"
    rf"{_PATIENT_LABEL}?\s*(?:id|#|no\b|number|mrn|acct|account|chart)")
# a bare label of the patient's right after the number: "tkt 4471902 (MRN)", "... MRN"
_LABEL_AFTER = re.compile(r"(?i)\s*[,(=:-]?\s*(?:mrn|mr\s*#|dob|d\.o\.b|chart|ssn|csn|fin|har"
                          r"|acct|account|encounter|med(?:ical)?\s*rec)(?![a-z])")


# the label a span may start with, to read the number alone
_LEADING_LABEL = re.compile(rf"(?i)^{_LABEL_WORD}\b{_LABEL_TAIL}")


def _work_number(text: str, s: int, e: int) -> bool:
    """Labelled as a ticket or load, one group long, and no patient's label on either
    side. (A span of several groups is an identifier's head and its digits, "ticket OR3
    4471902": attack23c, no ticket's own number.)"""
    if any(c.isspace() for c in _LEADING_LABEL.sub("", text[s:e])):
        return False
    if _STARTS.match(text, s):
        at = s
    else:
        m = _LABEL.search(text, max(0, s - 16), s)
        if m is None:
            return False
        at = m.start()
    return _PATIENT_BEFORE.search(text, max(0, at - 24), at) is None \
        and _PATIENT_INSIDE.search(text, at, e) is None \
        and _PATIENT_AFTER.match(text, e) is None and _LABEL_AFTER.match(text, e) is None


def drop(text: str, spans: list[Span]) -> list[Span]:
    """`spans` without the identifier spans labelled as a ticket or load number."""
    low = text.lower()
    if "ticket" not in low and "load" not in low:
        return spans
    return [sp for sp in spans if not (sp[2] in _DROPPED and _work_number(text, sp[0], sp[1]))]
