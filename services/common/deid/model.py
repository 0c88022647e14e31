"""Value types the engine hands back, and its configuration."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final

CLEAN: Final = "clean"
REDACTED: Final = "redacted"
# Something was redacted on a guess (a likely name or place the engine is not sure of):
# a human must look before it goes out, for every audience.
REVIEW: Final = "review"
QUARANTINE: Final = "quarantine"

# Machine-readable quarantine reasons (match schemas/events/milestone-deidentified.json).
ENGINE_ERROR: Final = "engine_error"
UNCERTAIN_NAME: Final = "uncertain_name"
AMBIGUOUS_NAME: Final = "ambiguous_name"
IDENTIFIER_RATIO: Final = "identifier_ratio"
TOO_MANY_FINDINGS: Final = "too_many_findings"
INPUT_TOO_LONG: Final = "input_too_long"

CATEGORIES: Final = frozenset({
    "NAME", "DATE", "MRN", "PHONE", "EMAIL", "SSN", "ID", "DEVICE", "URL", "IP", "ADDRESS",
    "LOCATION", "ZIP", "AGE", "VEHICLE", "FAX", "ACCOUNT", "LICENSE", "HEALTHPLAN",
    "BIOMETRIC", "PHOTO", "ROLE",
})


@dataclass(frozen=True, slots=True)
class Finding:
    """One removed span: offsets index the *input* text, end exclusive.

    `confident` is False for a guess (redacted all the same, but the note's verdict
    becomes `review` so that a person looks); `rule` names why it was found.
    """

    start: int
    end: int
    category: str
    rule: str
    confident: bool = True


@dataclass(frozen=True, slots=True)
class Doubt:
    """A span left in the note that could still identify someone (offsets index the
    *input* text); the note's verdict is then `review`. `reason` is a code
    (services/common/deid/doubts.py), `category` what it may be."""

    start: int
    end: int
    category: str
    reason: str


@dataclass(frozen=True, slots=True)
class Result:
    text: str
    findings: tuple[Finding, ...]
    verdict: str
    counts: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    reasons: tuple[str, ...] = ()
    doubts: tuple[Doubt, ...] = ()


def error_result() -> Result:
    return Result(text="", findings=(), verdict=QUARANTINE, counts=MappingProxyType({}),
                  reasons=(ENGINE_ERROR,))


@dataclass(frozen=True, slots=True)
class EngineConfig:
    """How cautious the engine is.

    | field | default | meaning |
    |---|---|---|
    | staff_allow_list | () | full names of staff who consented to be named; kept verbatim |
    | max_identifier_ratio | 0.6 | quarantine when redacted characters pass this share of the note |
    | max_findings | 25 | quarantine when a note holds more findings than this |
    | max_length | 5000 | longer input is quarantined unread (text "") |
    | quarantine_uncertain | True | hold notes with an unclassifiable word after a name cue |
    """

    staff_allow_list: tuple[str, ...] = ()
    max_identifier_ratio: float = 0.6
    max_findings: int = 25
    max_length: int = 5000
    quarantine_uncertain: bool = True
