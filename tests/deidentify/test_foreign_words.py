"""Ordinary words of a code-switched note are no names (foreign_words.py): "está en",
"nasa ... na po", "bệnh nhân đang chờ" hold words the world name lists also hold. Names in
the same notes still go: capitalised after a relation or title ("con gái Lan", "el esposo
Carlos Ruiz"), and any word of English notes.

Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine, foreign_words

KEPT = [
    "la señora está en quirófano desde las ocho, todo bien",
    "o paciente está com dor, sem febre, ok para alta",
    "nasa recovery na po ang pasyente, wala pang ihi",
    "bệnh nhân đang chờ mổ, chưa ăn từ tối qua",
    "la familia está en la sala, dijo que todo bien",
    "Está en ayuno desde anoche, la presión bien",
    # rare surnames elsewhere that tell the language
    "cirugía del lado izquierdo, sin complicaciones, todo bien",
    "a colostomia fica no lado esquerdo, sem dor",
]


@pytest.mark.parametrize("note", KEPT)
def test_ordinary_words_of_another_language_are_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


GONE = [
    ("la señora María López está en quirófano", "María López"),
    ("con gái Lan đang chờ ở ngoài phòng mổ", "Lan"),
    ("bà Trần Thị Mai chưa ký giấy, con trai Hùng đang tới", "Trần Thị Mai"),
    ("bà Trần Thị Mai chưa ký giấy, con trai Hùng đang tới", "Hùng"),
    ("el esposo Carlos Ruiz está en la sala de espera", "Carlos Ruiz"),
    ("ang anak na si Jomar ay nasa lobby na po", "Jomar"),
    ("está en recuperación, la hija clara lópez espera afuera", "clara lópez"),
]


@pytest.mark.parametrize(("note", "name"), GONE)
def test_names_in_those_notes_still_go(engine: Engine, note: str, name: str) -> None:
    assert name not in engine.deidentify(note).text


@pytest.mark.parametrize(("note", "langs"), [
    ("la presión está en 90/50", {"es"}),
    ("nasa PACU na po, wala pang ihi", {"fil"}),
    ("bệnh nhân ổn định, chuyển sang PACU", {"vi"}),
    ("pt to PACU, stable, family updated", set()),
    ("Dr. Paz and Dr. Lopez to OR 4", set()),  # names alone tell no language
])
def test_a_note_is_read_as_a_language_by_two_of_its_words(note: str, langs: set[str]) -> None:
    assert foreign_words.languages(note) == langs
