"""A person's name in a FHIR resource pasted as JSON: the "text" (or "family"/"given") of
the "name" of a Patient, RelatedPerson or Person ("name": [{"use": "nickname", "text":
"X"}]), and the "display" of a reference to the patient ("subject", "patient",
"beneficiary", "subscriber", "policyHolder": {"display": "X"}). The standard's own keys
say whose name it is, so the value is taken whatever words it holds (every given name,
every HumanName of the list, a contact's, "\\uXXXX"-escaped letters, the JSON on one line or
pretty-printed); a Practitioner's
name and a code's "text" ("code": {"text": "Hip replacement"}) are left, and so is a
placeholder for the person ("display": "Patient", "Unknown").
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]
RULE = "fhir_names"

_PERSON = re.compile(r'"resourceType"[ \t]*:[ \t]*"(?:Patient|RelatedPerson|Person)"')
# "name": [ { ... "text": "X" ... }, {...} ] or a contact's "name": { ... }: the keys
# inside each HumanName object; a value's letters may be escaped ("M\u00fcller")
_NAME = re.compile(r'"name"\s*+:\s*+(\[\s*+)?\{([^{}]{0,300}+)')
_MORE = re.compile(r'\}\s*+,\s*+\{([^{}]{0,300}+)')
_CHAR = r'(?:[^"\\\n]|\\u[0-9a-fA-F]{4})'
_NAME_PART = re.compile(rf'"(?:text|family)"\s*+:\s*+"({_CHAR}{{1,80}})"'
                        r'|"given"\s*+:\s*+\[([^\[\]{}]{0,200}+)\]')
_GIVEN = re.compile(rf'"({_CHAR}{{1,40}})"')
_MAX_NAMES = 6
_REF = re.compile(r'"(?:subject|patient|beneficiary|subscriber|policyHolder)"[ \t]*:[ \t]*\{'
                  r'([^{}\[\]]{0,300}+)')
_PLACEHOLDER = frozenset((
    "patient", "the patient", "pt", "subject", "person", "unknown", "anonymous", "redacted",
    "n/a", "none", "null", "self", "test patient", "beneficiary", "subscriber"))
_DISPLAY = re.compile(r'"display"[ \t]*:[ \t]*"([^"\\\n]{1,80})"')


def _values(text: str, inner: re.Match[str], part: re.Pattern[str], g: int = 1) -> list[Span]:
    base = inner.start(g)
    found: list[Span] = []
    for m in part.finditer(inner.group(g)):
        if m.lastindex == 2:  # "given": every string of the list
            at = base + m.start(2)
            pieces = [(at + g.start(1), at + g.end(1), g.group(1))
                      for g in _GIVEN.finditer(m.group(2))]
        else:
            pieces = [(base + m.start(1), base + m.end(1), m.group(1))]
        for start, end, value in pieces:
            if any(c.isalpha() for c in value) and value.strip().lower() not in _PLACEHOLDER:
                found.append((start, end, "NAME", RULE, 1))
    return found


def scan(text: str) -> list[Span]:
    """The names above, as spans."""
    found: list[Span] = []
    if '"resourceType"' not in text:
        return found
    if _PERSON.search(text) is not None:
        for m in _NAME.finditer(text):
            found += _values(text, m, _NAME_PART, 2)
            nxt = _MORE.match(text, m.end()) if m.group(1) else None
            for _ in range(_MAX_NAMES):
                if nxt is None:
                    break
                found += _values(text, nxt, _NAME_PART)
                nxt = _MORE.match(text, nxt.end())
    for m in _REF.finditer(text):
        found += _values(text, m, _DISPLAY)
    return found
