"""attack30b: a header-less pipe row with a patient's name of dictionary words first,
shown by 74e3459 and hidden by the base 6bf8130. machine_marks takes a table's first row
with no digit, three cells and a row of as many pipes below it for a header, and drops
its NAME findings that are all dictionary words, the cue's name too ("Patient Joy Rich").
Values invented.
"""

from __future__ import annotations

from services.common.deid import Engine

from .support import shown


def test_a_cued_name_in_a_first_row_is_hidden(engine: Engine) -> None:
    note = "Patient Joy Rich | lap chole | circulator\nRoom 4 | appy | scrub\nMRN 4417201"
    assert not shown(engine, note, "Joy Rich")
