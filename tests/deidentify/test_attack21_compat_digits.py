"""attack21a: a superscript or circled digit left as a word in a short note crashes
dense_notes.nothing_left (`str.isdigit()` is true for "²" and "①", `int()` refuses them):
the engine's fail-closed net turns the crash into `quarantine` / `engine_error`, so a
harmless note is held for a human with its text withheld and an error logged, instead of
being de-identified. Arbitrary Unicode should never make the engine fail.

The names here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize("note", ["Pt Callum \u00b2", "Haddadin\n\u2460", "Pt Callum \u2077",
                                  "Callum \u2462"])
def test_a_compatibility_digit_never_crashes_the_engine(engine: Engine, note: str) -> None:
    result = engine.deidentify(note)
    assert "engine_error" not in result.reasons, result.reasons


@pytest.mark.parametrize("note", [
    "Incision at \u2462\u00b3\u00b3\u2074. Hgb \u2462\u24f5.\u2776, "
    "room \u2081\u2077:\u2070\U0001f101 AM",
    "seen 20\u2074-0\u2070-2\u24f5, BP \u2460\u00b2\u2460/\u2077\u2070, IP 1\u2070.0.0.\u2776",
    "DOB \u2074\u00b9/\u2776\u00b2/\u2462\U0001f101\u2081\u2077, aged 9\u2776"])
def test_compatibility_digits_inside_numbers_never_crash_the_engine(engine: Engine,
                                                                     note: str) -> None:
    # digits.py fed these to int() through str.isdigit() (found by fuzzing the dev notes)
    result = engine.deidentify(note)
    assert "engine_error" not in result.reasons, result.reasons


@pytest.mark.parametrize(("note", "cat"), [
    ("DOB \u277c/\u2781/\u2776\u277e\u2778\u277d, to PACU", "[DATE]"),
    ("DOB \u24f7/\u24f5\u24f5/\u24f5\u24fd\u24f7\u24f8 ok", "[DATE]"),
    ("age \u277e\u2778 stable", "[AGE]")])
def test_dingbat_and_double_circled_digits_read_as_digits(engine: Engine, note: str,
                                                           cat: str) -> None:
    # "\u2776" and "\u24f5" have no NFKD form: the fold reads them by their digit value
    result = engine.deidentify(note)
    assert cat in result.text, (result.verdict, result.text)
