"""attack28c: surnames the new shapes (bc11d92: pt_names' particles, Mc/Mac/O' heads,
hyphen parts) and the colon branch (e4c4036: 'Re: Bramble:' is a name) still miss. Every
one was shown by base 7b90567 too (OLDER): the new rules leave them where they were,
though their notes promise the shape.

- pt_names.before_word / surname_after: a particle typed with a capital ("Van", "Le"), two
  particles ("van der", "de la"), a particle outside the list ("ten", "dos", "ibn"), a
  particle run into the name ("DeKettle", "LaKettle"), a D'/M' head, a third hyphen part,
  and a hyphenated surname whose first part is a frequent word (`_key` asks about the
  first part only: "May-Kettle", while "Kettle-May" is hidden).
- pt_names.before_ids reads no new shape: its pattern is the old one, so "Pt Marigold
  McKettle DOB ..." and "Pt Marigold van Kettle MRN ..." show the name beside the
  identifier.
- label_values' colon branch: a surname a list holds that is also a frequent word
  ("Re: Banks:"), two surnames, a hyphenated or an O' surname before the second colon.

Every example is invented. Each was a strict xfail first; all but one are plain tests now."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import shown, strict_xfail

CUED = [  # (note, what must not be shown)
    ("Patient Marigold Van Kettle complained of nausea.", "Kettle"),
    ("Prisoner Saffron Le Kettle, escort x2.", "Kettle"),
    ("Patient Marigold van der Kettle complained of nausea.", "Kettle"),
    ("Patient Marigold de la Kettle complained of nausea.", "Kettle"),
    ("Patient Marigold dos Kettle complained of nausea.", "Kettle"),
    ("Patient Marigold ibn Kettle complained of nausea.", "Kettle"),
    ("Patient Marigold DeKettle complained of nausea.", "DeKettle"),
    ("Patient Marigold LaKettle complained of nausea.", "LaKettle"),
    ("Patient Marigold D'Kettle complained of nausea.", "Kettle"),
    ("Detainee Marigold M'Kettle complained", "Kettle"),
    ("Patient Marigold al-Kettle complained of nausea.", "Kettle"),
    ("Patient Marigold Kettle-Lark-Bramble complained of nausea.", "Kettle"),
    ("Patient Marigold May-Kettle complained of nausea.", "Kettle"),
    ("Patient Marigold von Will complained of nausea.", "Marigold"),
]


@pytest.mark.parametrize(("note", "secret"), CUED)
def test_cued_surname_shapes_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret, whole_word=True)


BEFORE_IDS = [
    ("Pt Marigold McKettle DOB 03/04/1950", "McKettle"),
    ("Pt Marigold van Kettle MRN 40021183", "Kettle"),
    ("Pt Marigold Kettle-O'Dell MRN 40021183", "Marigold"),
]


@pytest.mark.parametrize(("note", "secret"), BEFORE_IDS)
def test_surname_shapes_before_an_identifier_hidden(engine: Engine, note: str,
                                                     secret: str) -> None:
    assert not shown(engine, note, secret, whole_word=True)


COLON = [
    ("Re: Banks: consent signed", "Banks"),
    ("Re: Price: consent signed", "Price"),
    ("Re: Lark Bramble: consent signed", "Bramble"),
    ("Re: Kettle-Bramble: consent signed", "Bramble"),
    ("Re: O'Kettle: consent signed", "Kettle"),
]


@pytest.mark.parametrize(("note", "secret"), COLON)
def test_surname_before_a_second_colon_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret, whole_word=True)


@strict_xfail("attack28c: OLDER; a particle that is also a number word ('ten Kettle'): the pair is "
        "found, and a later rule drops a name span holding a number word")
def test_a_number_word_particle_surname_hidden(engine: Engine) -> None:
    note = "Patient Marigold ten Kettle complained of nausea."
    assert not shown(engine, note, "Kettle", whole_word=True)
