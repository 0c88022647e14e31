"""attack31a: NEW crash in player_names (5b7e435): its capital class [A-Z\\u00c0-\\u00de]
holds '×' (U+00D7, the multiplication sign), which is no upper-case letter; when every
word it matched starts with '×', `_person` keeps no word and reads words[0] of an empty
list. The IndexError quarantines a PHI-free note with text "" (engine_error); base
93939a8 left it clean. Fixed in fix31a: the class skips U+00D7. Every note is invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize("note", [
    "Return-to-play: player ×two ×weekly sessions.",
    "×ab ×cd (prop) ACL",
])
def test_a_times_sign_after_player_does_not_crash(engine: Engine, note: str) -> None:
    result = engine.deidentify(note)
    assert "engine_error" not in result.reasons
    assert result.text == note
