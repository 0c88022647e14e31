"""Initials as the whole value of a person's field on a form (loose_initials.py): "Pt: CA |",
"Member: A.M.  Member ID", "Guarantor: E...T..". Two or three capitals there are a person,
whatever they abbreviate elsewhere; "no one" values and a procedure's or drug's "name:" stay.

All names here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FOUND = [
    ("Allergies: latex | Pt: OR | MRN pending", "Pt: OR |"),
    ("Member: Q.V.  Plan: gold", "Q.V."),
    ("Acct pending | Guarantor: W...T..", "W...T.."),
    ("Visitor: CA\nBadge: temp", "Visitor: CA"),
]

KEPT = [
    "Guarantor: SELF | Plan: gold",
    "Pt: NA | MRN pending",
    "Procedure name: THA | Side: L",
    "Dx: CA | Plan: resect",
    "Drug name: TXA | Dose: 1 g",
]


@pytest.mark.parametrize(("note", "words"), FOUND)
def test_initials_in_a_person_field_are_redacted(engine: Engine, note: str,
                                                 words: str) -> None:
    assert words not in engine.deidentify(note).text


@pytest.mark.parametrize("note", KEPT)
def test_other_field_values_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
