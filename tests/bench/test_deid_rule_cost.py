"""bench/deid_rule_cost.py switches a rule off and back on: what it times without the rule
must really lack it, and the engine must have it again afterwards."""

from __future__ import annotations

from bench.deid_rule_cost import SETS, switches
from services.common.deid import Engine

NOTE = "Family in waiting room, tracking code 7712 on the board."


def test_a_switched_off_rule_finds_nothing_and_comes_back() -> None:
    engine = Engine()
    assert "7712" not in engine.deidentify(NOTE).text
    off, on = switches(("tracking_codes.scan",))
    off()
    try:
        assert "7712" in engine.deidentify(NOTE).text
    finally:
        on()
    assert "7712" not in engine.deidentify(NOTE).text


def test_every_named_scan_exists() -> None:
    for names in SETS.values():
        off, on = switches(names)  # raises on a name that is not there
        off()
        on()
