"""The rest of a name after the part the scanners found: a surname's initial before the
verb ("nurse Orla P. relieved by"), the initial after "Last," before a credential
("Vandermeer, K CRNA") (name_tails). Invented sentences."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered

TAILS = [
    ("nurse Orla P. relieved by Dana for lunch 1230", "Orla P."),
    ("Provider: Vandermeer, K CRNA | Supervising: Dr. Holt", "Vandermeer, K"),
    ("Scrub: Okonkwo, T RN | Circ: Dr. Lyle", "Okonkwo, T"),
]


@pytest.mark.parametrize(("note", "name"), TAILS)
def test_the_initial_goes_with_the_name(engine: Engine, note: str, name: str) -> None:
    assert left_uncovered(engine, note, name) == ""


def test_the_words_after_are_kept(engine: Engine) -> None:
    assert "relieved by" in engine.deidentify(TAILS[0][0]).text
    assert "CRNA" in engine.deidentify(TAILS[1][0]).text
