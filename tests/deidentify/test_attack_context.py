"""H7: the birth year of a patient over 89, street suffixes the address pattern does not
know, and relatives' names after cue words it does not know."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .attack_cases import PAD, leaks, published

YEARS = [("pt born 1931, stable", "1931"), ("pt is a WWII veteran born 1925, stable", "1925")]
STREETS = ["lives at 42 Wallaby Crescent", "lives at 42 Wallaby Close",
           "lives at 42 Wallaby Wy", "lives at 42 Rue Wallaby", "lives at 42 Calle Wallaby",
           "apt 4B, 42 wallaby wy"]
RELATIVES = [("brother-in-law Brambleby waiting", "Brambleby"),
             ("Brambleby's wife waiting", "Brambleby"),
             ("visitor Xavriel Pemberdine at the desk", "Xavriel Pemberdine")]


@pytest.mark.parametrize(("note", "secret"), YEARS, ids=[c[1] for c in YEARS])
def test_birth_year_over_89_is_caught(engine: Engine, note: str, secret: str) -> None:
    r = published(engine, note)
    assert not leaks(r, secret), (r.text, r.verdict)


@pytest.mark.parametrize("typed", STREETS)
def test_street_is_caught(engine: Engine, typed: str) -> None:
    r = published(engine, typed + PAD)
    assert not (leaks(r, "Wallaby") or leaks(r, "wallaby")), (r.text, r.verdict)


@pytest.mark.parametrize(("typed", "secret"), RELATIVES, ids=[c[1] for c in RELATIVES])
def test_relative_name_is_caught(engine: Engine, typed: str, secret: str) -> None:
    r = published(engine, typed + PAD)
    assert not leaks(r, secret), (r.text, r.verdict)
