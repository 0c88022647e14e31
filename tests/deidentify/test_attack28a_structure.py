"""attack28a: identifiers that the new structure rules (hl7_segments, record_cells,
pt_names.before_word / surname_after / before_ids, df37581) misread and let reach students.
Base 7b90567 showed each of them too (OLDER): the new rules leave them where they were,
though their notes promise them (a value typed a field off is hidden, a Name column's
cells are names). Every example is invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import shown

# each was a strict xfail first: fix28a hid the HL7, table and town holes, the lead the
# pairs and 'Re: Bramble:'; all are plain tests now





HL7 = [  # (note, what must not be shown)
    # two messages, the first with its own encoding characters: the second's PID is read
    # with the first MSH's separators, so it is no segment at all
    ("feed:\nMSH#*~\\&#SEND#NORTH\nPID#1##40021183##PENHALIGON*MAUDE##19390215#F\n"
     "MSH|^~\\&|ORS|NORTH|EHR|NORTH\nPID|1||60442917^^^NORTH^MR||QUILLFEATHER^ODALYS^R||"
     "19410827|F", "QUILLFEATHER"),
    # PID-4's pipe missing: the name lands in PID-7 (a date's field, no digit: "coded")
    ("feed:\nPID|1||60442917^^^NORTH^MR||^^|19410827|BRAMBLE^HOLLOW", "BRAMBLE"),
    # NK1 without its set id: the relative's name is read as NK1-1 (coded), "SON" as a name
    ("feed:\nNK1|BRAMBLE^JUNIPER|SON|||", "BRAMBLE"),
    # an OBX whose value is a person's name (XPN) under a next-of-kin observation
    ("feed:\nOBX|1|XPN|NOK^Next of kin||BRAMBLE^JUNIPER||||||F", "BRAMBLE"),
    # a site's Z-segment: a name has no digit, file name or address
    ("feed:\nZPD|1|BRAMBLE^JUNIPER|SON", "BRAMBLE"),
    # a PID wrapped by the editor: the continuation line is no segment, its town shown
    ("feed:\nPID|1||60442917||LARK^HOLLOW||19410827|F|||27 TANSY CT^^\nMARROWDALE^VT",
     "MARROWDALE"),
]


@pytest.mark.parametrize(("note", "secret"), HL7)
def test_hl7_names_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret)


CELLS = [
    # a Name column's cell of dictionary words is read as no name, even quoted or in capitals
    ('List:\nName,Age,Town\n"Lark, Hollow",94,Marrowdale\n', "Lark, Hollow"),
    ("NAME,AGE,CITY\nHOLLOW LARK,94,MARROWDALE\n", "HOLLOW LARK"),
    # "Last, First" unquoted: one cell too many, the row is skipped and its town shown
    ("List:\nName,Age,Town\nLark, Hollow,94,Marrowdale\n", "Marrowdale"),
    # a YAML name split into given and family keys
    ("patient:\n  name:\n    given: Hollow\n    family: Lark\n  age: 94\n", "Lark"),
]


@pytest.mark.parametrize(("note", "secret"), CELLS)
def test_record_cells_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret)


PAIRS = [
    # before_word / surname_after stop at a capital or an apostrophe inside the surname
    ("Patient Marigold McKettle complained of nausea in PACU.", "McKettle"),
    ("Pt Odalys van Kettle, ambulating.", "Kettle"),
    ("Inmate Saffron Lark-O'Dell, escort at bedside.", "Saffron"),
    # before_ids' new "Ph" label: a dictionary-word pair before it stays
    ("Pt Marigold Kettle Ph 603 481 2290.", "Kettle"),
]


@pytest.mark.parametrize(("note", "secret"), PAIRS)
def test_pt_pairs_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret)


def test_surname_before_a_second_colon_hidden(engine: Engine) -> None:
    assert not shown(engine, "Re: Bramble: consent signed, to OR at 0900.", "Bramble")


PLACES = [
    # place_tails.scan's towns: a lower-case "st.", a town in capitals, a lower-case answer
    ("Taxi booked to st. Marrowdale at 1500.", "Marrowdale"),
    ("Cab home to LOWICK FALLS at 1500.", "LOWICK"),
    ("Which town are you from? A: lowick falls.", "lowick"),
    ("Employer: QUILL DAIRY, BRISK.", "BRISK"),
]


@pytest.mark.parametrize(("note", "secret"), PLACES)
def test_towns_after_their_cue_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret)
