"""attack24d: a note base sent to review only because a spaced date of birth and the age
after it were left as typed (a doubt a person looks at) is now `redacted` once
spaced_dates.py and after_names take them, though the same note still holds a name base
also missed (an inverted name in capitals): the review that caught it is gone.

Every note here is invented for these tests."""

from __future__ import annotations

from services.common.deid import Engine

PUBLISHED = ("clean", "redacted")


def test_a_name_left_keeps_the_note_from_going_out(engine: Engine) -> None:
    note = "CALL 447.836.3303; WILSON, IRIS  PT. GRETA HILL | DOB 28 6 1968 pt is old 92"
    out = engine.deidentify(note)
    assert not (out.verdict in PUBLISHED and "IRIS" in out.text), out.text
