"""A name typed with digits for letters goes on over the next word so typed (tuning13
study, a student's logbook). Invented names; before name_edges took it, the surname
stayed shown."""

from __future__ import annotations

import pytest

from services.common.deid import Engine, name_edges

from .support import left_uncovered


@pytest.mark.parametrize(("note", "name"), [
    ("Pt 4m3l14 R0s3 (typed in leet again)", "4m3l14 R0s3"),
    ("Pt 3l1z4 Gr33nw4y today, sorry for the digits", "3l1z4 Gr33nw4y"),
])
def test_the_leet_surname_is_hidden(engine: Engine, note: str, name: str) -> None:
    assert left_uncovered(engine, note, name) == ""


@pytest.mark.parametrize(("note", "shown"), [
    ("Pt 3l1z4 G2P1 at 39 wk", "G2P1"),
    ("Pt 3l1z4 20mg IV given", "20mg"),
    ("Pt 3l1z4 H2O only", "H2O"),
])
def test_codes_and_doses_after_a_leet_name_stay(engine: Engine, note: str, shown: str) -> None:
    assert shown in engine.deidentify(note).text


def test_an_ordinary_word_so_typed_reads_as_no_name(engine: Engine) -> None:
    # (other rules take the word after a name in the notes one could build: asked directly)
    assert not name_edges._name_like("c0ndu1t", engine._flags_of)
    assert not name_edges._name_like("v3nt1l4t0r", engine._flags_of)
    assert name_edges._name_like("R0s3", engine._flags_of)
    assert name_edges._name_like("Qu4rr1ngt0n", engine._flags_of)
