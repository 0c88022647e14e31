"""An age over 89 a person gives ("I'm 94") or corrects ("ninety one no sorry ninety
four") is hidden; "I'm 95% sure" and "I'm 92 kg" stay."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import untouched


@pytest.mark.parametrize(("note", "secret"), [
    ("USER: I'm 94 and my son will drive me BOT: That is fine.", "94"),
    ("I am her son, she's ninety one no sorry ninety four, still in theatre", "ninety four"),
    ("she is 91, sorry 97, and lives alone", "97"),
])
def test_an_age_given_or_corrected_is_hidden(engine: Engine, note: str, secret: str) -> None:
    r = engine.deidentify(note)
    assert secret not in r.text
    assert "AGE" in r.counts


@pytest.mark.parametrize("note", [
    "I'm 95% sure the count is right",
    "USER: I'm 92 kg now BOT: Thanks.",
])
def test_shares_and_weights_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
