"""Cities in their own script, and places after another language's word for "from"."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "place"), [
    ("daughter born in Москва, now here", "Москва"),
    ("brat priekhal из Казань вчера", "Казань"),
    ("husband flew in from 서울 last night", "서울"),
    ("환자 Kim, São Paulo 출신, OR 3", "São Paulo"),
    ("hermano llegó desde Monterrey ayer", "Monterrey"),
])
def test_the_place_is_redacted(engine: Engine, note: str, place: str) -> None:
    r = engine.deidentify(note)
    assert place not in r.text, r.text


@pytest.mark.parametrize("note", [
    "Пациент в операционной 2, всё хорошо",
    "Ασθενής στο χειρουργείο, όλα καλά",
    "llegó desde casa a las 9.",
])
def test_other_words_in_those_scripts_are_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
