"""A number given as the answer to a question that names its kind ("Q: Last four of
social? A: three three one eight", "Q: Home phone? A: 555 02 71"): the answer is hidden as
that kind. Answers with no kind asked for, or too short to identify, stay."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.parametrize(("note", "secret"), [
    ("Q: Last four of social? A: three three one eight", "three three one eight"),
    ("Q: Full social for registration? A: two one four, five five, nine oh one three",
     "two one four, five five, nine oh one three"),
    ("Q: Confirm social, last four? A: 5 2 0 9, for the chart", "5 2 0 9"),
    ("Q: Fax for the papers? A: five five five, oh two eight one, that's my home",
     "five five five, oh two eight one"),
    ("Q: Home phone? A: 555 02 71 Q: cell? A: 555-0272", "555 02 71"),
    ("Q: Account number on your bill? A: 610 227 904. Q: That is billing.", "610 227 904"),
    # the kind as the question's head noun, beside the compounds and verbs that are not
    ("Q: Cell number for the ward? A: 555 0272", "555 0272"),
    ("Q: Record number, please? A: 4402 1187", "4402 1187"),
    ("Q: Social security number? A: 214 55 9013", "214 55 9013"),
    ("Q: Telephone contact? A: 555 0271", "555 0271"),
])
def test_a_number_answering_a_question_of_its_kind_is_hidden(engine: Engine, note: str,
                                                            secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""


@pytest.mark.parametrize("note", [
    "Q: Pain score now? A: 7 out of 10",
    "Q: How many units crossmatched? A: 2 2 units, yes",
    "Q: Which OR? A: 12. Q: Start time? A: 0730",
    "Q: Phone charged? A: yes, 100 percent",
    "Q: Any medications? A: metoprolol 25, aspirin 81.",
])
def test_other_answers_stay(engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert r.text == note, r.text
