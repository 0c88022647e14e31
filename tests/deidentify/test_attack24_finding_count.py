"""attack24: photo_links.widen joins each picture with its file code, so a note with many
findings counts half as many and slips under `max_findings` (25): base 768686d held it
(`too_many_findings`, quarantine); deid24 publishes it `redacted`, and whatever the rules
missed in that long note goes out with it (here a brother's name typed in lower case).

Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

PUBLISHED = ("clean", "redacted")
_ITEM = "face photo IMG_{n} checked by the charge nurse."
NOTE = " ".join(_ITEM.format(n=1000 + i) for i in range(13)) + " his brother zorbin visits daily"


def test_a_note_with_many_pictures_and_codes_stays_held(engine: Engine) -> None:
    out = engine.deidentify(NOTE)
    assert not (out.verdict in PUBLISHED and "zorbin" in out.text), (out.verdict, out.reasons)


# The same join brings a short dense note down to three findings or fewer, the most
# dense_notes.nothing_left lets off the identifier-ratio hold ("more than three findings is
# a record pasted whole"): base held these (identifier_ratio); deid24 publishes them with
# a nickname typed in lower case ("rusty") left in.
FEW_AFTER_THE_JOIN = [
    "face photo IMG_1001 IMG_1002 IMG_1003 IMG_1004 to rusty",
    "wound photo IMG_1001 IMG_1002 IMG_1003 IMG_1004 by rusty",
    "Lot 44561234/intake photo (face) 2026-01-05 MRN 4456712 rusty saw it",
    # honorifics.widen: "[Tarrick] Mme [Ruiz]" becomes one span "[Tarrick Mme Ruiz]"
    "visitor Tarrick Mme Ruiz face photo IMG_2207 by rusty",
]


@pytest.mark.parametrize("note", FEW_AFTER_THE_JOIN)
def test_a_dense_note_of_pictures_stays_held(engine: Engine, note: str) -> None:
    out = engine.deidentify(note)
    assert not (out.verdict in PUBLISHED and "rusty" in out.text), (out.verdict, out.text)
