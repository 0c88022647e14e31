"""attack23: scans of deid23 called by the note's words (a set test, or a plain substring
test) that are narrower than the rule they guard; the rule would read the value, the gate
keeps it from running:
- street_suffixes (the speed commit 7047ae3): the number-after-street patterns run only
  for their own street words, not "st", "ct", "ln", "court", "place" (the pattern's
  suffixes) nor "-gasse", "-allee", "-platz" (the compound pattern's); the house number
  the parent commit 50d57e8 redacted now passes;
- dotted_dates: "b-day" in the rule is the words "b" and "day", neither a cue word, so
  the registered patient's birthday without its year passes;
- pass_words: "safe word" / "safe-word" and "passcodes" are in the rule, not the gate;
- unknown_names: the credential scan's gate leaves out "do" though its rule reads "DO"
  ("W. Omeruzo DO" passes where "W. Omeruzo RN" is redacted);
- aliases: the gates are " name" and "identified as" with one space; the rule takes any
  run of blanks or a tab.
The speed commit 7047ae3 brought in the street, dotted-date and credential gates: those
cases were redacted on its parent 50d57e8; all were missed on main (5389418), which had
none of these rules. Invented values."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, registered_case

OLD_HOLE = " (5389418 missed it too)"


def _no_digits(left: str) -> bool:
    return not any(c.isdigit() for c in left)


def _no_letters(left: str) -> bool:
    return not any(c.isalpha() for c in left)


@pytest.mark.parametrize(("note", "address"), [
    ("Lives at Birch Ln 22 with wife", "Birch Ln 22"),
    ("Lives at Birch Ct 22 with wife", "Birch Ct 22"),
    ("Lives at Birch St 22 with wife", "Birch St 22"),
    ("Lives at Birch Court 22 with wife", "Birch Court 22"),
    ("Lives at Birch Place 22 with wife", "Birch Place 22"),
    ("Wohnt Rosengasse 12 mit Frau", "Rosengasse 12"),
    ("Wohnt Parkallee 3 mit Frau", "Parkallee 3"),
    ("Wohnt Marktplatz 5 mit Frau", "Marktplatz 5"),
])
def test_the_house_number_after_the_street_goes(engine: Engine, note: str,
                                                address: str) -> None:
    left = left_uncovered(engine, note, address)
    assert _no_digits(left), (left, engine.deidentify(note).text)


def test_the_house_number_after_street_held(engine: Engine) -> None:
    # the gate's own words still call the pattern
    assert left_uncovered(engine, "Wohnt Lindenstraße 12", "Lindenstraße 12") == ""
    assert _no_digits(left_uncovered(engine, "Lives at Birch Lane 22 with wife", "Birch Lane 22"))


@pytest.mark.parametrize("note", ["B-day 21.07., mother confirms", "b-day: 21.07."])
def test_the_registered_birthday_after_b_day_goes(engine: Engine, note: str) -> None:
    left = left_uncovered(engine, note, "21.07", registered_case())
    assert _no_digits(left), (left, engine.deidentify(note, registered_case()).text)


def test_the_registered_birthday_after_bday_held(engine: Engine) -> None:
    assert left_uncovered(engine, "Bday 21.07., mother confirms", "21.07",
                          registered_case()) == ""


@pytest.mark.parametrize(("note", "value"), [
    ("Family safe word: marigold", "marigold"),
    ("family safe-word is PEBBLE9", "PEBBLE9"),
    ("Passcodes: lantern-77", "lantern-77"),
])
def test_a_family_pass_word_goes(engine: Engine, note: str, value: str) -> None:
    left = left_uncovered(engine, note, value)
    assert left == "", (left, engine.deidentify(note).text)


@pytest.mark.parametrize("note", ["temp\tname Trauma Kestrel",
                                  "Trauma Kestrel now identified  as pt"])
def test_a_temporary_name_goes(engine: Engine, note: str) -> None:
    left = left_uncovered(engine, note, "Trauma Kestrel")
    assert _no_letters(left), (left, engine.deidentify(note).text)


def test_a_temporary_name_single_spaced_held(engine: Engine) -> None:
    for note in ("temp name Trauma Kestrel", "Trauma Kestrel now identified as pt"):
        assert left_uncovered(engine, note, "Trauma Kestrel") == ""


@pytest.mark.parametrize(("note", "name"), [("Seen by W. Omeruzo DO", "Omeruzo"),
                                            ("Joan Smith DO to Omeruzo DO", "Omeruzo")])
def test_a_name_before_do_goes(engine: Engine, note: str, name: str) -> None:
    left = left_uncovered(engine, note, name)
    assert _no_letters(left), (left, engine.deidentify(note).text)


def test_a_name_before_rn_held(engine: Engine) -> None:
    assert left_uncovered(engine, "Seen by W. Omeruzo RN", "Omeruzo") == ""
