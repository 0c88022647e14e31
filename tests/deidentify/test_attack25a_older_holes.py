"""attack25a, older holes: identifiers in the forms this session's rules address (a town
with a kind word or a hyphened part, a hyphenated given name, a given name before a
surname at a line's start) that base b949ec6 and main both leave shown. The new rules
only widen a span some rule found; here none found the head. Invented strings."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.xfail(strict=True, raises=AssertionError,
                   reason="attack25a: older hole, no span to widen")
@pytest.mark.parametrize(("note", "piece"), [
    ("Tamsin-Rae Hill came up from ED", "Tamsin-Rae Hill"),  # hyphenated given name
    ("Sung-ho Lee III to OR 4", "Sung-ho Lee"),
    ("Hye-jin 96 yo", "Hye-jin"),
    ("quillon smith 97 y", "quillon smith"),  # given + surname at the line's start
    ("interpreter from Kestrel-Vale needed", "Kestrel-Vale"),  # a hyphened town
    ("Fenby Township resident, fell at home", "Fenby Township"),  # town + kind, no cue
])
def test_older_hole(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""
