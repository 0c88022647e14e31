"""A seven-digit phone typed with spaces round a dash of any kind (local_phones.py);
sentences written for this test."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


@pytest.mark.parametrize(("text", "number"), [
    ("please call the niece at 555 \u2013 0186 before noon", "0186"),
    ("son's cell 555 - 0173, texts are fine", "0173"),
    ("home phone 555 \u2011 01 \u2011 94 per the face sheet", "94"),
])
def test_phone_with_spaced_dash(engine: Engine, text: str, number: str) -> None:
    assert number not in engine.deidentify(text).text


@pytest.mark.parametrize("text", [
    "call pharmacy re: infusion 250 - 1000 mL over the case",
    "call schedule: shift 730 \u2013 1530 in OR 4",
])
def test_ranges_stay(engine: Engine, text: str) -> None:
    assert engine.deidentify(text).text == text


@pytest.mark.parametrize(("text", "gone"), [
    # read out in comma groups, one of them a single digit word
    ("her cell is four oh, eight, five five five, two two one nine", "two two one nine"),
    ("son's phone three one, seven, five five five zero, one eight eight six",
     "one eight eight six"),
])
def test_phone_read_out_with_a_one_digit_group(engine: Engine, text: str, gone: str) -> None:
    assert gone not in engine.deidentify(text).text


def test_vitals_read_out_stay(engine: Engine) -> None:
    text = "phone call done; vitals 120, 80, two, 88 stable"
    assert engine.deidentify(text).text == text
