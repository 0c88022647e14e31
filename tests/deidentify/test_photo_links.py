"""A picture of the patient as one phrase: its kind, its file name and what it shows go
with the mention. Invented notes."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "phrase"), [
    ("pt Orla Venn face pic forwarded to the huddle chat IMG_2207, deleted",
     "face pic forwarded to the huddle chat IMG_2207"),
    ("pt Orla Venn face photo IMG_5120.jpg (shows her face in PACU) removed",
     "face photo IMG_5120.jpg (shows her face in PACU)"),
    ("OR 6 pt Orla Venn IMG_8830 full face on the board tablet",
     "IMG_8830 full face"),
    ("pt Orla Venn wound photo with face visible IMG_3391 sent to the wound nurse",
     "wound photo with face visible IMG_3391"),
    ("Media: Patient photo (face) 2025-03-09 14:20 | OR 2",
     "Patient photo (face) 2025-03-09 14:20"),
])
def test_picture_phrase_goes_whole(engine: Engine, note: str, phrase: str) -> None:
    assert left_uncovered(engine, note, phrase) == ""


@pytest.mark.parametrize(("note", "kept"), [
    # a sentence's end parts the picture from the next number
    ("pt Orla Venn face photo deleted. Tray 4471 to SPD", "deleted. Tray"),
    # a dash ends the phrase: the words after it are the note's own
    ("face photo IMG_2207 - OR 3 next case at 1400", "OR 3 next case"),
])
def test_hard_negatives(engine: Engine, note: str, kept: str) -> None:
    assert left_uncovered(engine, note, kept) == kept.replace(" ", "")


def test_no_picture_no_change(engine: Engine) -> None:
    untouched(engine, "wound check with face mask on, dressing dry, OR 5 at 0900")
