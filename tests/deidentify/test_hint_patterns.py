"""hints.any_of: one pattern over the folded note gives any_in's answer (the set 23 rules'
gates rely on it, speed34)."""

from __future__ import annotations

import random

from services.common.deid.hints import any_in, any_of, folded


def test_any_of_answers_as_any_in() -> None:
    rng = random.Random(34)
    words = ("via", "viale", "av.", "santa casa", " ka ", " ki ", "sáb", "terça", "dag", "d")
    rx = any_of(words)
    alphabet = "avilek dtsácçrgaS.İıK"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert (rx.search(folded(text)) is not None) == any_in(text, words), text


def test_any_of_finds_a_word_anywhere() -> None:
    rx = any_of(("straat", "laan", "plein"))
    assert rx.search(folded("Woont aan de KERKSTRAAT 12")) is not None
    assert rx.search(folded("the plan is unchanged")) is None
