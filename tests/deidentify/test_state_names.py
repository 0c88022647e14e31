"""US states named in two words are above state level (state_names.py): never redacted;
a town that starts with one of their words still is.

Places here are real; the sentences are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize("note", ["transfer from New Hampshire after the MVC, Garden IV",
                                  "pt drove in from rhode island this morning",
                                  "came up from West Virginia for the revision"])
def test_two_word_states_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


def test_a_town_named_like_a_state_word_is_still_redacted(engine: Engine) -> None:
    assert "Island Pond" not in engine.deidentify("pt from Island Pond, VT").text
