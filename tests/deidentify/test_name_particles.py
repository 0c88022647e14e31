"""A surname after a Dutch, German or Irish particle ("van", "von", "Mac an"), and a
capitalised second part glued on by a hyphen that is also an everyday word (tuning13
study). Invented names; before this, the particle and what follows stayed shown."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.parametrize(("note", "name"), [
    ("Pt Marijke van Oosterwijk has a pacemaker, MRI conditional", "Marijke van Oosterwijk"),
    ("Pt Femke van Rijswoud for revision, bay 3", "Femke van Rijswoud"),
    ("Pt Joost van der Vleuten in holding", "Joost van der Vleuten"),
    ("Pt Grainne Mac an tSionnaigh admitted overnight", "Grainne Mac an tSionnaigh"),
    ("Baby Asante-Tassel girl born by LSCS, Apgar 9", "Asante-Tassel"),
    ("Baby Boateng-Ladle in bay 2", "Boateng-Ladle"),
])
def test_the_rest_of_the_name_is_hidden(engine: Engine, note: str, name: str) -> None:
    assert left_uncovered(engine, note, name) == ""


@pytest.mark.parametrize(("note", "shown"), [
    ("Pt Marijke van Oosterwijk came by van Transfer", "Transfer"),  # not after the name
    ("Sr. Ruiz de Oaxaca, visiting", "de [LOCATION]"),  # where he is from: a place
    ("Pt Ana van Surgery list", "Surgery list"),  # a clinical word after the particle
    ("Pt Ana Diaz-Negative swab result", "swab result"),
    ("Mrs Ana Diaz-May clinic", "clinic"),
])
def test_what_is_no_surname_stays_or_keeps_its_kind(engine: Engine, note: str,
                                                    shown: str) -> None:
    result = engine.deidentify(note)
    assert shown in result.text, result.text
