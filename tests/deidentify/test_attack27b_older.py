"""attack27b, older holes (base 5a1ecfb shows them too) in the shapes this session's rules
target (name_tails, after_names, initial_cues, pt_names): a surname after "van" behind
"surname", a hyphened part after "de la", an age before "L hip" after a lone surname, a
relative's list-word name in lower case, "Mac an" before a
surname after a title, "pt name" with two list words, lower-case initials, a scanned ZIP
or age, the hour of a birth typed with a dot.
Invented strings."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.xfail(strict=True, raises=AssertionError,
                   reason="attack27b: older hole (base 5a1ecfb shows it too)")
@pytest.mark.parametrize(("note", "piece"), [
    ("surname van Dorrel, first name Ada", "Dorrel"),
    ("patient de la Fuente-Sky", "Sky"),
    ("Mrs. Mac an Bhaird at bedside", "Bhaird"),
    ("surname Mac an tSaoi", "tSaoi"),
    ("surname: van Holding", "Holding"),
    ("Qorvell 91 L hip", "91"),
    ("Quorvell 94 L eye cataract", "Quorvell"),
    ("wife holding at bedside", "holding"),
    ("pt name Holding Weight", "Holding Weight"),
    ("initials qx", "qx"),
    ('{"zip_code": "O2ll5"}', "O2ll5"),
    # digit_groups/ocr_dates: a ZIP read with more look-alikes than digits, an age field in
    # words, the hour of a birth typed with a dot, an OCR'd number word of an age
    ("zip: O2ll5", "O2ll5"),
    ("postal code is 9O2lO", "9O2lO"),
    ("born 05.37 on 9 March 1951", "05.37"),
    ("aged n1nety-two", "n1nety-two"),
])
def test_older_hole(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


def test_a_json_age_in_words_goes(engine: Engine) -> None:
    """Was an older hole here; hidden since the session's JSON age runs as a newer rule."""
    assert left_uncovered(engine, '{"age" : "ninety-three"}', "ninety-three") == ""


def test_a_particle_surname_after_a_cued_given_name_goes(engine: Engine) -> None:
    """An older hole until pt_names.surname_after read particles (nineteenth session)."""
    assert left_uncovered(engine, "Pt Ada van Kidney, 60F", "Kidney") == ""
