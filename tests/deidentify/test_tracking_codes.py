"""tracking_codes: a waiting family's tracking code for a surgical patient ("Code 7712 in
OR", "family of 6604", "tracking # 33-907", "code QRT 5521") is hidden; other codes,
counts, times, rooms and lots stay. Invented strings."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "code"), [
    ("Code 7712 now in OR; family in the lounge were told at 09:05.", "7712"),
    ("Volunteer desk: family of 6604 went for coffee, pager on.", "6604"),
    ("Waiting room board: status email sent for code 6620.", "6620"),
    ("Locator ticket, tracking # 33-907, son asked for parking.", "33-907"),
    ("Code 8819 pt confirmed DOB before the update was given.", "8819"),
    ("kiosk sign-up: brother by text, code QRT 5521", "QRT 5521"),
    ("Family lounge: family of pt code 7301 left for the chapel.", "7301"),
])
def test_tracking_codes_are_hidden(engine: Engine, note: str, code: str) -> None:
    assert code not in engine.deidentify(note).text


@pytest.mark.parametrize("note", [
    "Robot down, error code 31002 on arm 2, family told of the delay.",
    "Family of 12 arrived; only two may sit at the bedside.",
    "Analyser operator code 6150 logged, QC lot 3318 passed.",
    "Code 3 transport to the trauma bay, ETA 10 min.",
    "Family lounge door code changed today by security.",
    "Procedure code 44970 entered for billing, family aware.",
    "Code blue called at 14:30 in room 412, family in waiting room.",
])
def test_other_codes_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
