"""Ages over 89 in Chinese/Japanese numerals ("九十三岁", "百二歳") and a word for 90-99 of
another language standing alone ("Hr. Vogt, neunzig", "devadesát dva let", "ενενήντα
δύο") (ages_words.py); "neunzig Minuten" is a duration and stays.

Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

GONE = [
    ("患者张伟，九十三岁，手术顺利。", "九十三岁"),
    ("佐藤さん、百二歳、術後経過良好。", "百二歳"),
    ("Patient ist Herr Vogt, neunzig — stabil.", "neunzig"),
    ("Pt Karel Dvořák, devadesát dva let, hip.", "devadesát"),
    ("Pt's grandmother is ενενήντα δύο and waits outside.", "ενενήντα"),
]


@pytest.mark.parametrize(("note", "part"), GONE)
def test_ages_in_words_go(engine: Engine, note: str, part: str) -> None:
    assert part not in engine.deidentify(note).text


@pytest.mark.parametrize("note", ["OP-Dauer neunzig Minuten, Blutverlust gering.",
                                  "手术九十分钟，顺利。"])
def test_durations_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
