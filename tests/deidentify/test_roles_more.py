"""A public role with its place, written the long way: the role's place goes on with
"in Town" or "on Route 9", a rank word stands before the role, the place is followed by
ordinary words, and roles the first list lacked (coroner, harbor master, council member).
Invented sentences (roles.py)."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

ROLES = [
    ("our patient is the rector at Saint Olave Chapel in Penhallow, so expect visitors",
     "the rector at Saint Olave Chapel in Penhallow"),
    ("Mr Quell is the owner of Marlow's Tap House on Route 12 in Sugar Notch, staff called",
     "owner of Marlow's Tap House on Route 12 in Sugar Notch"),
    ("she serves as the town clerk of Wyebridge which means everybody asks after her",
     "the town clerk of Wyebridge"),
    ("he is the county coroner of Tillery County and wants discretion",
     "the county coroner of Tillery County"),
    ("patient is the harbor master at Port Quarle, calls keep coming",
     "the harbor master at Port Quarle"),
    ("pt is the senior pastor of Ninth Street Chapel in Orrville; chaplain requested",
     "the senior pastor of Ninth Street Chapel in Orrville"),
    ("pt is a tribal council member of the Kettle Ridge Band, family present",
     "a tribal council member of the Kettle Ridge Band"),
]


@pytest.mark.parametrize(("note", "role"), ROLES)
def test_the_whole_role_and_its_place_are_redacted(engine: Engine, note: str,
                                                   role: str) -> None:
    result = engine.deidentify(note)
    start = note.index(role)
    covered = bytearray(len(note))
    for f in result.findings:
        covered[f.start:f.end] = b"\x01" * (f.end - f.start)
    left = [note[i] for i in range(start, start + len(role))
            if not covered[i] and not note[i].isspace()]
    assert not left, (result.text, "".join(left))


KEPT = [
    "the owner of the scrub machine in theatre 4 is biomed",
    "ask the harbor master of the supply room, he knows where the clamps are",
    "council member of the nursing board visited the unit today",
    "pt is a member of the care team in pre-op today",
    "the coroner was not involved; natural death excluded",
]


@pytest.mark.parametrize("note", KEPT)
def test_roles_without_a_proper_place_are_kept(engine: Engine, note: str) -> None:
    result = engine.deidentify(note)
    assert not [f for f in result.findings if f.category == "ROLE"], result.text
