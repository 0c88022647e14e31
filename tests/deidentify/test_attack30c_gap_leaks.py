"""attack30c: illegible_gaps (21d0d55) reads a gap glued to a word as one more letter or
digit of it. A name, month, street word or IP a list or a shape knew becomes a word none
knows: 'Okonkwo[illegible]' is read 'Okonkwox', 'Mary[?] Jones' 'Maryx Jones' (no given
name left to pair the surname with), 'Mar[illegible]ch' 'Marxch', '12[?], 2023' '121,
2023', '192.16[?]8.1.20' '192.1618.1.20'. Base 6bf8130 read the gap as punctuation and hid
the name, the date or the IP's end beside it (NEW). Each note holds an MRN, so the run
without newer rules is `redacted` too and the engine keeps the newer text.

Found by a sweep of values x gap positions x gap spellings (9,416 notes, ~1,100 with a
character base hid and HEAD shows); one of each kind here. Every value is invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import shown

NOTE = "Admitted {} today, bed 4, MRN 40027719."

GAPPED = [  # (note, what base hid and HEAD shows)
    (NOTE.format("Okonkwo[illegible]"), "Okonkwo"),
    (NOTE.format("Oko[?]nkwo"), "Oko"),
    (NOTE.format("Mary[?] Jones"), "Mary"),
    (NOTE.format("[?]Mary Jones"), "Mary"),
    (NOTE.format("12 Bramblewood Lan[?]e"), "Bramblewood"),
    ("Referral dated 0[?]3/12/2023, MRN 40027719.", "3/12/2023"),
    ("Referral dated March 12[?], 2023, MRN 40027719.", "March 12"),
    ("Referral dated 12 Mar[illegible]ch 2023, MRN 40027719.", "12 Mar"),
    ("Referral dated 03/12[illegible]/2023, MRN 40027719.", "03/12"),
    ("Workstation 192.16[?]8.1.20 used to print label, MRN 40027719.", "8.1.20"),
]


@pytest.mark.parametrize(("note", "secret"), GAPPED)
def test_value_beside_a_gap_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret, whole_word=True)
