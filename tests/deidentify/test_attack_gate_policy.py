"""H1-H3 end to end in-process: the deidentify Gate with wire-form identifiers, then the
approval service's default policy, must not send the surname to students unseen."""

from __future__ import annotations

import pytest

from services.approval.policy import DEFAULT_POLICY, Policy
from services.common.deid import CaseIdentifiers, Engine
from services.deidentify.gate import Gate

KEY = b"identifier-key-for-tests-0123456"
WIRE = CaseIdentifiers.from_plain(names=["Marisol Tenneworth"], mrn="0048213",
                                  dob="1961-03-14", key=KEY).to_wire()
NOTES = [
    "Incision at 09:42, Tenne worth stable, closure expected by 11:00.",
    "Incision at 09:42, \u202ehtrowenneT\u202c stable, closure expected by 11:00.",
    "Incision at 09:42, go #TeamTenneworth, closure expected by 11:00.",
]


@pytest.mark.parametrize("note", NOTES, ids=ascii)
def test_surname_is_not_published_to_students_unseen(engine: Engine, note: str) -> None:
    gate = Gate(engine=engine, cases=None, producer=None, key=KEY)  # type: ignore[arg-type]
    result = gate.check(note, "case-1", True, CaseIdentifiers.from_wire(WIRE, key=KEY))
    decision = Policy(DEFAULT_POLICY).decide("students", verdict=result.verdict,
                                             phrase_only=False)
    assert decision is not None
    shown = result.text.replace("\u202e", "").replace("\u202c", "")
    leaked = "Tenne" in shown or "htrowenneT" in shown
    assert not (decision.automatic and leaked), (result.text, result.verdict)
