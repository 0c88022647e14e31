"""Shared for the red-team regression tests (attack/report.md, hits H1-H7): an invented
registered patient, and what "reaches students" means under the default approval policy
(`clean`/`redacted` go out with no person in between)."""

from __future__ import annotations

from services.common.deid import CaseIdentifiers, Engine, Result

AUTO = ("clean", "redacted")  # approval DEFAULT_POLICY students.auto_when
PAD = " arrived in OR 4; anesthesia induction went smoothly and the team is ready for incision."
CASE = CaseIdentifiers.from_plain(names=["Zorbek Quillfeather", "Marisol Tenneworth"],
                                  mrn="0048213", dob="1961-03-14", key=b"k" * 32)


def published(engine: Engine, note: str) -> Result:
    return engine.deidentify(note, CASE)


def leaks(r: Result, secret: str) -> bool:
    """Whether `secret` would reach students unseen."""
    return r.verdict in AUTO and secret in r.text


def word_leaks(r: Result, word: str) -> bool:
    """Whether `word` would reach students unseen as a word of its own (a name that is
    also a word: "Will" inside "will" or "WILLOW" is not it)."""
    return r.verdict in AUTO and word in r.text.replace(",", " ").split()
