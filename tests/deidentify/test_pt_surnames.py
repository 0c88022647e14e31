"""The surname after a patient's given name found alone. Invented names."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered


@pytest.mark.parametrize(("note", "name"), [
    ("OR 3 pt Yusra Al-Haddadi 92 ortho hip", "Yusra Al-Haddadi 92"),
    ("Pt Ida Mae Quorlander 100 heel injury after the case", "Ida Mae Quorlander 100"),
    ("pt ottis renfrow email on the preop form", "ottis renfrow"),
    ("Pt Kofi Osei-Mensah moved from ED bay 5 to OR 1", "Kofi Osei-Mensah"),
])
def test_surname_after_the_given_name(engine: Engine, note: str, name: str) -> None:
    assert left_uncovered(engine, note, name) == ""


@pytest.mark.parametrize(("note", "kept"), [
    ("pt Ana Hip fx, OR 4 at 0900", "Hip"),  # a clinical word
    ("pt leo awake and talking in PACU", "awake"),  # an ordinary word
    ("pt ana extubated 1420, to PACU", "extubated"),  # off every list, still no surname
    ("Pt: Ana Quell\tSrc: kiosk", "Src"),  # the next cell of a form
    ("Dr Ana Quorlander scrubbed, pt stable", "stable"),
])
def test_hard_negatives(engine: Engine, note: str, kept: str) -> None:
    assert left_uncovered(engine, note, kept) == kept
