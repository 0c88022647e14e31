"""attack26b, leaks: identifiers in the very shapes this session's rules (board_names,
age_shapes, date_spoken, name_disguises; 144d638..7ad38b6) target that base 144d638 and main
both leave shown (older holes the new rules stop one step short of):

- a surname in a board field with a separator other than "/", "→", "->" (" - ", " – ",
  " • ", " ; ", "=>"), and an age-glued field on a note with none of those: board_names
  gates the field scan on "/", "→", "->" or "OR" in the note;
- a short surname in capitals after a room ("OR 4: VOSK / ...": six capitals needed);
- "x2" typed for "×2" on a family-waiting list;
- a wristband's "SURNAME, GIVEN" all in capitals, and the module's own example
  "Qzarnik, Glenn" (a given name that is also an eponym is refused);
- a trauma alias in mixed case or hyphenated, and "UNKNOWN ECHO";
- a name before "(age 96)", ", aged 96" or ", 96 years old" (name_aged takes only ", age 96"
  and ", 96yo");
- a date of birth in number words that folds to four digits ("born nine nine twenty",
  date_spoken's own example) or typed with commas or slashes;
- a masked name in capitals, after an initial, with two blanks, or masked with "∗" or "#".
Invented strings."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.xfail(strict=True, raises=AssertionError,
                   reason="attack26b: older hole (base 144d638 shows it too) in a shape "
                          "this session's rules target")
@pytest.mark.parametrize(("note", "piece"), [
    # board_names: the gate, and a dash (a brand between dashes is as likely: attack27a)
    ("OR 4: VOSK / craniotomy", "VOSK"),
    ("I&D - Qzarnik - MRN pending", "Qzarnik"),
    ("Qzarnik x2 waiting", "Qzarnik"),
    # board_names: labels and aliases
    ("belongs to Qzarnik, Glenn", "Qzarnik"),
    ("Trauma Foxtrot in bay 2", "Foxtrot"),
    ("Trauma-Kilo in bay 2", "Kilo"),
    ("UNKNOWN ECHO in bay 9", "ECHO"),
    # name_leads: the slot next to ", age 96"
    ("for Ysolde Quarrier (age 96)", "Ysolde Quarrier"),
    ("for Ysolde Quarrier, aged 96", "Ysolde Quarrier"),
])
def test_older_hole(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.parametrize(("note", "piece"), [
    # board_names: separators (older holes, fixed; not a dash: attack27a's brands)
    ("I&D • Qzarnik • ex-lap", "Qzarnik"),
    ("I&D ; Qzarnik ; ex-lap", "Qzarnik"),
    ("I&D => Qzarnik => ex-lap", "Qzarnik"),
    ("Qzarnik 92M – TKA", "Qzarnik"),
])
def test_board_separators(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.parametrize("note", [
    "pt stable - Vicryl - closing",
    "Ancef given; Toradol held; Zofran at 1400",
    "prep - Chloraprep - dry 3 min",
    "Stryker - Mako - registered",
    "Huddle • Timeout • Incision",
])
def test_board_separators_leave_supplies_and_steps(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


@pytest.mark.parametrize(("note", "piece"), [
    # date_spoken (older holes, fixed: the view reads some words as digits, and the parts
    # may be apart by commas or slashes)
    ("born nine nine twenty", "nine nine twenty"),
    ("date of birth is eleven, four, thirty-one", "eleven, four, thirty-one"),
    ("dob eleven/four/thirty-one", "eleven/four/thirty-one"),
    ("DOB was three, twelve, nineteen twenty-nine", "three, twelve, nineteen twenty-nine"),
])
def test_spoken_date_of_birth(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.parametrize("note", [
    "born 2020 per mom, term delivery",  # a year alone is no identifier
    "born at 38 weeks, 3 kg",
    "born 38 4 weeks, APGAR 8 9",
])
def test_a_birth_without_a_date_stays(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


@pytest.mark.parametrize(("note", "piece"), [
    ("J*N*T W*LK*R at bedside", "J*N*T W*LK*R"),
    ("J. W*lk*r at bedside", "W*lk*r"),
    ("J*n*t  W*lk*r at bedside", "J*n*t  W*lk*r"),
    ("J\u2217n\u2217t W\u2217lk\u2217r at bedside", "J\u2217n\u2217t W\u2217lk\u2217r"),
])
def test_masked_name_variant(engine: Engine, note: str, piece: str) -> None:
    """An older hole: masked names in capitals, after an initial, with two blanks, or
    masked by another star."""
    assert left_uncovered(engine, note, piece, counts=str.isalnum) == ""


@pytest.mark.parametrize("note", [
    "H*E stain sent, I*O balance even",
    "Note: *STAT* labs, *NPO* since MN",
    "pain 4/10 *** see note ***",
    "Dose 2*5 mg x*3",
])
def test_stars_that_mask_no_name_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
