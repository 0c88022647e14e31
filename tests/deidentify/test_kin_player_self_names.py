"""kin_names, player_names, self_names: a relative's given name after the relation word
("Aunty X", "family x", "whānau (X)"), a sportsperson's after "player" or before their
position in brackets, a person's own in a chat ("hi im x-y", "i'm X Y"). Ordinary words
in the same places stay. Invented strings."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "name"), [
    ('OCR: "call Aunty Folake 555-0177 she is next of kin"', "Folake"),
    ("pt Mrs Ann Keogh 91 | family siobhan at bedside", "siobhan"),
    ("taonga removed, given to whānau (Mereana)", "Mereana"),
        ("player Tamati Ruawai taken from stadium by ambulance", "Tamati Ruawai"),
    ("player Wiremu Tapsell flew home for surgery", "Wiremu Tapsell"),
    ("Rangi Paewai (winger) ACL reconstruction, back at 9 months", "Rangi Paewai"),
    ("USER: hi im mary-kate im 14 and scared BOT: It is normal.", "mary-kate"),
    ("USER: i'm Losa Vainikolo my email pls update BOT: ok", "Losa Vainikolo"),
])
def test_names_are_hidden(engine: Engine, note: str, name: str) -> None:
    result = engine.deidentify(note)
    for word in name.replace("-", " ").split():
        if len(word) > 3:
            assert word not in result.text


@pytest.mark.parametrize("note", [
    "family meeting at bedside, aunty present",
    "player welfare officer informed, club physio aware",
    "USER: hi im scared about my op BOT: It is normal to feel nervous.",
    "I'm Going Home today",
])
def test_ordinary_words_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
