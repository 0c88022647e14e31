"""attack31b, older holes (base 93939a8 lets these out too): places, plates, days and
ages in the shapes the newest rules read (geo_sites, vehicle_marks, day_dates,
age_answers, licence_values) but written in lower case, in capitals, spelled out or
with a lower-case model, which head a301418 still shows.

Every name, place, plate and number here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import shown, strict_xfail

HOLES = [
    ("Re Mr Quentin Abara, flat 6, 41 osier walk. Lives with son.", "osier walk"),
    ("Re Mr Quentin Abara, FLAT 6, 41 OSIER WALK, WEXBURY.", "OSIER WALK"),
    ("copy to Ms Harrow, flat 3b gannet court, wexbury.", "gannet court"),
    ("lives wexbury, alone", "wexbury"),
    ("lives alone in little cowarne.", "cowarne"),
    ("LIVES ALONE IN LITTLE COWARNE.", "COWARNE"),
    ("Pt from oakhurst care home dunmere", "dunmere"),
    ("flat at quarry court, wexbury", "wexbury"),
    ("pickup Elm Row Sheltered Housing", "Elm Row"),
    ("accident in wexbury", "wexbury"),
    ("old wexbury, new fenby", "wexbury"),
    ("my driving licence is jones 611 2q8 cd", "jones"),
    ("his ute ABC 123 (NSW)", "ABC 123"),
    ("Apt 4B, 221 W 34th St, Manhattan", "221 W 34th"),
    ("c/o unit 5, 12 gannet parade, wexbury", "gannet parade"),
    ("living in little cowarne", "cowarne"),
    ("i'm 1 hundred and 2", "hundred and 2"),
]


# fixed on branch fix31b by new readings in the newer rules (geo_sites, vehicle_marks,
# day_dates, age_answers)
FIXED = [
    ("seen Mon the twenty first", "twenty first"),
    ("admitted yesterday the twenty first.", "twenty first"),
    ("hmp wexbury transfer", "wexbury"),
    ("in custody at Wexbury Prison", "Wexbury"),
    ("isle of quarrel ferry", "quarrel"),
    ("old address Fenby, new address Wexbury", "Wexbury"),
    ("silver vw polo ab12 cde", "ab12 cde"),
    ("green kia picanto XY67ZZT parked", "XY67ZZT"),
    ("I'm ninety four and live alone", "ninety four"),
    ("I am ninety-four", "ninety-four"),
    ("car reg ab 12 cde", "ab 12 cde"),
    ("resides Wexbury", "Wexbury"),
    ("seen Mon 21st pm", "21st"),
    ("clinic Wed 21st am", "21st"),
]


@pytest.mark.parametrize(("note", "secret"), FIXED)
def test_a_fixed_hole_beside_the_new_shapes(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret)


@strict_xfail("OLDER: attack31b, base too; beside geo_sites/other_kinds' new shapes")
@pytest.mark.parametrize(("note", "secret"), HOLES)
def test_an_older_hole_beside_the_new_shapes(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret)
