"""attack21c: holes in the name tails of deid21: a surname's initial before the verb is
left in when the note is in capitals ("BRISA T. RELIEVED": _INITIAL_TAIL wants a lower-case
word after it); the initial after "Last," is left before a credential the list lacks
(SRNA, CNOR, LPN, CSFA: OR titles) or one typed in lower case, or after a surname of two
words; the initial before the verb is left after a lower-case or two-word given name; a
same-script surname is left after two spaces or a line break (script_names._NEXT_WORD
takes one blank; Devanagari, Hebrew). Each
note comes out `redacted`: published with the initial or surname. Invented names."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered

REASON = "attack21c: the rest of a name left in"
_HEBREW = "\u05e9\u05d9\u05e8\u05d4  \u05db\u05d4\u05e0\u05d5\u05d1\u05d9\u05e5"  # two spaces

LEFT_IN = [
    ("NURSE BRISA T. RELIEVED BY THE NIGHT TEAM", "BRISA T."),
    # the given name typed in lower case, or of two words (" " not in the span is asked)
    ("nurse brisa T. relieved by the night team", "brisa T."),
    ("Ilsa Maren T. relieved by the night team", "Ilsa Maren T."),
    # a surname of two words before "," (the same test): the initial is left
    ("Van Doren, R CRNA at 0700", "Van Doren, R"),
    ("Braithwaite-Lund, R SRNA at 0700", "Braithwaite-Lund, R"),
    ("Braithwaite-Lund, R CNOR at 0700", "Braithwaite-Lund, R"),
    ("Braithwaite-Lund, R LPN at 0700", "Braithwaite-Lund, R"),
    ("Braithwaite-Lund, R CSFA at 0700", "Braithwaite-Lund, R"),
    ("Braithwaite-Lund, R crna at 0700", "Braithwaite-Lund, R"),
    ("signed by \u0915\u0935\u093f\u0924\u093e  \u091c\u094b\u0936\u0940 as guardian",
     "\u0915\u0935\u093f\u0924\u093e  \u091c\u094b\u0936\u0940"),
    ("signed by \u0915\u0935\u093f\u0924\u093e\n\u091c\u094b\u0936\u0940 as guardian",
     "\u0915\u0935\u093f\u0924\u093e\n\u091c\u094b\u0936\u0940"),
    ("consent signed by daughter " + _HEBREW + " today", _HEBREW),
]


def test_the_shapes_deid21_claims_are_caught(engine: Engine) -> None:
    assert left_uncovered(engine, "nurse Brisa T. relieved by the night team", "Brisa T.") == ""
    assert left_uncovered(engine, "Braithwaite-Lund, R CRNA at 0700", "Braithwaite-Lund, R") == ""


@pytest.mark.parametrize(("note", "name"), LEFT_IN)
def test_rest_of_name_left_in(engine: Engine, note: str, name: str) -> None:
    result = engine.deidentify(note)
    assert left_uncovered(engine, note, name) == "", (result.verdict, result.text)
