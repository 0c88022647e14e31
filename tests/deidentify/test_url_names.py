"""url_names: a name in a query string whose "=" and "&" are percent-encoded too
("pt%3DBo%20Yun%26mrn%3D..."); a procedure's name, a status and an empty value stay.
Invented strings."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "pieces"), [
    ("link pasted: ref%3DQ-77%26pt%3DBo%20Yun%26mrn%3D00412211 please purge",
     ("Bo", "Yun")),
    ("from chat: x%3F1%26name%3DS%C3%B8rensen%2C%20Maja%26room%3D4 remove it",
     ("S%C3%B8rensen", "Maja")),
    ("url: Pt%20name%3DL%C3%AA%20V%C4%83n%20An%26status%3Dwaiting",
     ("L%C3%AA", "V%C4%83n")),
])
def test_encoded_names_are_hidden(engine: Engine, note: str, pieces: tuple[str, ...]) -> None:
    text = engine.deidentify(note).text
    for piece in pieces:
        assert piece not in text


@pytest.mark.parametrize("note", [
    "board url: case%3D12%26name%3DLaparotomy%26room%3D3 shows the wrong room",
    "status%3Dready%26bay%3D4 shown on the board after refresh",
    "form sent blank: name%3D%26bay%3D2, IT asked to look",
    "kiosk link: name%3DReady%26bay%3D2 is the status field",
])
def test_other_values_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
