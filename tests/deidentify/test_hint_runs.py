"""The per-note memos the gates of set 24 read: whole words and runs of figures, the same
on the ASCII fast path as the patterns' own definitions (`[^\\W\\d_]+`, `\\d+`)."""

import re

import pytest

from services.common.deid import hints

NOTES = (
    "Pt Jan Kowalski, ul. Kwiatowa 12/4, tel 512 345 678; BP 120/80.",
    "pt from 14B ward_2, call back 555-0142 x12",
    "İstanbul'da yaşıyor, 92 yaşında; ſix ½ x² ١٢٣ ул. Ленина",
    "",
)


@pytest.mark.parametrize("note", NOTES)
def test_runs_are_the_notes_runs_of_letters(note: str) -> None:
    assert hints.runs(note) == frozenset(re.findall(r"[^\W\d_]+", note))
    assert hints.folded_runs(note) == frozenset(re.findall(r"[^\W\d_]+", hints.folded(note)))


@pytest.mark.parametrize("note", NOTES)
def test_figures_are_the_lengths_of_the_notes_runs_of_figures(note: str) -> None:
    assert hints.figures(note) == tuple(len(f) for f in re.findall(r"\d+", note))


def test_words_ask_an_ascii_note_only_the_ascii_words() -> None:
    words = hints.Words(("ul.", "ул.", "bor\t"))
    assert words.any_in("ul. Kwiatowa") and words.any_in("ул. Ленина")
    assert words.any_in("bor\ti Oslo") and not words.any_in("bor i Oslo")
