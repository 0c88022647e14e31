"""attack23: the ticket/load drop (work_numbers) now reads "tkt" and "tix" as "ticket"
(deid23). It keeps a number a patient's label follows only in the shapes its
_PATIENT_AFTER knows ("= pt MRN", "(pt's MRN)", "his acct"); a bare label after the
number ("4471902 MRN", "4471902 (MRN)") is not one of them, so the MRN is dropped as a
ticket: a regression for "tkt" (main redacted it), an older hole for "ticket".
Invented numbers."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


def _left(engine: Engine, note: str) -> str:
    return left_uncovered(engine, note, "4471902")


@pytest.mark.parametrize("note", ["Band reprint: tkt 4471902 (MRN)",
                                  "Band reprint: tkt 4471902 MRN",
                                  "Reprint band tkt\n4471902 MRN"])
def test_an_mrn_after_tkt_labelled_after_goes(engine: Engine, note: str) -> None:
    left = _left(engine, note)
    assert left == "", (left, engine.deidentify(note).text)


def test_an_mrn_after_ticket_labelled_after_goes(engine: Engine) -> None:
    note = "Band reprint: ticket 4471902 (MRN)"
    left = _left(engine, note)
    assert left == "", (left, engine.deidentify(note).text)


@pytest.mark.parametrize("note", ["Band reprint: tkt 4471902 (pt's MRN)", "tkt 4471902 = pt MRN"])
def test_an_mrn_after_tkt_with_the_known_shapes_held(engine: Engine, note: str) -> None:
    assert _left(engine, note) == ""
