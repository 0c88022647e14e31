"""An age over 89 in a board's dashed cells, and the same age said again (issue 13).
Before this change "PT [NAME] - 103 - HIP" and "PT 102 - YES 102" kept their numbers."""

from __future__ import annotations

from services.common.deid import Engine

from .support import left_uncovered


def test_age_cell_after_a_name_between_dashes(engine: Engine) -> None:
    note = "PT MARGARET OSTROWSKI - 103 - HIP"
    result = engine.deidentify(note)
    assert left_uncovered(engine, note, "103") == ""
    assert result.verdict == "redacted"


def test_the_same_age_said_again(engine: Engine) -> None:
    note = "PT 102 - YES 102 - LAP CHOLE - FAMILY OK"
    assert left_uncovered(engine, note, note[:16]) == "PT-YES"


def test_a_vital_with_the_ages_number_stays(engine: Engine) -> None:
    result = engine.deidentify("Mrs Okafor 95 came in, sats 95 on RA, HR 95.")
    assert result.text.endswith("sats 95 on RA, HR 95.")


def test_a_range_stays_a_range(engine: Engine) -> None:
    assert "95-100" in engine.deidentify("pt 95-100 range of sats").text
