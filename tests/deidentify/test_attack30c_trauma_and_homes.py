"""attack30c: aliases.trauma_codes (b296012) and facility_tails' care homes (a39ec01).

NEW false alarms: a capitalised spelling-alphabet word and a number after 'Trauma' is
taken for an alias in PHI-free text typed in title case: 'Trauma Echo 2 views obtained'
(the FAST scan's views) and 'Trauma Alpha 1 activation' (a team's activation level). Base
6bf8130 left both notes as typed ('clean'); the commit's own hard negative is the
lower-case 'Trauma echo 2 views'.

OLDER (base shows them too): the alias after 'Trauma:' or after a word between
('Trauma unknown Quebec 14'), the spelling alphabet's own 'Alfa' and 'X-ray' spellings;
a care home named after the cue 'care home' with a colon or a dash, or with no kind word.
Every value is invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import shown, strict_xfail, untouched

PHI_FREE = [
    "Trauma Echo 2 views obtained and normal. FAST negative.",
    "Trauma Alpha 1 activation called at 14:02, team assembled.",
]


@pytest.mark.parametrize("note", PHI_FREE)
def test_trauma_team_words_left_alone(engine: Engine, note: str) -> None:
    untouched(engine, note)


CODES = [  # (note, the alias that must not be shown)
    ("Trauma: Quebec 14 arrived via EMS, MRN 40027719.", "Quebec 14"),
    ("Trauma unknown Quebec 14 arrived via EMS, MRN 40027719.", "Quebec 14"),
    ("Trauma Alfa 7 arrived via EMS, MRN 40027719.", "Alfa 7"),
    ("Trauma X-ray 4 arrived via EMS, MRN 40027719.", "X-ray 4"),
]


@pytest.mark.parametrize(("note", "secret"), CODES)
def test_trauma_alias_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret)


HOMES = [
    ("Care home: Larkspur Residence, MRN 40027719.", "Larkspur"),
    ("Nursing home - Larkspur Residence, MRN 40027719.", "Larkspur"),
    pytest.param("Care home Larkspur, MRN 40027719.", "Larkspur",
                 marks=strict_xfail("older: a care home after 'care home' with no kind word")),
]


@pytest.mark.parametrize(("note", "secret"), HOMES)
def test_care_home_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret, whole_word=True)
