"""attack26b, the staff roster (new this session): a roster written as a hospital writes one
makes a patient's or a relative's name show.

- the allow list is kept word by word: a rostered staff member's surname alone is kept for
  anyone who shares it ("husband Mr. Quandt", "pt Quandt"); the case's registered patient
  is still hidden, but a relative, another patient or a note with no case is not;
- a roster line "Surname, Given" (how staff lists are exported) makes the given name the
  kept "surname": "daughter Isolde" shows;
- a line of one name and a title or role ("Nurse Maria", "Dr. Lee") passes the one-word
  refusal (two words), and that name is then kept for anyone.
Invented names."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.common.deid import Engine, EngineConfig
from services.deidentify.roster import RosterError, read_roster

from .support import left_uncovered


@pytest.mark.xfail(strict=True, raises=AssertionError,
                   reason="attack26b: new this session, a rostered name shows for a "
                          "patient or a relative")
@pytest.mark.parametrize(("roster", "note", "piece"), [
    ("Isolde Quandt", "husband Mr. Quandt called", "Quandt"),
    ("Isolde Quandt", "pt Quandt in bay 3", "Quandt"),
    ("Quandt, Isolde", "daughter Isolde called", "Isolde"),
    ("Nurse Maria", "daughter Maria called", "Maria"),
    ("Dr. Lee", "Mrs. Lee called", "Lee"),
])
def test_a_roster_keeps_no_patient_or_relative(roster: str, note: str, piece: str) -> None:
    engine = Engine(EngineConfig(staff_allow_list=(roster,)))
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.xfail(strict=True, raises=AssertionError,
                   reason="attack26b: new this session, a title and one name pass as a full "
                          "name")
@pytest.mark.parametrize("line", ["Nurse Maria", "Dr. Lee", "Lee RN"])
def test_a_title_and_one_name_is_refused(tmp_path: Path, line: str) -> None:
    path = tmp_path / "staff.txt"
    path.write_text(f"{line}\n", encoding="utf-8")
    try:
        kept = read_roster(path)
    except RosterError:
        return
    assert kept == (), "a title and one name were read as a full name"
