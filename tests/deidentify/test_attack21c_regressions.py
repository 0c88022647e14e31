"""attack21c: a note redacted in full before deid21 leaks more now.

road_marks' town (`near|at|by|past|outside` or ", " then up to three capitalised words)
takes a title and a person's name for a town: "Hwy 2 near Mrs Ilsa Brennock" becomes one
ADDRESS span, and the NAME span under it is gone. after_names (which runs after
road_marks) finds "Mrs [NAME] 95 came in" only after a NAME span, so the age over 89 it
used to redact (age_after_name, confident) is now left in the text. Before deid21 (7ff7673^1)
each note below was `redacted` with "[AGE]"; now the 95 stands in the text (the note goes
to review on a bare-number doubt, so it leaks if the reviewer passes it). Invented notes."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

REASON = "attack21c: a road mark swallows the NAME after_names needs; the age is left in"

NOTES = [
    "MVC on Hwy 2 near Mrs Ilsa Brennock 95 yesterday, hip fx, to OR 4 at 1300 for ORIF",
    "rollover on Route 31 near Mrs Brennock 95 came in by EMS, stable, to OR 4 at 1300",
    "EMS brought her from I-80 near Mrs Ilsa Farrant 95 came in by EMS with a hip fracture",
]


@pytest.mark.parametrize("note", NOTES)
def test_age_after_a_name_next_to_a_road_is_still_redacted(engine: Engine, note: str) -> None:
    result = engine.deidentify(note)
    at = note.index(" 95 ") + 1
    assert any(f.category == "AGE" and f.start <= at < f.end for f in result.findings), \
        (result.verdict, result.text)
