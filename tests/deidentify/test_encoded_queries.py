"""A link's query pasted URL-encoded ("pt%3DKowalski%2C%20Jan%26mrn%3D…"): a name's or a
phone's key with "%3D" after it hides the value up to the next "%26"; other keys (room,
status, ref) stay."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "secret"), [
    ("ref%3DA-1%26pt%3DKowalski%2C%20Jan%26mrn%3D1234 pasted",
                 "Kowalski%2C%20Jan"),
    ("link: patient%3DAbeni%20Osei%26room%3DB-2 sent by mistake",
                 "Abeni%20Osei"),
    ("q%3Dx%26name%3DS%C3%B8rensen%2C%20Kai%26tel%3D0172%205551234 in chat",
                 "S%C3%B8rensen%2C%20Kai"),
    ("q%3Dx%26name%3DS%C3%B8rensen%2C%20Kai%26tel%3D0172%205551234 in chat",
                 "0172%205551234"),
])
def test_an_encoded_name_or_phone_is_hidden(engine: Engine, note: str, secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""


@pytest.mark.parametrize("note", [
    "copied: room%3DPACU-2%26status%3Dready%26bay%3D4 from the board",
    "search%3Dcefazolin%202%20g%26unit%3Dmg in the pharmacy link",
])
def test_other_encoded_keys_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
