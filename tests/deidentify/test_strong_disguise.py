"""Words hidden as no ordinary word is (context.disguised, strong): an invisible character
or an HTML entity between the letters, a look-alike letter (Cyrillic, a Latin small
capital, a Cherokee capital, the hooked f) or full-width letters among plain ones. Such a
word on the name lists is a name even when it is also a word, a month or a label; an
eponym stays, and a note that hides ordinary words too says nothing by hiding.

All names here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FOUND = [
    ("consent on file (do not share), Ir\u200bis, knee scope at noon", "Ir\u200bis"),
    ("Ju\u200dne Tal\u200dbot arrived with her walker", "Ju\u200dne"),
    ("from the front desk: Pen\u00adny is asking for her glasses", "Pen\u00adny"),
    ("Name\t&#71;race\nRoom\t4", "&#71;race"),
    ("Rob\u0456n Cr\u0430ne is due in bay 6", "Rob\u0456n"),
    ("the Tɪᴍ in bay 3 is the one with the allergy", "Tɪᴍ"),
    ("brother ƒelix will drive him home", "ƒelix"),
    ("Ꮇarta asked for a blanket", "Ꮇarta"),
    ("Ｈｏｐｅ (the pt) is ready for transfer", "Ｈｏｐｅ"),
    ("Ѵera to OR 3 after the block", "Ѵera"),
]

KEPT = [
    # an eponym hidden stays an eponym
    ("K&#111;cher clamp handed up", "K&#111;cher clamp"),
    ("Fo\u200bley draining clear", "Fo\u200bley draining"),
    # a note that hides ordinary words too: a hidden surname-word is no evidence there
    ("the sta\u0440l\u0435r jammed; Ca\u0455h register at the desk", "Ca\u0455h"),
    ("spat\u00adial fr\u00adame set, Ca\u00adsh tray ready", "Ca\u00adsh"),
    # full-width text throughout is a keyboard setting, not a disguise
    ("ＣＯＵＮＴＳ ＣＯＲＲＥＣＴ ＣＬＯＳＩＮＧ", "ＣＯＵＮＴＳ ＣＯＲＲＥＣＴ"),
    # an ordinary lower-case word that is also a surname
    ("pass the sta\u0440l\u0435r please", "sta\u0440l\u0435r"),
]


@pytest.mark.parametrize(("note", "name"), FOUND)
def test_a_strongly_disguised_name_is_redacted(engine: Engine, note: str, name: str) -> None:
    assert name not in engine.deidentify(note).text


@pytest.mark.parametrize(("note", "words"), KEPT)
def test_disguised_ordinary_words_and_eponyms_stay(engine: Engine, note: str,
                                                   words: str) -> None:
    assert words in engine.deidentify(note).text
