"""attack22r: masked_values (deid22) reads the typed text, not the normalised view, and
knows only "*", "•", "●" and "X" as masks and ASCII "-", ".", "/" as separators. A
zero-width space or soft hyphen inside, an HTML entity for the dash, a non-breaking
hyphen, a fullwidth asterisk or solidus: the masked phone, date or code is left whole,
digits and all, where the same value typed plainly is redacted. With a case registered
(DOB 1938-07-21) its day or month and year leak so. Invented values."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, registered_case

REASON = "attack22r: a masked value with a format character or confusable left whole"

PLAIN = ["call 555-02** tonight", "DOB 07/**/1938 noted", "DOB **/21/1938 noted",
         "id B-4*9*2*1 on file"]
DISGUISED = [
    "call 555-0\u200b2** tonight",  # zero-width space
    "call 555-02*\u00ad* tonight",  # soft hyphen inside the mask
    "call 555&#45;02** tonight",  # the dash as an entity
    "call 555\u201102** tonight",  # non-breaking hyphen
    "call 555-02\uff0a\uff0a tonight",  # fullwidth asterisks
    "DOB 07/\uff0a\uff0a/1938 noted",  # the registered DOB's month and year
    "DOB **\u200b/21/1938 noted",  # the registered DOB's day and year
    "DOB **\uff0f**\uff0f1941 noted",  # fullwidth solidus
    "id B-4*9*\u200b2*1 on file",
    "id B-4\uff0a9\uff0a2\uff0a1 on file",
]


def _value(note: str) -> str:
    return note.split(" ")[1]


@pytest.mark.parametrize("note", PLAIN)
def test_masked_value_typed_plainly_found(engine: Engine, note: str) -> None:
    left = left_uncovered(engine, note, _value(note), registered_case())
    assert not any(c.isdigit() for c in left), left


@pytest.mark.parametrize("note", DISGUISED)
def test_masked_value_disguised_still_found(engine: Engine, note: str) -> None:
    left = left_uncovered(engine, note, _value(note), registered_case())
    assert not any(c.isdigit() for c in left), (left, engine.deidentify(note).text)
