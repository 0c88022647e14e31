"""attack23b: temporary names and family pass words.
- aliases._NOW_KNOWN (deid23) takes any two capitalised words, the second may be a number,
  before "identified as" for a temporary name: an op note's anatomy and findings ("Left
  Ureter identified as", "Lesion 2 identified as lipoma") become an OTHERID (false
  alarms new on 10c8c8e; main left them alone);
- the same rules miss a temporary name with a word between it and "identified as"
  ("later", "was"), after "temp." or "tmp", or before "(temp name)";
- pass_words (deid23) misses a family password in single quotes, with no colon or "is",
  after "was", and takes only the first word of two ("blue heron").
main had no such rules: the misses are older holes. Invented values."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.parametrize(("note", "words"), [
    ("Left Ureter identified as it crossed the iliacs", "Left Ureter"),
    ("Common Duct identified as it entered the duodenum", "Common Duct"),
    ("Cystic Artery identified as a single branch", "Cystic Artery"),
    ("Lesion 2 identified as lipoma", "Lesion 2"),
    ("Level 4 identified as the target", "Level 4"),
])
def test_anatomy_before_identified_as_stays(engine: Engine, note: str, words: str) -> None:
    assert left_uncovered(engine, note, words) == words.replace(" ", ""), \
        engine.deidentify(note).text


@pytest.mark.xfail(strict=True, raises=AssertionError,
                   reason="attack23b: a temporary name in a form the rule misses (older hole)")
@pytest.mark.parametrize("note", [
    "temp. name Trauma Kestrel",
    "tmp name Trauma Kestrel",
    "Trauma Kestrel (temp name) to OR 4",
])
def test_a_temporary_name_goes(engine: Engine, note: str) -> None:
    left = left_uncovered(engine, note, "Trauma Kestrel")
    assert not any(c.isalpha() for c in left), (left, engine.deidentify(note).text)


@pytest.mark.xfail(strict=True, raises=AssertionError,
                   reason="attack23b: a family password in a form the rule misses (older hole)")
@pytest.mark.parametrize(("note", "value"), [
    ("Family password 'marigold' for phone updates", "marigold"),
    ("Family password \u2018marigold\u2019 for phone updates", "marigold"),
    ("Family password marigold for phone updates", "marigold"),
    ("Family password was marigold", "marigold"),
    ("Family password: blue heron", "blue heron"),
])
def test_a_family_password_goes(engine: Engine, note: str, value: str) -> None:
    left = left_uncovered(engine, note, value)
    assert left == "", (left, engine.deidentify(note).text)


@pytest.mark.parametrize(("note", "value"), [('Family password "marigold"', "marigold"),
                                             ("Family passcode: lantern-77", "lantern-77"),
                                             ("temp name Trauma Kestrel", "Trauma Kestrel")])
def test_the_known_forms_held(engine: Engine, note: str, value: str) -> None:
    assert left_uncovered(engine, note, value) == ""


@pytest.mark.parametrize("note", ["Trauma Kestrel later identified as pt",
                                  "Trauma Kestrel was identified as pt"])
def test_a_temporary_name_with_a_word_before_identified_as_goes(engine: Engine,
                                                                 note: str) -> None:
    left = left_uncovered(engine, note, "Trauma Kestrel")
    assert not any(c.isalpha() for c in left), (left, engine.deidentify(note).text)
