"""E-mail addresses said aloud: a country's domain, an "at" earlier in the sentence."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "address"), [
    ("her email is lulu.fenwick at orange dot fr for updates", "lulu.fenwick at orange dot fr"),
    ("email the son at kwame.b at web dot de today", "kwame.b at web dot de"),
    ("send it to pieter at ziggo dot nl", "pieter at ziggo dot nl"),
])
def test_a_spoken_address_is_redacted_whole(engine: Engine, note: str, address: str) -> None:
    r = engine.deidentify(note)
    start = note.index(address)
    assert all(any(f.start <= i < f.end for f in r.findings) or note[i] == " "
               for i in range(start, start + len(address))), r.text


@pytest.mark.parametrize("note", [
    "we met the family at noon in the lounge",
    "pt arrived at ward five dot matrix printer jammed",
])
def test_at_in_prose_is_no_address(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
