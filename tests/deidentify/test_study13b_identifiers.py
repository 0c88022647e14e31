"""Identifiers in shapes a thirteenth blind author wrote that the engine missed (study13b).

Invented examples of the same shapes: a local number with its exchange in brackets after a
call word ("phoned from (555) 0177"), local numbers and IP addresses typed or scanned with
look-alike letters after their own word, a ZIP after "ZIP is" or in a JSON field, the last
group of a health-plan number. Negatives: the same shapes with no phone's word, fractions,
version numbers, times, counts.
"""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .growth import assert_grows_linearly, repeated
from .support import left_uncovered, untouched

FOUND = [
    # (note, identifier, category)
    ("Pt's nephew phoned from (555) 0177 about the wait, told ward only", "(555) 0177", "PHONE"),
    ("Pt Ottoline called back from (555) 0182 about the invoice", "(555) 0182", "PHONE"),
    ("niece Marisela on (555) 0164, ring her after recovery", "(555) 0164", "PHONE"),
    ("Brother lives at 14 Quarry Row, phone 555 Ol72", "555 Ol72", "PHONE"),
    ("Pt's home fax number (555) Ol29 for discharge letters", "(555) Ol29", "FAX"),
    ("Pt mobile for reminders +l 555 Ol84 (scan read 1 as l)", "+l 555 Ol84", "PHONE"),
    ("portal login from 2O9.l4.O.l8 flagged by IT", "2O9.l4.O.l8", "IP"),
    ("access from 172.l6.2OO.9 on the report", "172.l6.2OO.9", "IP"),
    ("Home ZIP is 60614, lab courier informed", "60614", "ZIP"),
    ('{"name": "J. Q.", "home_zip": "73301", "ride": "taxi"}', "73301", "ZIP"),
    ("Pt's plan requires prior auth, member no. QRX 551 902 17Q, letter sent",
     "QRX 551 902 17Q", "HEALTHPLAN"),
    ('{"insurance": "MCD 6620 3391 4", "checked": "yes"}', "MCD 6620 3391 4", "HEALTHPLAN"),
    # a licence of a name's letters and a few digits, in capitals (a scan's "l" for a 1)
    ("Driver Lic: WA KESTRAB7l2QZ exp 2028", "WA KESTRAB7l2QZ", "LICENSE"),
    ("DL: NV MARROWJ482KQ copied at desk", "MARROWJ482KQ", "LICENSE"),
    # codes listed together: the second has the first's shape
    ("Pt's pacemaker card lists lead serials QRT 551902 K and QRT 551977 K, check post-op",
     "QRT 551902 K", "DEVICE"),
    ("Pt's pacemaker card lists lead serials QRT 551902 K and QRT 551977 K, check post-op",
     "QRT 551977 K", "DEVICE"),
    ("implant serial ZX-40917-B, ZX-40922-B on the sticker", "ZX-40922-B", "DEVICE"),
]


@pytest.mark.parametrize(("note", "piece", "category"), FOUND)
def test_found(engine: Engine, note: str, piece: str, category: str) -> None:
    assert left_uncovered(engine, note, piece) == ""
    result = engine.deidentify(note)
    assert any(f.category == category for f in result.findings), result.findings


KEPT = [
    "Drain output (120) 1500 mL in total",  # no phone's word before
    "Menu tab l.O.l.O then 2.l opened on the pump",  # too few digits for an address
    "Called theatre at 1430: table (2OO) lOOO kg rated",  # look-alikes with no digits enough
    "phone audit: 4 of 5 calls answered by 1500",
    "called at 1430, 2 of 3 rooms ready",
    "Zip ties used on the drain, 10 in stock",
    "member of staff counted 10 swabs, 2 packs",
    "Lot 44812 and 44813 opened, 2 units",  # a supply's lots, twins or not
    "Pharmacy licensed for COVIDBOOST2 clinic only",  # one digit: a word's
    "license renewal: SCRUBTECH course done",  # no digit
]


def test_nearest_word_says_fax_or_phone(engine: Engine) -> None:
    note = "Home fax: 555-Ol81 Cell: 555-Ol09 (pt prefers fax)"
    cats = {note[f.start:f.end]: f.category for f in engine.deidentify(note).findings}
    assert cats == {"555-Ol81": "FAX", "555-Ol09": "PHONE"}


def test_a_twin_repeats_the_shape_only(engine: Engine) -> None:
    r = engine.deidentify("device serial QRT 551902 and 3 units given, 12 and 14 mL")
    assert r.text.endswith("] and 3 units given, 12 and 14 mL"), r.text


@pytest.mark.parametrize("note", KEPT)
def test_kept(engine: Engine, note: str) -> None:
    untouched(engine, note)


@pytest.mark.parametrize("unit", [
    "phone 555 Ol7",  # a look-alike number's head, again and again
    "phoned from (555) 01",
    "2O.l.",  # dotted look-alike groups
    "QRT 551902 K and ",  # codes listed together
    "ZIP is 6061",
    "Lic: WA KESTRAB7l2Q ",
])
def test_new_shapes_grow_linearly(long_engine: Engine, unit: str) -> None:
    assert_grows_linearly(long_engine.deidentify, lambda n: "serial " + repeated(unit, n))
