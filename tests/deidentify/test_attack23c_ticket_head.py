"""attack23c: id_edges now grows a code's span back over a group of capitals and digits
typed before it ("K7731 19 402266"). After "ticket" that group is often the ticket's own
subject (a room "OR3", a bed "K7W", a workstation "W3A"), and the number after it the
patient's MRN: once the span starts at the group, the ticket drop (work_numbers) reads
the whole as the ticket's number and drops the MRN. 5389418 kept it (the group stood
between "ticket" and the number). Invented numbers and rooms."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered

REASON = ("attack23c: a group before a number after 'ticket' joins the number, and the ticket "
          "drop drops the MRN with it (regression)")


@pytest.mark.parametrize("note", [
    "IT ticket OR3 4471902 (pts MRN)",
    "Ticket K7W 4471902 on pt band",
    "ticket W3A 4471902 [MRN]",
    "Ticket B12 4471902 - wristband #",
    "Ticket #88 W3A 4471902 (pts MRN)",  # the ticket has its own number already
    "IT ticket QT 88 4471902 ie MRN",  # an issuer's capitals and a group
    "ticket PACU2 4471902 for pt",
])
def test_an_mrn_after_a_ticket_and_a_room_goes(engine: Engine, note: str) -> None:
    left = left_uncovered(engine, note, "4471902")
    assert not any(c.isalnum() for c in left), (left, engine.deidentify(note).text)
