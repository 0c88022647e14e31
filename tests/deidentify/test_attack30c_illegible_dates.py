"""attack30c: illegible_gaps (21d0d55) reads a gap glued to a value as one character of
its neighbours' kind. A reader's doubt mark typed right after a date ('03/12/2024[?]')
or after its day ('03/12[?]/2024') becomes a digit, the year has five digits or the day
three, and no date rule sees a date: the whole date goes out. Base 6bf8130 read the gap
as punctuation and hid the date (NEW). The rerun without newer rules does not help: the
MRN beside it keeps both runs `redacted`.

OLDER, beside them: underscores glued to a value ('90210___', '11/04/2023___') make one
word of it for every rule in base too; the new rule reads no gap of underscores after a
digit as a gap either. Every value is invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import shown, strict_xfail

FORM = "Handwritten intake form reviewed at bedside today. {} from clinic. Allergies none. " \
       "MRN 40027719."

GLUED = [  # (note, the date (part) that must not be shown)
    (FORM.format("Admitted 03/12/2024[?]"), "03/12/2024"),
    (FORM.format("Admitted 3/12/24[?]"), "3/12/24"),
    (FORM.format("Admitted 03.12.2024[?]"), "03.12.2024"),
    (FORM.format("Admitted 03/12[?]/2024"), "03/12"),
    ("Seen 03/12/2024[illegible]; MRN 40027719", "03/12/2024"),
]


@pytest.mark.parametrize(("note", "secret"), GLUED)
def test_date_with_a_glued_gap_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret)


UNDERSCORED = [
    ("zip code 90210___ on file", "90210"),
    ("Surgery on 11/04/2023___ per pt, MRN 40027719", "11/04"),
    (FORM.format("DOB: 03/__/1950 per daughter"), "03/__"),
]


@pytest.mark.parametrize(("note", "secret"), UNDERSCORED)
@strict_xfail("older: underscores glued to a zip or a date make one word of it")
def test_value_with_underscores_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret)
