"""fix21n: the rules behind the attack21a number and date fixes, beyond the attacker's own
examples, and what they must leave alone.

- a bullet, dot operator, box line... between two digits reads as "-" (or "/"), nowhere else:
  a bullet list, "3 \u2022 4 mm", "OR 5 \u00b7 bay 2", a typed "\u00bd" stay as typed;
- a number half in digits and half in words is read whole; a number word standing apart at
  the end of a plain phone number ("555-201-4477 two times") is not pulled into it;
- months of Polish, Russian, Czech and Romanian in their other forms;
- a day and month with full stops only after an admission or a birth ("Hb 12.05." stays);
- "aged 1OO" and the like, but not "stage 1OO".

All identifiers here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import CaseIdentifiers, Engine

from .support import left_uncovered, untouched

KEY = b"test-key-0123456789abcdef-0123456789"


@pytest.mark.parametrize("note", [
    "\u2022 3 ports\n\u2022 2 drains\n\u2022 1 specimen",
    "nodule 3 \u2022 4 mm on CT",
    "OR 5 \u00b7 bay 2 \u00b7 ready",
    "give \u00bd tab at 10:40",
    "dose 2\u20225 mg titrated",
    "Hb 12.05. stable",
    "count un deux trois, ok",
    "3 ports: two 5 mm and one 12 mm",
    "stage 1OO of the audit",
])
def test_counts_bullets_and_doses_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)


def test_a_plain_phone_number_before_a_number_word_is_redacted_whole(engine: Engine) -> None:
    note = "cb 555-201-4477 two times today"
    assert left_uncovered(engine, note, "555-201-4477") == ""
    assert "two times" in engine.deidentify(note).text


@pytest.mark.parametrize("phone", ["555 201 four 4 seven 7", "five 5 5 2 zero 1 4477",
                                   "555\u22c5201\u22c54477", "555\u2501201\u25014477"])
def test_a_phone_number_in_mixed_or_odd_forms_is_not_left(engine: Engine, phone: str) -> None:
    result = engine.deidentify(f"son's cell {phone} if needed")
    assert result.verdict != "clean" and phone not in result.text, result.text


@pytest.mark.parametrize("date", ["12 grudnia 2023", "12 grudzień 2023", "12 декабря 2023",
                                  "12. prosince 2023", "12 decembrie 2023", "1 МАЯ 2020"])
def test_other_forms_of_the_new_month_names_are_dates(engine: Engine, date: str) -> None:
    note = f"seen {date} in clinic"
    day = date.split()[0]
    assert left_uncovered(engine, note, date[:date.index(" ", len(day) + 1)]) == "", \
        engine.deidentify(note).text


@pytest.mark.parametrize("note", ["DOB: 3.11. per mum", "date of birth 4.2., ASA 1",
                                  "admitted 30.12. via ED"])
def test_a_day_and_month_with_full_stops_after_a_birth_or_admission(
        engine: Engine, note: str) -> None:
    piece = next(w for w in note.replace(",", " ").split() if w.endswith(".") and w[0].isdigit())
    assert left_uncovered(engine, note, piece) == "", engine.deidentify(note).text


@pytest.mark.parametrize("age", ["aged 9O", "aet. 1O4", "age: 1OI"])
def test_a_look_alike_age_after_its_word(engine: Engine, age: str) -> None:
    result = engine.deidentify(f"Pt {age}, for hernia repair.")
    assert age.split()[1] not in result.text, result.text


def test_the_registered_mrn_with_a_letter_for_a_digit_only_when_it_is_the_mrn(
        engine: Engine) -> None:
    case = CaseIdentifiers.from_plain(names=["Orsolya Vantrigg"], mrn="5281734",
                                      dob="1950-02-03", key=KEY)
    assert "52817" not in engine.deidentify("ref 52817s4 pls", case).text
    assert engine.deidentify("ref 52817s5 pls", case).text == "ref 52817s5 pls"
