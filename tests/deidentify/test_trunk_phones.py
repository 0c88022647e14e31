"""A national number dialled with its trunk "0" and area or mobile code ("0231 5557741",
"0433 555 271") beside a relative or a phone word is a phone. Kept: a lot, a case
number, a charge, a main line ("Zentrale"), extensions, pagers and clock times."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "secret"), [
    ("Bruder Jens erreichbar unter 0231 5557741, bitte informieren.",
                 "0231 5557741"),
    ("Ride home is neighbour Priya (0433 555 271), from Carlton.",
                 "0433 555 271"),
    ("Pat. Herr Kuhn, Mobil 0157 5553391, nach OP anrufen.", "0157 5553391"),
    ("Enkelin Mara 04531 555207 holt ihn ab.", "04531 555207"),
    ("Contact daughter on 0398 555 412 after theatre.", "0398 555 412"),
])
def test_a_trunk_dialled_phone_is_hidden(engine: Engine, note: str, secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""


@pytest.mark.parametrize("note", [
    "Charge 0412 738194 Implantat, Ablauf 2027.",
    "Lot 0231 555774 used for the mesh, wife informed.",
    "Zentrale 0231 9870 rund um die Uhr besetzt.",
    "Piepser 4471, Durchwahl 0231 dial 2210.",
    "Sohn informiert, OP 0800 1200 geplant.",
])
def test_numbers_that_are_no_ones_phone_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)


@pytest.mark.parametrize(("note", "secret"), [
    ("Contact: (3l2) 555-OlO7 OCR'd badly.", "(3l2) 555-OlO7"),
    ("tel 6l4.555.OlO9 pls, the daughter", "6l4.555.OlO9"),
])
def test_a_phone_with_letters_for_figures_is_hidden(engine: Engine, note: str,
                                                     secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""


@pytest.mark.parametrize("note", [
    "Oil 100 lOl test strip reading, room 12.",
    "Lot O12 345 6789 for the mesh, OR 4.",
])
def test_letters_beside_figures_that_are_no_phone_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)


def test_a_word_before_a_seven_digit_phone_stays_shown(engine: Engine) -> None:
    note = "her fax for the solicitor lol 555-0172 - sent"
    assert "lol" in engine.deidentify(note).text
