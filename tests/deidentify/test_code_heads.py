"""The head of a code the scanners found only the tail of (deid23): the groups typed
before its digits ("K7731 19 402266"), an issuer's capitals before a code in groups
("QT 8812 0034 51"), a credential before a license number ("RN 7730418"), a model's
hyphenated capitals ("PMX-VR 4471902") and a "#" glued to the number. Invented codes."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "code"), [
    ("Unit #: K7731 19 402266 hung at 14:10", "K7731 19 402266"),
    ("donor unit no. K7731 19 402266 checked by two", "K7731 19 402266"),
    ("member card number is QT 8812 0034 51, copied", "QT 8812 0034 51"),
    ("tube ID ZR 5530 1187 2290 would not scan", "ZR 5530 1187 2290"),
    ("Tissue ID barcode YO 0027 1937 2283 did not scan", "YO 0027 1937 2283"),
    ("Staff: Circ Velander, J RN RN 7730418 | Scrub", "RN 7730418"),
    ("her license for the form is NP 3390215", "NP 3390215"),
    ("pacer SN PMX-VR 4471902 checked post-op", "PMX-VR 4471902"),
    ("ICD SN QRT-DX 5520918 read post-op", "QRT-DX 5520918"),
    ("family of pt #6618 in the lounge", "#6618"),
])
def test_the_head_of_a_code_goes_with_it(engine: Engine, note: str, code: str) -> None:
    assert left_uncovered(engine, note, code) == ""


@pytest.mark.parametrize(("note", "kept"), [
    ("MRN 4471902 confirmed at timeout", "MRN"),
    ("ZIP 9 0 2 1 0 typed spaced", "ZIP"),
    ("call RN 555-0142 for the key", "RN"),
])
def test_labels_and_rooms_before_a_code_stay(engine: Engine, note: str, kept: str) -> None:
    assert engine.deidentify(note).text.startswith(note[:note.index(kept) + len(kept)])


@pytest.mark.parametrize("note", [
    "IT ticket AB 2 opened for the feed",
    "tray 14 of 22 to SPD",
])
def test_no_code_no_change(engine: Engine, note: str) -> None:
    untouched(engine, note)
