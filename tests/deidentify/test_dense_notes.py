"""A short note that is mostly identifiers, with nothing else in it that could be one,
goes out redacted; a pasted record, or anything unexplained left in it, stays held."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize("note", [
    "Her email is quillon.bard@example.org",
    "zip 02139",
    "son's cell: 617-555-0143",
])
def test_a_short_line_of_identifiers_is_released_redacted(engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert (r.verdict, r.reasons) == ("redacted", ()), r.text


@pytest.mark.parametrize("note", [
    "Zhaxylykov 617-555-0143 617-555-0199",  # a word no list holds
    "precious: 617-555-0143, 617-555-0199",  # a given name, in a note typed in lower case
    "Q_u_i_l_l 617-555-0143 617-555-0199",  # letters left one by one
    "617-555-0143 617-555-0199 rm 4417",  # a number left that could be an identifier
    "617-555-0143, 617-555-0199, four one nine",  # ...or such a number in words
    "Dr. Okonkwo 617-555-0199 03/14/1961 jdoe@gmail.com",  # a record pasted whole
])
def test_a_dense_note_with_anything_unexplained_left_stays_held(engine: Engine,
                                                                 note: str) -> None:
    r = engine.deidentify(note)
    assert (r.verdict, r.reasons) == ("quarantine", ("identifier_ratio",)), r.text
