"""Number words said between two pieces of one number are the number's too."""

from __future__ import annotations

from services.common.deid import Engine

from .support import left_uncovered


def test_digits_said_between_two_pieces_are_hidden(engine: Engine) -> None:
    note = ("USER: my ssn is five five five oh one two three four, four four, seven seven "
            "eight one BOT: Please don't share it.")
    assert left_uncovered(engine, note, "four four, seven", counts=str.isalnum) == ""
    assert "Please don't share it." in engine.deidentify(note).text
