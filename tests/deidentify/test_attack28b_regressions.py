"""attack28b: what df37581 shows that the base 7b90567 hid (differential run of 62,000
invented notes, bench/deid_diff/gen2.py). Every loss came from one change: c1b7114 lets
label_values drop a single dictionary word quoted after a staff role's label ('Scrub:
"Correct."'), and a patient's name that is an everyday word and no frequent given name or
surname ('Scrub: "Kettle, can you hear me?"') is dropped with it. The change is a drop rule
outside NEWER_RULES, so the engine's rerun without the newer rules does not keep the older,
more careful verdict either. Names, numbers and notes invented. The drop was undone: each of
these was a strict xfail first and is a plain test now.
"""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.parametrize(("note", "name"), [
    ('Scrub: "Kettle, can you hear me?"', "Kettle"),  # a surname that is a word
    ('CRNA: "Juniper, wake up."', "Juniper"),  # a given name that is a word
    ('Attending: "Bramble?"', "Bramble"),
    ('Surgeon: "Pickle."', "Pickle"),
    ("Scrub: «Teasel, wake up»", "Teasel"),  # guillemets
    ('scrub: "crumb, open your eyes."', "crumb"),  # lower case
])
def test_name_quoted_after_staff_role(engine: Engine, note: str, name: str) -> None:
    assert left_uncovered(engine, note, name) == ""


@pytest.mark.parametrize(("note", "name"), [
    ('Surgeon: "Saddle." Patient Saffron Saddle scheduled for ORIF', "Saffron Saddle"),
    ('Surgeon: "Marrow." Detainee River Marrow started for ORIF', "River Marrow"),
    ("Anesthesia: “Ladle.” Pt Ladle Ph 555-201-3344", "Ladle"),
])
def test_name_repeated_after_a_quoted_one(engine: Engine, note: str, name: str) -> None:
    start = note.rindex(name)  # the later mention, after its cue
    result = engine.deidentify(note)
    shown = [note[i] for i in range(start, start + len(name))
             if note[i].isalnum() and not any(f.start <= i < f.end for f in result.findings)]
    assert "".join(shown) == ""


@pytest.mark.parametrize("note", [
    'Nurse: "Thistle." SSN 847-36-6632, member id W20653005, pt Hazel Dreeve',
    'Ezra "Tiny" Davis | CRNA: "Furrow."',
])
def test_verdict_stays_careful(engine: Engine, note: str) -> None:
    result = engine.deidentify(note)
    assert result.verdict in ("review", "quarantine"), (result.verdict, result.text)


@pytest.mark.xfail(strict=True, reason="attack28b: older hole (7b90567 shows it too): a "
                   "surname after 'patient' and a given name, before a question mark")
def test_the_surname_before_a_question_mark_goes(engine: Engine) -> None:
    note = 'Surgeon: “Confirm patient Rowan Spindle?" Pt Marisol Kettle Email m.kettle@example.org'
    assert left_uncovered(engine, note, "Rowan Spindle") == ""
