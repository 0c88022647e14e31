"""attack23c: 5008410 made "HPBN" a health-plan cue word (id_cues). After a "#" the code
rule used to take "HPBN 4471.902" whole as an ID; now "HPBN" reads as a label, and the
health-plan value rule takes no number written with a dot, so the beneficiary number
is left in the note (5389418 covered it). Invented numbers."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered

REASON = ("attack23c: a dotted number after '# HPBN' is no longer taken once HPBN is a cue "
          "word (regression)")


@pytest.mark.parametrize(("note", "value"), [
    ("# HPBN 4471.902 on file", "4471.902"),
    ("#HPBN 88.4471 ok", "88.4471"),
])
def test_a_dotted_beneficiary_number_after_hash_hpbn_goes(engine: Engine, note: str,
                                                          value: str) -> None:
    left = left_uncovered(engine, note, value)
    assert not any(c.isalnum() for c in left), (left, engine.deidentify(note).text)
