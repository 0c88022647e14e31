"""Whose identifier it is (name_heads.after_for): after an identifier in the same sentence,
the words after "for" that end the clause are a person's name even when they are also
words, a surname alone, an eponym written capitalised, or a word no list knows. Ordinary
words and procedures after "for", or a "for" with no identifier before it, stay.

All names here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FOUND = [
    ("the account number on the sticker: V5551234987 for Zarelle.", "Zarelle"),
    ("insurance member number is qrx-555-12345 for wren kastellan comma verified", "wren"),
    ("driver's license DL5559134 copied before the block for Hunter Kocher.", "Hunter Kocher"),
    ("acct 5551-998877 billing for Fletcher, Wren.", "Fletcher, Wren"),
    ("retina template RT-55519 stored on the tablet for ruby strong; delete", "ruby strong"),
    ("the account number: v5550001234 for royal. also page the desk", "royal"),
    ("emailed the updates to hopefam55@example.org for Crane.", "Crane"),
]

KEPT = [
    ("account 5551-998877 flagged for review.", "for review."),
    ("photo IMG_5512.JPG sent by her, not for stream. Closing.", "for stream."),
    ("INMATE #55512, SHACKLES OFF FOR PARATHYROIDECTOMY.", "FOR PARATHYROIDECTOMY."),
    ("employer notified at 555-0142 that he is out for six weeks.", "for six weeks."),
    ("lot 5551-998877 opened for the second stage.", "for the second stage."),
    ("scheduled for noon. Consent signed.", "for noon."),
]


@pytest.mark.parametrize(("note", "name"), FOUND)
def test_the_owner_of_an_identifier_is_redacted(engine: Engine, note: str, name: str) -> None:
    out = engine.deidentify(note).text
    assert all(part.strip(",") not in out for part in name.split())


@pytest.mark.parametrize(("note", "words"), KEPT)
def test_ordinary_words_after_for_stay(engine: Engine, note: str, words: str) -> None:
    assert words in engine.deidentify(note).text
