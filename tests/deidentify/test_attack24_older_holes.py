"""attack24, older holes (base 768686d lets these out too): forms next to what deid24's
new rules cover that they still miss.

- spaced_dates: a date of birth with blanks, but with a two-digit year, a comma or a dot
  between its parts, the cue on the line above, or "born in"; "dob 4-22 1931" keeps the
  year, which with 1931 tells an age over 89.
- a lot number glued to a driver's licence or a plate tag with a slash: the lot value
  swallows the label, and the note holds only "batch" findings, which are dropped.

Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

PUBLISHED = ("clean", "redacted")

HOLES = [
    ("dob 4 22, 1931 confirmed", "1931"),
    ("dob 4.22 1931 confirmed", "1931"),
    ("DOB\n4 22 1931", "1931"),
    ("born in 4 22 1931", "1931"),
    ("lot 4456123499-2231/DL WA WDL88213ZX", "WDL88213ZX"),
    ("Lot 4456123499-2231/TX tag 882KTV", "882KTV"),
]


@pytest.mark.xfail(strict=True, raises=AssertionError,
                   reason="attack24: older hole (base too), next to spaced_dates/id_heads")
@pytest.mark.parametrize(("note", "secret"), HOLES)
def test_an_older_hole_next_to_the_new_rules(engine: Engine, note: str, secret: str) -> None:
    out = engine.deidentify(note)
    assert not (out.verdict in PUBLISHED and secret in out.text), (out.verdict, out.text)


def test_a_dashed_dob_keeps_no_year_apart(engine: Engine) -> None:
    """Was an older hole here; date_spoken (study14b) now widens a date over the year
    written beside it."""
    out = engine.deidentify("dob 4-22 1931 confirmed")
    assert "1931" not in out.text, out.text


def test_a_spaced_dob_with_a_two_digit_year_goes(engine: Engine) -> None:
    """Was an older hole here; date_spoken now reads three parts apart by blanks."""
    out = engine.deidentify("dob 4 22 31 confirmed")
    assert "22 31" not in out.text, out.text
