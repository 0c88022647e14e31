"""attack30b: a note the base 6bf8130 quarantined that 74e3459 lets reach students with a
name shown (differential run, bench/deid_diff/gen3.py: 12 notes). machine_marks drops an
event's ISO timestamp, the note's share of identifiers falls below the quarantine's
threshold, and the rerun without the newer rules is no more careful (its findings are
fewer still). Values invented.
"""

from __future__ import annotations

from services.common.deid import Engine

from .support import AUTO


def test_a_dropped_timestamp_keeps_the_hold(engine: Engine) -> None:
    note = ("age,ip,fn,DOB\n97,175.136.104.179,Sun Lake,24 Jan 1970\n"
            "10197074,fellow,158.243.93.193,2026-04-09T14:51:04Z")
    result = engine.deidentify(note)
    assert result.verdict not in AUTO or "Sun Lake" not in result.text, result.text
