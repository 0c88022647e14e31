"""attack27e: in a note in capitals, facility_tails.scan now reads the note in Title Case
and cuts every span it finds with _plain_tail_cut ("[GLENHARROW WITH] SEPSIS"). That cut
also reaches a Spanish workplace after "trabaja en" (employer_en), whose last word is
often an ordinary one (STEEL, TEXTILES, SHOES, BAKERY): base 5a1ecfb hid the whole
workplace; main ecf5b16 shows its last word, and where base held the note it may now
publish it. A workplace led by "THE" is no longer found at all in capitals. Fixed after
this attack (the workplace read as typed, the cut for towns only): plain tests now.

Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

PUBLISHED = ("clean", "redacted")

# (note, the workplace's words base hid)
CUT_TAILS = [
    ("TRABAJA EN DUNMORE STEEL.", "STEEL"),
    ("TRABAJA EN ACME PLUMBING, LMA 4", "PLUMBING"),
    ("TRABAJA EN ORVALLE TEXTILES.", "TEXTILES"),
    ("TRABAJA EN BRASKO CONSTRUCTION, LMA 4", "CONSTRUCTION"),
    ("TRABAJA EN ACME SHOES", "SHOES"),
    ("TRABAJA EN QUELLBRIDGE FOODS.", "FOODS"),
]


@pytest.mark.parametrize(("note", "word"), CUT_TAILS)
def test_a_workplace_in_capitals_keeps_its_last_word_hidden(
        engine: Engine, note: str, word: str) -> None:
    out = engine.deidentify(note)
    assert not (out.verdict in PUBLISHED and word in out.text), (out.verdict, out.text)


# base held these (quarantine) with the workplace hidden; main publishes them
HELD_BEFORE = [
    ("TRABAJA EN FENWICK BAKERY", "BAKERY"),
    ("TRABAJA EN THE GREEN DOOR CAFE", "GREEN DOOR"),
]


@pytest.mark.parametrize(("note", "word"), HELD_BEFORE)
def test_a_held_workplace_note_in_capitals_is_not_published_with_it(
        engine: Engine, note: str, word: str) -> None:
    out = engine.deidentify(note)
    assert not (out.verdict in PUBLISHED and word in out.text), (out.verdict, out.text)
