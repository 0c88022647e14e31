"""A date written with its weekday before it is hidden whole: "Thursday 3/4", "Montag,
14.10.", "mardi 4 février", "jueves 6 de febrero"; a French "1er août 1942" and a bare
"9 mars" after a French preposition too. A score or a count after a weekday stays
("Mon 3/10 pain", "Tue 2/3 cases"), and so do weekdays alone and clock times."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "secret"), [
    ("Case moved to Thursday 3/4 due to no ICU bed.", "Thursday 3/4"),
    ("Please bring the consent by Friday 3/4.", "Friday 3/4"),
    ("Family asked to bring the forms by Monday 11/10, thanks.", "Monday 11/10"),
    ("Verlegt auf Montag, 14.10. wegen Bettenmangel.", "Montag, 14.10."),
    ("Termin am Freitag 7.3. um 9 Uhr bestätigt.", "Freitag 7.3."),
    ("Reporté au mardi 4 février faute de salle.", "mardi 4 février"),
    ("Su cita es el jueves 6 de febrero, en ayunas.", "jueves 6 de febrero"),
    ("Rescheduled for Wednesday, 9 April at the main OR.", "Wednesday, 9 April"),
    ("Née le 1er août 1942 à Rimouski.", "1er août 1942"),
    ("Intervention remise au 9 mars, pas de lit.", "9 mars"),
])
def test_a_weekday_date_is_hidden_whole(engine: Engine, note: str, secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""


@pytest.mark.parametrize("note", [
    "Tue 2/3 cases done before lunch.",
    "List runs Friday as usual, start 07:30.",
    "GCS 15/15 on Thursday round, BP 120/80.",
    "Weekly audit Wednesday 14:00 in room 4.",
])
def test_a_weekday_beside_a_score_or_time_stays(engine: Engine, note: str) -> None:
    untouched(engine, note)


def test_the_sentences_full_stop_after_a_month_stays(engine: Engine) -> None:
    note = "Seen on Monday 9th March. Please hold apixaban 48 hours."
    assert engine.deidentify(note).text.endswith("]. Please hold apixaban 48 hours.")
