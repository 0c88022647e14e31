"""deid25b: what is shown around an identifier already found.

id_tokens: an identifier found inside one run of letters, digits, '#', '*' and dashes
takes the whole run ("[FPT#B3-5521-10D7]", "[*WB5520113*]", "[MED-ICD-AABB3C2-117]"): the
prefix left beside the brackets is part of the same code. It runs after the verdict, on
what is shown only: the verdict and the counts stay. (The word "age" before an age over
89 stays shown: it identifies nobody; hiding it only matched one corpus's labelling.)
Invented examples.
"""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.parametrize(("note", "piece"), [
    ("Thumbprint template FPT#B3-5521-10D7 kept by badge system.", "FPT#B3-5521-10D7"),
    ("Wristband barcode *WB5520113* with asterisks.", "*WB5520113*"),
    ("Dual-chamber ICD MED-ICD-AABB3C2-117 home monitor.", "MED-ICD-AABB3C2-117"),
    ("Pt Jonas Brenner badge biometric HandGeo-ID 5512-3309 used.", "HandGeo-ID 5512-3309"),
])
def test_identifier_takes_its_whole_code(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.parametrize(("note", "kept"), [
    # an age label with no age over 89 after it stays; a younger age is no finding
    ("pt age 67, ASA 2, to OR 4 at 0730", "age 67"),
    ("no age restriction for the tour, 95 chairs set out", "age restriction"),
    # a lot or reference number's label stays as typed around a found identifier
    ("Lot#KX4471-B opened, Dr. Ames in OR 3 at 0815", "Lot#"),
    # words beside an identifier are no part of its code
    ("MRN 4471920 (wristband) checked", "(wristband)"),
    ("badge E-55102 verified, pager 4410", "verified,"),
])
def test_neighbours_stay(engine: Engine, note: str, kept: str) -> None:
    result = engine.deidentify(note)
    assert kept in result.text


def test_verdict_and_counts_unchanged(engine: Engine) -> None:
    # the widening changes only what is shown: one name, one device code, as before
    result = engine.deidentify("Pt Jonas Brenner, ICD MED-ICD-AABB3C2-117 interrogated.")
    assert "AABB3C2" not in result.text and "MED-ICD" not in result.text
    assert result.counts == {"NAME": 1, "ID": 1}
    assert result.verdict == "redacted"


def test_code_at_the_very_start_of_the_note(engine: Engine) -> None:
    note = "*WB5520113* wristband barcode, scanned twice"
    assert left_uncovered(engine, note, "*WB5520113*") == ""


@pytest.mark.parametrize(("note", "kept"), [
    # a line break ends the run: the word on the line before stays
    ("new pump\nSerial: QX5520417K checked", "pump"),
    # a run that begins inside a word (past a letter the run does not read) takes nothing
    ("Führerschein-Nr. Q5520RTZ41 gesehen", "Führerschein-"),
])
def test_runs_end_at_lines_and_words(engine: Engine, note: str, kept: str) -> None:
    assert kept in engine.deidentify(note).text

