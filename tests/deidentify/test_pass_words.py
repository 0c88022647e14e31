"""A family's password or code word for updates identifies the patient to whoever holds
it (deid23): the value after "password"/"passcode"/"code word", quoted or after a colon
or "is". Invented values."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "value"), [
    ('Updates only to the son, password "marigold"', "marigold"),
    ("Family passcode for this pt: lantern-77", "lantern-77"),
    ("code word is PEBBLE9, give it to the wife only", "PEBBLE9"),
    ("Family password for pt Quorvell: harbor-12", "harbor-12"),
])
def test_the_value_of_a_password_goes(engine: Engine, note: str, value: str) -> None:
    assert left_uncovered(engine, note, value) == ""


@pytest.mark.parametrize("note", [
    "password for the feed is needed, ask IT",
    "family password set at check-in",
    "wifi password changed today",
    "family passcode: none given",
])
def test_words_about_a_password_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
