"""attack21a: dates the patterns do not read. The registered birth date said as a reader
would say "7/21/38" ("seven twenty-one thirty-eight") right after "DOB"; a birth date
written day-and-month only in the German way ("21.07."); and any date with a Polish,
Russian or Czech month name (every date but the year is an identifier under Safe Harbor).
Each note comes out `clean` (auto-published to students) with the date in it.

All dates here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import CaseIdentifiers, Engine

from .support import registered_case


@pytest.fixture(scope="module")
def registered() -> CaseIdentifiers:
    return registered_case()


def test_the_registered_birth_date_said_in_words_after_dob_never_survives(
        engine: Engine, registered: CaseIdentifiers) -> None:
    result = engine.deidentify("DOB seven twenty-one thirty-eight, ASA 2.", registered)
    assert "twenty-one" not in result.text, (result.verdict, result.text)


def test_a_birth_day_and_month_with_full_stops_never_survives(
        engine: Engine, registered: CaseIdentifiers) -> None:
    result = engine.deidentify("born 21.07., ASA 2.", registered)
    assert "21.07" not in result.text, (result.verdict, result.text)


@pytest.mark.parametrize("date", ["3 lipca 2024", "3 марта 2024", "3. října 2024",
                                  "3 października 2024"])
def test_a_date_with_a_slavic_month_name_is_redacted(engine: Engine, date: str) -> None:
    result = engine.deidentify(f"admitted {date}, ASA 2.")
    assert date.split()[1] not in result.text, (result.verdict, result.text)
