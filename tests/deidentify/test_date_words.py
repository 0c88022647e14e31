"""Dates a note writes in words (date_words.py): months of other languages beside a day,
Chinese/Japanese/Korean day-month forms, a holiday or weekday right after an admission
or birth, "Sunday the fourth", "moved to the 21st", a month misspelt by one letter.
The whole date goes, with its article ("le 3 mars", "el 8 de mayo").

Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

GONE = [
    ("Opéré le 3 mars 1941, stable.", "le ["),
    ("Ingresó el 8 de octubre por dolor.", "el ["),
    ("OP-Datum: 9. Oktober, alles ruhig.", "9. Oktober"),
    ("Doğum günü 11 Nisan, ailesi burada.", "11 Nisan"),
    ("Pt born 4 Bealtaine, family in waiting room.", "4 Bealtaine"),
    ("Pt born 22 Samhain per the daughter.", "22 Samhain"),
    ("手术日期：3月18日。顺利。", "3月18日"),
    ("入院 11月 2日、経過良好。", "11月 2日"),
    ("수술 날짜 4월 9일 입니다.", "4월 9일"),
    ("pt admitted Labor Day weekend, ex-lap", "Labor Day"),
    ("ADMITTED NEW YEAR'S EVE, FREE AIR ON CT", "NEW YEAR'S EVE"),
    ("admit thanksgiving w/ SBO, second look now", "thanksgiving"),
    ("pt was born on Halloween, she reminds everyone", "Halloween"),
    ("pt admitted tuesday night with pain", "tuesday"),
    ("admited thrusday, lap appy now", "thrusday"),
    ("she was admitted on Monday the second after a fall", "Monday the second"),
    ("CASE BOOKED FOR FRIDAY THE 13TH, MOVED UP", "FRIDAY THE 13TH"),
    ("surgery date moved to the 21st bc of the OR backlog", "21st"),
    ("the repair was planned for the twenty second but moved", "twenty second"),
    ("surgery was orignally Novembr 9 but bumped", "Novembr 9"),
]


@pytest.mark.parametrize(("note", "part"), GONE)
def test_dates_in_words_are_redacted(engine: Engine, note: str, part: str) -> None:
    assert part not in engine.deidentify(note).text


KEPT = [
    "Pt to the 4th floor after PACU, bed 12.",
    "succeeded on the 2nd attempt, grade I view",
    "ASA 3. Lap chole, 4 ports, done by 10:40.",
    "the staff party is moved to the 20th floor lounge",
    "mart 4 kits opened, count correct",
    "Admitted patients waiting: 3. Rooms turned over Tuesday and Thursday as usual.",
    "Member ID on file; order 5 units of PRBC",
]


@pytest.mark.parametrize("note", KEPT)
def test_other_numbers_and_weekdays_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


def test_a_sentence_ending_in_a_number_before_an_eponym_stays(engine: Engine) -> None:
    note = "PEEP 5. Mayo scissors on the field."
    assert engine.deidentify(note).text == note


@pytest.mark.parametrize(("note", "part"), [
    ("Paciente ingresó el martes por dolor abdominal.", "el martes"),
    ("she was admitted the Tuesday before last, per her son", "Tuesday before last"),
    ("pt has a wound clinic visit scheduled thursday", "thursday"),
])
def test_weekdays_of_an_admission_or_a_booking(engine: Engine, note: str, part: str) -> None:
    assert part not in engine.deidentify(note).text
