"""A serial typed in groups: the groups after the one found join it (id_edges.py).
Invented notes."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "group"), [
    ("serial of old gen mdt 3390 07s new one in", "07s"),
    ("explanted gen serial mdt 6612 04k to rep", "04k"),
    ("pump serial number ZKT 5521 8830, checked with rep", "8830"),
])
def test_every_group_is_redacted(engine: Engine, note: str, group: str) -> None:
    assert group not in engine.deidentify(note).text


@pytest.mark.parametrize(("note", "kept"), [
    ("pump serial number ZKT 5521 at 0800 checked", "at 0800 checked"),
    ("stapler reload 60 mm x 4 used", "60 mm x 4 used"),
])
def test_what_follows_a_serial_is_kept(engine: Engine, note: str, kept: str) -> None:
    assert kept in engine.deidentify(note).text


@pytest.mark.parametrize(("note", "prefix"), [
    ("his navy service # rk 55019283 is on the tag", "rk"),
    ("veteran, service # US 40021977 per wife", "US"),
])
def test_the_letters_after_a_hash_are_redacted(engine: Engine, note: str, prefix: str) -> None:
    assert f" {prefix} " not in engine.deidentify(note).text
