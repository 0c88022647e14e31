"""attack22r: gates narrower than the rules they guard (deid22). Each new scan is skipped
when a plain test of the note says its cue is absent; the test is narrower than the rule,
so a cue written in another case or spacing turns the rule off and the identifier leaks:
- date_edges: the words "dob"/"born"/"birth" or the literal "O.B"/"o.b"; the rule is
  case-blind and reads "D.o.B." and "d.O.b." too;
- initial_cues: the literal "nitial" or "NITIAL"; the rule is case-blind ("InItial");
- masked_values: a capital X mask only next to a digit or a slash; the phone rule reads
  "(555) 010-XXXX" (a dash before the mask) as well as "(555) 010-****";
- unknown_names: the joining word tested as " and "/" & " with one space each side; the
  rule takes any run of blanks and tabs ("Joan Smith  and Delaquay").
Invented values."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, registered_case

REASON = "attack22r: a cue gate narrower than its rule lets the identifier through"

# the case's DOB 1938-07-21 with the month in Maori ("Hongongoi", July): dob_any_month
DOB_PLAIN = ["DOB 21 Hongongoi 1938 noted", "D.O.B. 21 Hongongoi 1938 noted"]
DOB_CASED = ["D.o.B. 21 Hongongoi 1938 noted", "d.O.b. 21 Hongongoi 1938 noted",
             "D.o.B: 8 Mahuru 1949 noted"]


def _date_of(note: str) -> str:
    return note.split(" ", 1)[1].removesuffix(" noted")


@pytest.mark.parametrize("note", DOB_PLAIN)
def test_dob_any_month_found(engine: Engine, note: str) -> None:
    assert left_uncovered(engine, note, _date_of(note), registered_case()) == ""


@pytest.mark.parametrize("note", DOB_CASED)
def test_dob_cue_in_mixed_case_still_read(engine: Engine, note: str) -> None:
    # the gate asks for "O.B" or "o.b" typed as such; "D.o.B." holds neither
    left = left_uncovered(engine, note, _date_of(note), registered_case())
    assert not any(c.isdigit() for c in left), (left, engine.deidentify(note).text)


@pytest.mark.parametrize("note", ["InItial only: R. then", "INitial only: R. then",
                                  "pt iNitials: R. noted"])
def test_initial_cue_in_mixed_case_still_read(engine: Engine, note: str) -> None:
    # "initial only: R." is redacted (initial_named); the gate's "nitial"/"NITIAL" miss these
    assert left_uncovered(engine, note, "R.") == "", engine.deidentify(note).text


def test_initial_cue_plain(engine: Engine) -> None:
    assert left_uncovered(engine, "initial only: R. then", "R.") == ""


@pytest.mark.parametrize("note", ["call (555) 010-XXXX today", "cb 555.010.XXXX today"])
def test_x_masked_phone_after_a_separator(engine: Engine, note: str) -> None:
    # "(555) 010-****" is phone_masked; with X the gate wants "\dX" or "X/", and "-X" is neither
    piece = note.split(" ", 1)[1].removesuffix(" today")
    left = left_uncovered(engine, note, piece)
    assert not any(c.isdigit() for c in left), (left, engine.deidentify(note).text)


JOINED = [
    ("Joan Smith  and Delaquay came", "Delaquay"),
    ("Delaquay and  Joan Smith came", "Delaquay"),
    ("Joan Smith\t&\tDelaquay came", "Delaquay"),
    ("Joan Smith &\tDelaquay came", "Delaquay"),
    # and the guess beside a name, which would send the note to review, is lost with it
    ("Joan Smith  and Bluebell came", "Bluebell"),
]


def test_unknown_beside_name_single_spaced(engine: Engine) -> None:
    assert left_uncovered(engine, "Joan Smith and Delaquay came", "Delaquay") == ""


@pytest.mark.parametrize(("note", "name"), JOINED)
def test_unknown_beside_name_with_more_blanks(engine: Engine, note: str, name: str) -> None:
    assert left_uncovered(engine, note, name) == "", engine.deidentify(note).text
