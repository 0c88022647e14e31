"""attack31c: identifiers in the shapes the NEWER_RULES of 93939a8..a301418 name (a house
by its name, a licence in groups, a player, a chat self-introduction, a nickname in
brackets, a band's "SURNAME, given") that still reach the output. OLDER: each leaked at
93939a8 as well; the new rules read a neighbouring shape but not this one. Found with
bench/deid_diff/gen4.py. Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

LEAKS = [
    # a player whose surname an older rule reads as a place: the given name stays
    ("Physio review for player Ysolde Moana, hamstring strain.", "Ysolde"),
    # a self-introduction in lower case: the surname stays
    ("USER: hello i'm nikos dravek, is my op tomorrow?", "dravek"),
    # a two-letter nickname in brackets, and the surname after it
    ("Pt Faith (Mo) Tuilagi consented.", "Tuilagi"),
    # a sample's "SURNAME, given" with the given name in lower case
    ("Sample: TARROW, faith 12345678", "TARROW"),
]

# fixed on branch fix31b (geo_sites' house name before a street, licence_values' long group)
FIXED = [
    # a house by its name, then a street whose kind is "Parade": published clean
    ("Home: The Old Rectory, Gannet Parade, keys with neighbour.", "Gannet Parade"),
    # a licence whose surname group has ten letters or more
    ("my driving licence is ACHTERBERG 298 1L2 DS if needed", "ACHTERBERG"),
]


@pytest.mark.parametrize(("note", "secret"), FIXED)
def test_a_fixed_identifier_in_a_newer_shape_goes(engine: Engine, note: str,
                                                   secret: str) -> None:
    assert secret not in engine.deidentify(note).text


@pytest.mark.xfail(strict=True, reason="OLDER: identifiers in the newer rules' shapes that "
                   "leaked at BASE too (house name + street kind, long licence surname, "
                   "player + place-like surname, lower-case surname, nickname, lower given)")
@pytest.mark.parametrize(("note", "secret"), LEAKS)
def test_an_identifier_in_a_newer_shape_goes(engine: Engine, note: str, secret: str) -> None:
    assert secret not in engine.deidentify(note).text
