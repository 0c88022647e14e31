"""An age over 89 with the sex glued to it in lower case or after a "y" (ages.py);
sentences written for this test."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


@pytest.mark.parametrize(("text", "age"), [
    ("93yom s/p mechanical fall, on apixaban", "93yom"),
    ("Next up 91yF for a hemiarthroplasty", "91yF"),
])
def test_age_with_sex_glued(engine: Engine, text: str, age: str) -> None:
    assert age not in engine.deidentify(text).text


@pytest.mark.parametrize("text", [
    "temp 95f on arrival, warmed with the hugger",
    "tourniquet 90min",
])
def test_temperature_stays(engine: Engine, text: str) -> None:
    assert engine.deidentify(text).text == text


@pytest.mark.parametrize(("text", "age"), [
    ("she says she is ninetysix and still drives", "ninetysix"),
    ("ang lolo niya ay siyamnapu't pito na, mahina na", "siyamnapu't pito"),
])
def test_age_words_joined_or_tagalog(engine: Engine, text: str, age: str) -> None:
    assert age not in engine.deidentify(text).text


def test_joined_duration_stays(engine: Engine) -> None:
    text = "tourniquet up ninetyfive minutes total"
    assert engine.deidentify(text).text == text
