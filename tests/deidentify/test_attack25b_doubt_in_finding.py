"""attack25b: id_tokens widens a span over a number the note's doubts point at.

The doubts are read on the spans before `_edged` (engine: `left = self._doubts(text,
merged, ...)`), then id_tokens grows an identifier over the rest of its run ("#", "*",
"_" glued on). A number glued on after the code ("#529-763", a 3-3 pair; "*731958", six
digits) was a doubt beside the finding on base b949ec6; on main the finding swallows it
and the result carries a doubt inside a finding: the approver is pointed at characters
already hidden (16 of 85,000 differential notes; base
0). Fixed: a code that would grow over a doubt stays as found (engine._edged). Invented strings."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

NOTES = [
    "MRN 3318207#529-763 seen",  # a 3-3 pair (grouped_doubts)
    "DL lot-6614205#2*731958",  # six digits (number_doubts)
    "SN cat#5083162-*047219.",
]


@pytest.mark.parametrize("note", NOTES)
def test_no_doubt_inside_a_finding(engine: Engine, note: str) -> None:
    result = engine.deidentify(note)
    inside = [(d.start, d.end) for d in result.doubts
              if any(f.start < d.end and d.start < f.end for f in result.findings)]
    assert inside == []
