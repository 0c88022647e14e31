"""attack26b, the staff roster (new this session): a roster written as a hospital writes one
makes a patient's or a relative's name show.

- the allow list is kept word by word: a rostered staff member's surname alone is kept for
  anyone who shares it ("husband Mr. Quandt", "pt Quandt"); the case's registered patient
  is still hidden, but a relative, another patient or a note with no case is not;
- a roster line "Surname, Given" (how staff lists are exported) makes the given name the
  kept "surname": "daughter Isolde" shows;
- a line of one name and a title or role ("Nurse Maria", "Dr. Lee") passes the one-word
  refusal (two words), and that name is then kept for anyone.
Each was a strict xfail first; fixed: a rostered name is kept whole, or its surname right
after a staff title or role or before a credential, never after a patient or relative cue or
a courtesy title; the roster reads "Surname, Given" given name first and refuses a line of
one name word besides titles and credentials. Invented names."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.common.deid import Engine, EngineConfig
from services.deidentify.roster import RosterError, read_roster

from .support import left_uncovered


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


@pytest.mark.parametrize("line", ["Nurse Maria", "Dr. Lee", "Lee RN"])
def test_a_title_and_one_name_is_refused(tmp_path: Path, line: str) -> None:
    path = tmp_path / "staff.txt"
    path.write_text(f"{line}\n", encoding="utf-8")
    try:
        kept = read_roster(path)
    except RosterError:
        return
    assert kept == (), "a title and one name were read as a full name"


@pytest.mark.parametrize(("roster", "note"), [
    ("Isolde Quandt", "Dr. Quandt is closing"),
    ("Isolde Quandt", "RN Quandt circulating"),
    ("Isolde Quandt", "Quandt RN to break"),
    ("Isolde Quandt", "attending Isolde Quandt at table"),
    ("Quandt, Isolde", "Dr. Isolde Quandt scrubbed"),
    ("Dr. Isolde Quandt, RN", "surgeon Quandt paged"),
])
def test_rostered_staff_stay_as_staff_are_written(roster: str, note: str) -> None:
    assert Engine(EngineConfig(staff_allow_list=(roster,))).deidentify(note).text == note


@pytest.mark.parametrize("note", ["Isolde called about the pt", "pt Isolde Quandt in bay 3",
                                  "Mrs. Isolde Quandt called", "Quandt in bay 3"])
def test_a_rostered_name_out_of_a_staff_place_is_hidden(note: str) -> None:
    result = Engine(EngineConfig(staff_allow_list=("Isolde Quandt",))).deidentify(note)
    assert "[NAME]" in result.text
