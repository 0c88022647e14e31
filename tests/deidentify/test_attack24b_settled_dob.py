"""attack24b, regression: a spaced date of birth (spaced_dates.py, a NEWER_RULES rule) now
found early settles its digits, and the cued value base found over the whole run is no
longer found: id_cues.scan skips a digit run inside a settled span (DATE, AGE), so from
"DL DOB: 4 22 1936 95 882" only the date and the first age go, and the rest of the value
base hid as one licence or ID ("DL DOB: [LICENSE]") is shown ("... [AGE] 882"). The verdict
stays `redacted`: the second run without NEWER_RULES only takes the more careful verdict,
never the spans that run hid.

Base 768686d hides every digit of these notes; main shows the last group (an age said
again, or the end of the number). Every note here is invented for these tests."""

from __future__ import annotations

import re

import pytest

from services.common.deid import Engine

PUBLISHED = ("clean", "redacted", "review")

SHOWN = [
    ("DL DOB: 4 22 1936 95 882", "882"),
    ("DL DOB: 4 22 1936 95 95", "95"),
    ("ticket DOB 4 22 1936 96 97", "97"),
    ("ID DOB: 4 22 1936 95 95", "95"),
    ("ins # HUMANA DOB: 4 22 1936 95 95", "95"),
]


@pytest.mark.parametrize(("note", "secret"), SHOWN)
def test_the_value_after_a_spaced_date_of_birth_stays_hidden(engine: Engine, note: str,
                                                              secret: str) -> None:
    out = engine.deidentify(note)
    assert not (out.verdict in PUBLISHED and re.search(rf"(?<!\w){secret}(?!\w)", out.text)), \
        (out.verdict, out.text)
