"""An age over 89 told back in a question ("So you are ninety-four?") or written down
as such ("Age written as 96"): hidden. The same words before a share, a duration or a
figure that is no age stay."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.parametrize(("note", "secret"), [
    ("Q: Born? A: in the spring. Q: So you are ninety-four? A: yes", "ninety-four"),
    ("Q: And she's 96? A: that's right", "96"),
    ("Age written as 98 - date of birth on the band matches", "98"),
    ("age stated as one hundred and two by the daughter", "one hundred and two"),
    ("Pulse ox fine. So you're 96? A: yes", "96"),
    ("Age recorded as 97 on the band", "97"),
])
def test_an_age_said_or_written_is_hidden(engine: Engine, note: str, secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""


@pytest.mark.parametrize("note", [
    "Q: So you are 95% sure? A: yes",
    "Q: Temperature is 98? A: point six",
    "Weight written as 98 kg on the form",
    "Q: You are ready? A: yes, 92 on the scale",
])
def test_other_figures_stay(engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert r.text == note, r.text
