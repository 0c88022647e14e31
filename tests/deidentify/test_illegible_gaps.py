"""A value with a gap a reader could not make out ("[illegible]", "[?]", "___") inside it
is still the value: the whole token, gap included, is hidden. A gap standing alone
between words is left as it is."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, shown


@pytest.mark.parametrize(("note", "secret"), [
    ("Pt name: Tamsin Brav[illegible]y DOB 4/2/61 proc: R hip", "Brav[illegible]y"),
    ("Emergency contact: Odile (wife) tel 555-02[illegible]7", "555-02[illegible]7"),
    ("Pt ID bracelet # QX-71[illegible]804 - reprinted", "QX-71[illegible]804"),
    ("Passport # K771[?]20934 for ID", "K771[?]20934"),
    ("Vehicle: blue Ford plate 4R[illegible]T882 parked ED lot", "4R[illegible]T882"),
    ("Email: odile.varnay@mai[illegible]box.net - check at desk",
     "odile.varnay@mai[illegible]box.net"),
    ("Name Corisande Velt[illegible]hoven DOB 1950-02-1[illegible]", "1950-02-1[illegible]"),
    ("Vehicle: blue Ford plate 4R___T882 parked ED lot", "4R___T882"),
    ("Pt name: Odile Vel__ey DOB 4/2/61", "Vel__ey"),
])
def test_a_value_with_a_gap_inside_is_hidden_whole(engine: Engine, note: str,
                                                     secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""
    assert not shown(engine, note, secret)


@pytest.mark.parametrize("note", [
    "Surgeon signature [illegible], date/time 1318",
    "Pain score charted, RN [illegible] initials at bottom",
    "Procedure: Roux-en-Y [illegible] bypass, bariatric table",
    "Consent: accepts / declines [?] - ask again",
    "Form line ___ left blank, OR 4",
])
def test_a_gap_between_words_changes_nothing(engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert r.text == note, r.text
