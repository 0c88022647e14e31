"""An employer named in a note written in capitals, where capitals tell nothing: the
words after the cue up to a company word ("CO.", "INC", "MILLS") (employers.py).
Invented sentences."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "employer"), [
    ("SON'S EMPLOYER REDFERN GRAIN CO. CALLED FOR AN UPDATE", "REDFERN GRAIN CO."),
    ("PT WORKS AT OSTRANDER BOX MILLS, NIGHT SHIFT", "OSTRANDER BOX MILLS"),
    ("EMPLOYER: KELVERTON SUPPLY INC | WORKERS COMP", "KELVERTON SUPPLY INC"),
])
def test_an_employer_in_capitals_is_redacted(engine: Engine, note: str,
                                             employer: str) -> None:
    text = engine.deidentify(note).text
    assert not any(w in text.split() for w in employer.split()[:-1]), text


@pytest.mark.parametrize("note", [
    "PT WORKS AT THE HOSPITAL LAUNDRY, BACK PAIN",
    "EMPLOYER: RETIRED",
    "WORKS FOR THE COUNTY, ROAD CREW",
])
def test_ordinary_work_in_capitals_is_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
