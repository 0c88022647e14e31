"""attack24: id_heads.widen grows a HEALTHPLAN span back over the payer typed before it;
when a place guess (`guess_place`, not confident, so the note goes to `review`) already
took that payer's word ("Wexbury HUMANA"), the two overlap, the longer confident span wins
the merge and the guess is gone: the note is published `redacted` with no person
looking, and the unknown capitalised word the guess was a warning about goes with it.
Base 768686d kept the guess apart and sent the note to review.

Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

PUBLISHED = ("clean", "redacted")

PLACE_GUESS_THEN_PAYER = [
    ("ID card scan with face from Wexbury HUMANA # 5520193847 Zorbin", "Zorbin"),
    ("photo of the pt's face from Wexbury HUMANA # 5520193847 rusty saw it", "rusty"),
]


@pytest.mark.parametrize(("note", "left"), PLACE_GUESS_THEN_PAYER)
def test_a_place_guess_before_a_payer_still_sends_the_note_to_review(
        engine: Engine, note: str, left: str) -> None:
    out = engine.deidentify(note)
    assert not (out.verdict in PUBLISHED and left in out.text), (out.verdict, out.text)


# honorifics.widen does the same from the other side: the place guess took "Wexbury Mr"
# (a capitalised word after "near"), the NAME span grows back over "Mr. ", the two
# overlap and the confident `cue_title` rule wins: `review` becomes `redacted`, and a
# surname no rule found ("Quill") is published.
PLACE_GUESS_THEN_TITLE = [
    ("moved near Wexbury Mr. Ferrand; brother Zorbin Quill drove", "Quill"),
]


@pytest.mark.parametrize(("note", "left"), PLACE_GUESS_THEN_TITLE)
def test_a_place_guess_before_a_title_still_sends_the_note_to_review(
        engine: Engine, note: str, left: str) -> None:
    out = engine.deidentify(note)
    assert not (out.verdict in PUBLISHED and left in out.text), (out.verdict, out.text)
