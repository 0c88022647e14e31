"""A store's, gym's or car park's member number after its cue word (id_cues.py);
sentences written for this test."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


@pytest.mark.parametrize(("text", "number"), [
    ("wife read out his loyalty card 7093 1184 to confirm", "7093"),
    ("gym membership 550193 found in the wallet", "550193"),
    ("rewards # 33019822 on the pharmacy bag", "33019822"),
    ("parking pass 60218 hanging in the truck", "60218"),
])
def test_member_number(engine: Engine, text: str, number: str) -> None:
    assert number not in engine.deidentify(text).text


@pytest.mark.parametrize("text", [
    "parking garage level 2, case start 0730",
    "membership renewal due 2026 for the society",
])
def test_no_number_here(engine: Engine, text: str) -> None:
    assert engine.deidentify(text).text == text
