"""Initials typed loosely (loose_initials.py) and "Surname, Given" after a cue
(name_heads.inverted), where both words are also ordinary words; while hyphenated
letter pairs, Latin abbreviations and eponym lists stay.

All names here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FOUND = [
    ("trauma bay 2: pt q-z, GCS 14", "q-z"),
    ("pump paused for the case - Q-Z", "Q-Z"),
    ("Q_Z: consent re-signed at 0930", "Q_Z"),
    ("pt is q.z. and is going to pacu", "q.z."),
    ("implant sheet done for q.z.w., thanks", "q.z.w."),
    ("badge printed for Hall, Hope.", "Hall"),
    ("badge printed for Hall, Hope.", "Hope"),
    ("police said the owner, crane, mark, is in the lobby", "crane"),
    ("ADD-ON: STONE, GRACE, DOB 2/3/44, LAP CHOLE", "STONE"),
]

KEPT = [
    ("A-V fistula flows well, thrill present", "A-V fistula"),
    ("tylenol 1 g p.o. given, 85 y.o. man awake", "p.o."),
    ("Babcock, Allis, Kelly on the back table", "Babcock, Allis, Kelly"),
    ("Closing with Vicryl, Monocryl. Dressing on.", "Vicryl, Monocryl"),
]


@pytest.mark.parametrize(("note", "part"), FOUND)
def test_loose_initials_and_inverted_names_are_redacted(
        engine: Engine, note: str, part: str) -> None:
    assert part not in engine.deidentify(note).text


@pytest.mark.parametrize(("note", "words"), KEPT)
def test_letter_pairs_abbreviations_and_eponym_lists_stay(
        engine: Engine, note: str, words: str) -> None:
    assert words in engine.deidentify(note).text
