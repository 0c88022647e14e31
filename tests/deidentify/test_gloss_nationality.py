"""A name glossed in brackets after a Japanese name, then a comma and a nationality
("（サントス アナ、ベトナム国籍）"): the gloss is the person's name in katakana and is
hidden whole; the nationality stays. An interpreter's note in the same place is no name.
Seen in the last differential (gen6): the base quarantined such a note only because it
took a clock time for an ID, and both showed the given name. Invented strings."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


@pytest.mark.parametrize(("note", "name"), [
    ("山田花子 様（サントス アナ、ベトナム国籍） | 22時30分 に 鈴木太郎 様 帰室。", "アナ"),
    ("鈴木美咲様（ワン シャオミン、ベトナム国籍）来院", "シャオミン"),
    ("佐藤 健一 様（グエン ミン，ベトナム国籍）面会", "ミン"),
])
def test_a_glossed_name_before_a_comma_and_nationality_is_hidden(
        engine: Engine, note: str, name: str) -> None:
    out = engine.deidentify(note).text
    assert name not in out, out
    assert "国籍" in out, out


@pytest.mark.parametrize("note", [
    "山田花子 様（通訳手配、ベトナム国籍）来院",
    "山田花子 様（通訳手配）来院",
])
def test_an_interpreters_note_in_the_bracket_stays(engine: Engine, note: str) -> None:
    out = engine.deidentify(note).text
    assert "通訳手配" in out, out
