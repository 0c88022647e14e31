"""A language or nationality the name lists also hold is the language when nothing cues a
person before it (deid23): "speaks Uzbek and Moldovan", "the surgeon was Austrian".
After a person cue it is still a name. Invented notes."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import untouched


@pytest.mark.parametrize("note", [
    pytest.param("Interpreter on the way, he speaks Uzbek and Moldovan",
                 marks=pytest.mark.xfail(strict=True, raises=AssertionError,
                                         reason="withdrawn after attack23b: the added "
                                                "languages are names again")),
    # narrowed for safety (attack23): deid23's added nationalities count only in a
    # language's slot; a bare "the other Swiss" stands where a person's name can
    pytest.param("Quiz: the surgeon who named it was Austrian, the other Swiss",
                 marks=pytest.mark.xfail(strict=True, raises=AssertionError,
                                         reason="narrowed: a nationality outside a language "
                                                "slot is kept as a possible name")),
    pytest.param("Prefers Dari, interpreter booked for 07:00",
                 marks=pytest.mark.xfail(strict=True, raises=AssertionError,
                                         reason="withdrawn after attack23b: the added "
                                                "languages are names again")),
])
def test_languages_and_nationalities_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)


def test_a_nickname_that_is_a_nationality_still_goes(engine: Engine) -> None:
    note = "Family says he goes by Danish, never his given name"
    assert "[NAME]" in engine.deidentify(note).text
