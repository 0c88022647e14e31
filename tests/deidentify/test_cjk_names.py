"""Chinese names glued to the word before them ("患者王秀兰，", "女儿刘芳在等候区"): a
relation or patient word, then a common surname and one or two characters, then a
punctuation mark or a little word (cjk_names.py). A Japanese name with its honorific at
the very start of a note, and a name after an Arabic word for brother or sister
(names.py).

Every name here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

GONE = [
    ("患者王秀兰，八十岁，手术顺利。", "王秀兰"),
    ("家属在外面，女儿刘芳在等候区。", "刘芳"),
    ("佐藤さん、術後経過良好です。", "佐藤"),
    ("أخته سلمى في قاعة الانتظار.", "سلمى"),
]


@pytest.mark.parametrize(("note", "part"), GONE)
def test_names_in_other_scripts_go(engine: Engine, note: str, part: str) -> None:
    assert part not in engine.deidentify(note).text


@pytest.mark.parametrize("note", ["患者稳定，手术顺利。", "患者已麻醉，准备切口。",
                                  "家属住在附近。"])
def test_words_after_the_patient_word_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


def test_the_surname_in_the_same_script_goes_with_the_name(engine: Engine) -> None:
    # invented: a given name the scanner finds, then its surname in the same script
    note = "The consent was signed by अनीता वर्मा as guardian."
    assert "वर्मा" not in engine.deidentify(note).text
    assert "as guardian" in engine.deidentify(note).text


def test_a_lower_case_word_after_a_greek_name_is_kept(engine: Engine) -> None:
    # invented: Greek has capitals, so a lower-case word after the name is no surname
    assert "αίθουσα" in engine.deidentify("Ελένη Παππά αίθουσα 3.").text
