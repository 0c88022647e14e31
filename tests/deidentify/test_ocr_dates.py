"""Dates as a scanned fax reads them (O for zero, l or I for one), a weekday's ordinal day,
the clock time told with a date and an age's OCR'd number word (tuning13 study). Invented
notes; before ocr_dates.py each piece below stayed in the text."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .growth import assert_grows_linearly
from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "piece"), [
    ("Clinic slots offered: O9/ll or O4/l2, pt away l1/O7", "O4/l2"),
    ("Clinic slots offered: O9/ll or O4/l2, pt away l1/O7", "l1/O7"),
    ("Fax stamp: pt seen in clinic on lO/O2", "lO/O2"),
    ("Referral: pt DOB l8 Sep l941, knee OA", "l8 Sep l941"),
    ("Theatre list: added Mrs K for Oct O9 second case", "Oct O9"),
    ("Pt notes: born fourteenth of June l93l, 93, L knee", "fourteenth of June l93l"),
    ("Pre-assessment booked for Wed 19th, letter sent", "Wed 19th"),
    ("Neonate delivered 0537 on 9 March, Apgar 8 and 9", "0537 on 9 March"),
    ("Pt passed away 17:05 on the 12th, family present", "17:05 on the 12th"),
    ("Mrs Quarmby aged ninety-s1x, from the home", "ninety-s1x"),
    ("Mrs Quarmby aged ninety-n1ne, from the home", "ninety-n1ne"),
])
def test_ocr_dates_and_their_edges_are_hidden(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.parametrize("note", [
    "O2/IO access discussed, 2 l/min via nasal cannula",  # oxygen, intraosseous
    "I/O charted, lO minutes of pre-oxygenation",  # no digit in the shape
    "Pt on O2 at 2 l/min, sats 97",
    "ninety-f0ur of the count forms were scanned",  # a number word, no age
    "MAR reviewed, O2 prescribed, Mar l dose of ondansetron held",
    "case 3 of 4 on the list, start at 0800 on Monday",  # a time, no date
    "the 2nd case follows, 3rd case cancelled",  # ordinals with no weekday
    "May I have the 4th tray, Fri team briefing at 0730",
    "pain 7/1O at rest, TOF 4/4, power 5/5, GCS l5/l5",  # scores and counts
])
def test_clinical_shapes_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)


def test_ocr_dates_grow_linearly(long_engine: Engine) -> None:
    unit = ("pt on lO/O2 and Oct O9 and O2/IO seen 0800 on the 3rd, Thu 4th; Pt Tansy Quarr"
            "ington DOB, initials: KWT, pt name Quenby, Pt Ana Lu 94 L eye, Ana van der Poel; ")
    assert_grows_linearly(long_engine.deidentify, lambda n: (unit * (n // len(unit) + 1))[:n])


@pytest.mark.parametrize(("note", "piece"), [
    ('{"bed": "4C", "age": "93", "npo": true}', "93"),
    ('{"name": "x", "age": "104"}', "104"),
])
def test_an_age_field_in_json_is_hidden(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.parametrize("note", [
    '{"age": "95%"}',  # no age: a percentile
    '{"stage": "97"}',
    '{"page": "92", "bed": "4C"}',
])
def test_json_fields_that_are_no_age_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
