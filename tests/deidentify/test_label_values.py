"""A field label's value that is itself a label, or one everyday word that is no given
name and no frequent surname, is no one's name (label_values.py): "re: Notice: tray 4
recalled", "To: All PACU staff", "msg from CRNA: running behind". Names after labels
still go: frequent surnames, given names, two capitalised words.

Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

KEPT = [
    "RE: RE: add-on request\nOK, slot after 1800, OR 12.",  # "Re" is a surname too
    "re: Notice: tray 4 recalled, check the carts",
    "To: All PACU staff\nSubject: new warmer",
    "msg from CRNA: running behind, 10 min",
]


@pytest.mark.parametrize("note", KEPT)
def test_labels_and_everyday_words_after_a_label_are_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


GONE = [
    ("Surgeon: Little\nAssist: none", "Little"),
    ("To: Mark\nSubject: your case tomorrow", "Mark"),
    ("From: Oriel Banerjee\nTo: PACU", "Oriel Banerjee"),
]


@pytest.mark.parametrize(("note", "name"), GONE)
def test_names_after_labels_still_go(engine: Engine, note: str, name: str) -> None:
    assert name not in engine.deidentify(note).text


ASKED_NAMES = [
    ("From patient: Will Ostrander here, can I eat before noon?", "Ostrander"),
    ("Patient: Dorrit Vance. Can I shower?", "Dorrit Vance"),
    ("From patient: Is Winnie Halloran my anaesthetist?", "Halloran"),
]


@pytest.mark.parametrize(("note", "name"), ASKED_NAMES)
def test_names_by_a_question_still_go(engine: Engine, note: str, name: str) -> None:
    assert name not in engine.deidentify(note).text
