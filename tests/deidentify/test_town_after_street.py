"""The town written after a street address: "22 Orchard Lane, Wexbury", "9 Birch Ave in
Quarrington", "lives on Fernhill Road in Ambleton" (place_edges.town_after_street).
Invented sentences."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

TOWNS = [
    ("pt lives at 22 Orchard Lane, Wexbury and drives himself", "Wexbury"),
    ("Home: 9 Birch Ave in Quarrington, wife at home", "Quarrington"),
    ("he lives alone on Fernhill Road in Ambleton per son", "Ambleton"),
    ("lives on 31 Gannet St in East Pollard with daughter", "East Pollard"),
]


@pytest.mark.parametrize(("note", "town"), TOWNS)
def test_the_town_after_a_street_is_redacted(engine: Engine, note: str, town: str) -> None:
    assert town not in engine.deidentify(note).text


KEPT = [
    ("pt lives at 22 Orchard Lane, Wexbury and drives himself", "drives"),
    ("Home: 9 Birch Ave in Quarrington, wife at home", "wife at home"),
    ("lives at 4 Elm St, Apt 2, In OR 5 at noon", "OR 5 at noon"),
    ("lives on 12 Oak Rd in Ambleton. Foley placed", "Foley placed"),
]


@pytest.mark.parametrize(("note", "kept"), KEPT)
def test_the_words_after_the_town_are_kept(engine: Engine, note: str, kept: str) -> None:
    assert kept in engine.deidentify(note).text
