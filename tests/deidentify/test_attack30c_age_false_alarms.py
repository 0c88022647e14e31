"""attack30c: age_shapes' new shapes (f22a513) read any number 90-119 as an age:
'_WRITTEN_AS' looks at no word before 'age' and none after the number ('Gestational age
recorded as 94 days'), and '_SAID_BACK' takes a saturation read back to a patient ('Pulse
ox says you're 96?'). Base 6bf8130 left both texts as typed (NEW false alarms on PHI-free
text; the second note is held for review either way). Every note is invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import untouched

FIGURES = [
    "Gestational age recorded as 94 days by early scan.",
    "Pulse ox says you're 96? Great, keep the mask on.",
]


@pytest.mark.parametrize("note", FIGURES)
def test_figures_left_alone(engine: Engine, note: str) -> None:
    untouched(engine, note)
