"""Links and addresses written so that no program links them ("hxxp://", "site[.]org",
"www(dot)site(dot)org", "10[.]0[.]3[.]8", "172 . 16 . 0 . 9") are still links and
addresses (defang.py); bracketed abbreviations and version numbers stay.

All notes here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FOUND = [
    ("family page hxxp://updates[.]example[.]net/p/qwilliams", "qwilliams"),
    ("see www(dot)carepage-demo(dot)org/hanlon for photos", "hanlon"),
    ("monitor at 10[.]0[.]3[.]8 sends home readings", "10[.]0[.]3[.]8"),
    ("home hub 172 . 16 . 0 . 9 paired", "172 . 16 . 0 . 9"),
]

KEPT = [
    "sevo 2 % [dot] phrase in the template is a placeholder",
    "check 1 . 5 mg dosing, then 0 . 5 mg",
    "BP 120 . 80 per the monitor, HR 72",
]


@pytest.mark.parametrize(("note", "phi"), FOUND)
def test_defanged_address_is_redacted(engine: Engine, note: str, phi: str) -> None:
    assert phi not in engine.deidentify(note).text


@pytest.mark.parametrize("note", KEPT)
def test_dots_that_are_no_address_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
