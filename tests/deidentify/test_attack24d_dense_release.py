"""attack24d: widening rules release dense notes the identifier ratio held. A short note
that is mostly identifiers is held unless dense_notes.nothing_left finds nothing left a
person could miss, and that test trusts a note of at most three findings whose words left
are all plain. The widening rules now swallow the words that kept the test from passing
(a courtesy title: honorifics.py; a payer: id_heads.py; an age's unit "y":
after_names._with_units) or join two findings into one
(photo_links.py), so a note with a given name left as typed ("johnson, hope": "hope" is a
plain word) goes out `redacted` where base held it in quarantine.

Every note here is invented for these tests."""

from __future__ import annotations

import re

import pytest

from services.common.deid import Engine

PUBLISHED = ("clean", "redacted")

RELEASED = [
    pytest.param("Mrs Ida Lund, hattie johnson, hope", "hope", id="honorifics"),
    pytest.param("Garcia, iris  Miss Soren King", "iris", id="honorifics-miss"),
    pytest.param("MRS WENDELL MBEKI III", "III", id="honorifics-suffix"),
    pytest.param("AGED 96 y SSN: 054-28-3436 JASPER DAVIS III", "III", id="after_names-unit"),
    pytest.param("patient ana lund - face photo uploaded as IMG_4119 garcia, hattie johnson, hope",
                 "hope", id="photo_links"),
    pytest.param("card AETNA 2395025024 garcia, hattie johnson, hope", "hope", id="id_heads"),
]


@pytest.mark.parametrize(("note", "secret"), RELEASED)
def test_a_dense_note_with_a_name_left_is_still_held(engine: Engine, note: str,
                                                     secret: str) -> None:
    out = engine.deidentify(note)
    assert not (out.verdict in PUBLISHED and re.search(rf"\b{secret}\b", out.text)), out.text
