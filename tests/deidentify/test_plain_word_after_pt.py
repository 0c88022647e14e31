"""An English word typed in lower case after "pt", in a note that capitalises its names,
that the lists hold only as a surname is the word (deid23): "pt fell", "pt struck by",
"pt card". Capitalised, it is still the patient's name. Invented notes."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched

# withdrawn after attack23b: reading the word after "pt" as plain English let a lower-case
# surname through before any word a list did not hold ("pt marsh ambulated"); these false
# alarms are accepted for safety
WITHDRAWN = pytest.mark.xfail(strict=True, raises=AssertionError,
                              reason="withdrawn after attack23b: a false alarm kept for safety")


@WITHDRAWN
@pytest.mark.parametrize(("note", "word"), [
    ("Per Dr Quill the pt fell at home on the stairs.", "pt fell at"),
    ("Trauma: MVC, pt struck by a van near the school.", "pt struck by"),
    ("Bed 4 ready. Pt card left with the charge RN.", "Pt card left"),
])
def test_a_lower_case_word_after_pt_stays(engine: Engine, note: str, word: str) -> None:
    assert word in engine.deidentify(note).text


@pytest.mark.parametrize(("note", "name"), [
    ("Per Dr Quill the pt Fell is in bay 4.", "Fell"),
    ("pt ramirez in bay 4, npo since midnight", "ramirez"),
])
def test_the_patient_name_still_goes(engine: Engine, note: str, name: str) -> None:
    assert left_uncovered(engine, note, name) == ""


@WITHDRAWN
def test_a_plain_note_is_untouched(engine: Engine) -> None:
    untouched(engine, "Bed 4 ready. Pt card left with the charge RN.")


@pytest.mark.parametrize(("note", "name"), [
    ("Bed 4 ready. Implant card given for pt marsh Supplies restocked.", "marsh"),
    ("Bed 4 ready. Per Dr Quill pt marsh is in bay 4.", "marsh"),
    ("Bed 4 ready. Consent signed by pt marsh.", "marsh"),
])
def test_a_lower_case_surname_the_sentence_does_not_go_on_from(engine: Engine, note: str,
                                                                name: str) -> None:
    assert left_uncovered(engine, note, name) == ""
