"""A place found with confidence is the same place where the note writes it again the same
way, with no cue of its own ("from happy, texas ... back to happy"): name_again.scan_places.

Every sentence here is invented for these tests."""

from __future__ import annotations

from services.common.deid import Engine


def test_a_found_place_said_again_is_redacted_too(engine: Engine) -> None:
    text = engine.deidentify("pt from happy, texas. wants to go home to happy friday").text
    assert "happy" not in text


def test_a_town_repeated_in_capitals_is_redacted_too(engine: Engine) -> None:
    text = engine.deidentify("PT FROM HAPPY, TEXAS. FAMILY STILL IN HAPPY.").text
    assert "HAPPY" not in text


def test_a_guessed_place_is_not_looked_for_again(engine: Engine) -> None:
    # a guess goes to a person; it does not spread over the note's other words
    note = "pt came from nursinghome, says nursinghome food is bad"
    result = engine.deidentify(note)
    assert result.text.count("nursinghome") == 1


def test_a_note_without_a_place_is_unchanged(engine: Engine) -> None:
    note = "hope the block holds, happy with the closure"
    assert engine.deidentify(note).text == note
