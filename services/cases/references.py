"""The signed consent's document reference: a filing reference, never a note.

The schema already limits it to 1–128 letters, digits and `. _ : / # -`; a reference
that still carries the patient's own identifiers (a name, the MRN, the date of birth)
or a phone number is refused too, because every admin reads it on /cases. Reasons never
echo what was refused.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from services.common.errors import Unprocessable
from services.common.schemas import FieldError

from .errors import InvalidCase

POINTER = "/consent/document_ref"
NOT_A_REFERENCE = ("must be a reference to the signed form, such as consent/2026/0042.pdf: "
                   "1 to 128 letters, digits or . _ : / # - (no spaces, not a description)")
CARRIES_IDENTIFIERS = ("must be a reference to the signed form, such as "
                       "consent/2026/0042.pdf, without the patient's name, MRN, date of "
                       "birth or a phone number")
_PHONE = re.compile(r"(?<![0-9])(?:[0-9]{3}[-.]?[0-9]{3}[-.]?[0-9]{4}|[0-9]{3}[-.][0-9]{4})"
                    r"(?![0-9])")
_MIN_NAME_PART = 3


def _compact(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", unicodedata.normalize("NFKC", text).casefold())


def readable(error: Unprocessable) -> InvalidCase:
    """The same 422 (code and pointers unchanged) with the reference's reason in words."""
    fields = [FieldError(f.pointer, NOT_A_REFERENCE) if f.pointer == POINTER else f
              for f in error.fields]
    return InvalidCase(error.message, fields=fields, code=error.code)


def _patient_parts(patient: dict[str, Any]) -> list[str]:
    parts: list[str] = []
    for name in patient.get("names", []):
        words = re.split(r"[^\w]+", unicodedata.normalize("NFKC", name).casefold())
        parts += [_compact(w) for w in words if len(_compact(w)) >= _MIN_NAME_PART]
        parts.append(_compact(name))
    if patient.get("mrn") and len(_compact(patient["mrn"])) >= 4:
        parts.append(_compact(patient["mrn"]))
    dob = str(patient.get("dob") or "")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", dob):
        year, month, day = dob.split("-")
        parts += [year + month + day, month + day + year, day + month + year]
    return [p for p in parts if len(p) >= _MIN_NAME_PART]


def check(document_ref: str, patient: dict[str, Any]) -> None:
    """Refuse (422 on the field) a reference carrying identifiers."""
    compact = _compact(document_ref)
    found: Sequence[str] = [p for p in _patient_parts(patient) if p in compact]
    if found or _PHONE.search(document_ref):
        raise InvalidCase("request body failed validation",
                          fields=[FieldError(POINTER, CARRIES_IDENTIFIERS)])
