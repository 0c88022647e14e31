"""The doubt scans skip work by cheap tests (doubts.py, number_doubts.py): the note's own
word set instead of counting digit words, and a digits-for-letters scan read only from
the first letter beside a digit to the last. A skip must never lose a doubt: each is
checked here against the scan that reads everything."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from services.common.deid import Engine, doubts, number_doubts
from services.common.deid.names import TOKEN
from services.common.identifiers import normalise

_NUMBER_PIECES = ["four", "Five", "NINE", "niner", "oh", "zero", "one", "two", "Three",
                  "seven", "eight", "six", "phone", "someone", "John", "fourteen", "sixty",
                  "EBL", "ext", "lot", "MRN", "pt", "is", "caf\u00e9", "12"]
_SEPARATORS = [" ", ", ", "-", "\t", "'", "_", ". ", "  ", "\n", "'s "]


def _words(text: str) -> set[str]:
    """The note's words as the engine holds them (engine.py: `words_in`)."""
    return {normalise(m.group()) for m in TOKEN.finditer(text)}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_NUMBER_PIECES), st.sampled_from(_SEPARATORS)),
                min_size=1, max_size=12))
def test_the_word_set_gate_loses_no_number_in_words(engine: Engine,
                                                    parts: list[tuple[str, str]]) -> None:
    text = "".join(w + sep for w, sep in parts)
    gated: list[doubts.Doubt] = []
    read_all: list[doubts.Doubt] = []
    number_doubts.scan(text, lambda s, e: False, engine._flags_of, gated, _words(text))
    number_doubts.scan(text, lambda s, e: False, engine._flags_of, read_all)
    assert gated == read_all


_WORD_PIECES = ["r0s3", "9race", "Cl4y", "gr4c32", "ab2c", "2lb", "x9", "10mins", "4h14m",
                "caf\u00e9", "\u00e9r0se", "ro6ert_", "_9race", "T4", "O2", "h0pe", "s7311a",
                "Rose", "went", "12345", "a", "22", "r\uff10se"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORD_PIECES), min_size=1, max_size=10))
def test_each_word_in_digits_is_doubted_whatever_stands_around_it(
        engine: Engine, pieces: list[str]) -> None:
    """A word's digits-for-letters doubt depends on that word alone: joined by spaces,
    the note holds exactly the doubts each word holds by itself."""
    text = " ".join(pieces)
    alone: list[tuple[int, int]] = []
    at = 0
    for piece in pieces:
        alone += [(at + s, at + e) for s, e, why in doubts.scan(piece, [], engine._flags_of)
                  if why == doubts.DIGITS_FOR_LETTERS]
        at += len(piece) + 1
    joined = [(s, e) for s, e, why in doubts.scan(text, [], engine._flags_of)
              if why == doubts.DIGITS_FOR_LETTERS]
    assert joined == alone
