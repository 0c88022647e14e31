"""script_items: a numbered list's item written only in another script inside a Latin-
script note, and a name after "pt" in a script script_names lacks; a list in a note
written in that language, and Latin items, stay. Invented strings."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "name"), [
    ("Board for theatre 5 this morning: 1) 田中 太郎 2) 이서연 3) knee scope", "田中"),
    ("Board for theatre 5 this morning: 1) 田中 太郎 2) 이서연 3) knee scope", "이서연"),
    ("Pt ਹਰਪ੍ਰੀਤ ਕੌਰ in bay 2, interpreter booked", "ਹਰਪ੍ਰੀਤ"),
    ("Pt ಅನಿಲ್ ಶೆಟ್ಟಿ to PACU at 10:15", "ಅನಿಲ್"),
])
def test_names_are_hidden(engine: Engine, note: str, name: str) -> None:
    assert name not in engine.deidentify(note).text


@pytest.mark.parametrize("note", [
    "1) 阑尾切除术 2) 胆囊切除术 CT ok",
    "Steps: 1) wash hands 2) dry 3) glove",
    "Sign in the lobby says 1) 禁止吸烟 then points to the exit",
])
def test_other_items_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
