"""The words that name a biometric identifier's kind go with its value ("hand geometry",
"fingerprint record"), and Spanish fingerprint words are cues (id_cues.py, traits.py).

All values here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FOUND = [
    ("Enrolment: Hand geometry QX-5521-B on the kiosk", "geometry"),
    ("police took a fingerprint record K L 3 3 0 2, not ours", "record"),
    ("Huella dactilar: KQ 553091", "553091"),
]


@pytest.mark.parametrize(("note", "part"), FOUND)
def test_kind_words_of_a_biometric_go_with_it(engine: Engine, note: str, part: str) -> None:
    assert part not in engine.deidentify(note).text


def test_a_record_word_alone_is_no_identifier(engine: Engine) -> None:
    text = "medical record reviewed, consent on file"
    assert engine.deidentify(text).text == text
