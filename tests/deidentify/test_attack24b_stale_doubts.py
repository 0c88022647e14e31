"""attack24b: when a newer rule (engine.NEWER_RULES) changed a note and the run without
them is more careful, Engine.deidentify keeps the full run's text and findings but the
other run's doubts (engine._more_careful: `doubts=old.doubts`). A doubt is "a word left
in"; here the full run took that very word, so the doubt lies inside a finding. The gate
(deidentify.gate._redactions_in_output) places each doubt by the shift of the findings
before it, so the approver's highlight lands on the wrong characters ("E]" of "[AGE]")
and tells "a number from 90 to 119 left in" where none is; a doubt the full run would
have raised on a word it did leave in is not shown at all. Base 768686d never gives a
doubt inside a finding.

Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

NOTES = [
    "DOB - 4 5 1923 now 91",
    "pt Ida Al-Haddadi 97",
    "born 1930 he is old 95",
]


@pytest.mark.parametrize("note", NOTES)
def test_no_doubt_lies_inside_a_finding(engine: Engine, note: str) -> None:
    out = engine.deidentify(note)
    inside = [(d.start, d.end, d.reason) for d in out.doubts
              if any(f.start < d.end and d.start < f.end for f in out.findings)]
    assert not inside, (out.text, inside)
