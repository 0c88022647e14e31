"""H1: invisible characters and bidi overrides inside a registered name or the MRN: the
screen shows "Tenneworth", the engine saw other words."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .attack_cases import PAD, leaks, published

# category Mn/Me with combining class 0, or default-ignorable: render as nothing
INVISIBLE = ["\ufe0f", "\ufe00", "\U000e0100", "\u17b4", "\u17b5", "\u180b"]


@pytest.mark.parametrize("ch", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_invisible_char_inside_name(engine: Engine, ch: str) -> None:
    typed = "Tenne" + ch + "worth"
    r = published(engine, typed + PAD)
    assert not leaks(r, typed), (r.text, r.verdict)


def test_invisible_char_inside_mrn_leaves_no_digits(engine: Engine) -> None:
    r = published(engine, "MRN 482\ufe0f13 stable, incision now")
    assert not leaks(r, "13 stable"), (r.text, r.verdict)


# RLO ... PDF: the screen shows the run reversed
@pytest.mark.parametrize("typed", ["\u202ehtrowenneT\u202c", "M\u202elosira\u202c",
                                   "\u2067htrowenneT\u2069"])
def test_bidi_override_shows_name(engine: Engine, typed: str) -> None:
    r = published(engine, typed + PAD)
    assert not leaks(r, typed), (r.text, r.verdict)


def test_bidi_override_run_is_redacted_as_typed(engine: Engine) -> None:
    # shows "and MARISol": the name is only part of the reversed run
    r = published(engine, "\u202eloSIRAM dna\u202c" + PAD)
    assert r.text == "\u202e[NAME]\u202c" + PAD, r.text
