"""The cheap gates and narrowed searches in front of the twenty-first session's newer scans
(speed32) find what the plain scans find: each narrowed search yields the plain `finditer`'s
matches, and each gate lets through every shape its pattern takes. Invented strings."""

from __future__ import annotations

import re

import pytest

from services.common.deid import age_answers, band_names, plan_prefixes, vehicle_marks
from services.common.deid.hints import any_in, folded


@pytest.mark.parametrize("text", [
    "reprint: HARGREAVE, Joy MRN 4471902",
    "x, Smith, John Alan, Bob",  # a pair may start at the word after a failed comma
    "smith, jones Alan, Bob",  # a lower-case pair takes "Alan": no "Alan, Bob"
    "smith, jones Alan. Lee, Bob",
    "van der Berg, Anna; de la Cruz, Maria",  # particles: two blanks before the comma
    "a b c de la Cruz, Maria",  # three blanks back: no pair starts further
    "smith, jones alan, Bob, Carl Dee, Eve",  # a pair's words consumed before the next
    "Tarrow,\tEwan ID 44, Kettleby,  Grace",
    "KOVALENKO, Дарья: ΠΑΠΑΣ, Νίκος",
    "O'DRISCOLL-HAMID, Aoife_x, Tanak0, Mariak0",
    ", , ,, a,b, C",
    "",
])
def test_pairs_are_finditers(text: str) -> None:
    plain = [(m.span(), m.groups()) for m in band_names._PAIR.finditer(text)
             if m.group(3)[0].isupper()]
    assert [(m.span(), m.groups()) for m in band_names._pairs(text)] == plain


@pytest.mark.parametrize("plate", ["AB12 CDE", "AB12CDE", "A123 BCD", "A1BCD", "A 12 BCD",
                                   "ABC 123D", "ABC123 D", "ABC 1 D", "ab12 cde", "ab 12 cde",
                                   "ab12cde", "AB١٢ CDE"])  # (any script's digits: \d)
def test_each_plate_shape_passes_the_hint(plate: str) -> None:
    text = f"silver Kia {plate}, parked"
    assert vehicle_marks._HINT.search(text) is not None
    assert [m.span() for m in vehicle_marks._plates(text)] \
        == [m.span() for m in vehicle_marks._PLATE.finditer(text)] != []


def test_plates_next_to_each_other_are_all_found() -> None:
    text = "reg AB12 CDE/XY67ZZT, T12 NAD; A1BCD A2BCD abc 12 cde1 ab12 cde"
    assert [m.span() for m in vehicle_marks._plates(text)] \
        == [m.span() for m in vehicle_marks._PLATE.finditer(text)]


@pytest.mark.parametrize("said", ["I'm 94 and live alone", "i am now 101", "im ninety-four",
                                  "I'M NINETY", "i\tam 99",
                                  "Im\t95 yrs", "i am\t100", "İ'm 96, and"])
def test_age_answer_gate_lets_each_answer_through(said: str) -> None:
    assert age_answers._SELF_M.search(said) is not None
    assert any_in(said, age_answers._SELF_HINTS)
    assert [m.group(1) for m in age_answers._SELF.finditer(said)]


@pytest.mark.parametrize("note", ["BCBSTX QQZ 5512345", "HMSA 0012 3456 7", "AETNA 1234567",
                                  "Aetna 12345678", "UHC 7654321", "Cigna AB 1234567",
                                  "Humana 123-4567", "Kaiser 1234567", "ANTHEM 1234567",
                                  "Tricare 1234567", "Molina 1234567", "MCD 1234567"])
def test_payer_gate_lets_each_payer_through(note: str) -> None:
    assert plan_prefixes.scan(note, []) \
        == [(0, len(note), "HEALTHPLAN", plan_prefixes.RULE, 1)]


def test_fold_reads_dotted_capital_i_as_i() -> None:
    # `(?i)` matches "İ" with "i": the self-introduction gate's "im " must see it
    assert folded("İm Losa") == "im losa"
    assert any_in("İm Losa", ("im ",))
    assert folded("Brisk") == "brisk" and folded("Brisk") is folded("Brisk")


def test_each_site_kind_has_its_spelling_in_the_gate() -> None:
    from services.common.deid import geo_sites

    spelt = {s for spellings in geo_sites._KIND_SPELT.values() for s in spellings}
    kinds, was = geo_sites._STRONG_KIND + "|" + geo_sites._WEAK_KIND, ""
    while kinds != was:  # the groups inside an alternative go, innermost first
        kinds, was = re.sub(r"\(\?:[^()]*\)\??", "", kinds), kinds
    assert "(" not in kinds
    for kind in kinds.split("|"):
        head = kind.split("[")[0]
        assert head in spelt, kind
        assert head.lower() in geo_sites._SITE_WORDS, kind


@pytest.mark.parametrize("note", ["2-7-11 Ebisu, Shibuya", "at 12-1-3 Jingumae, Shibuya"])
def test_chome_hint_lets_each_address_through(note: str) -> None:
    from services.common.deid import geo_sites

    assert geo_sites._CHOME_HINT.search(note) is not None
    assert geo_sites._CHOME.search(note) is not None


@pytest.mark.parametrize("note", ["Aunty Mere", "uncle Tane", "Nana Rangi", "nanna Hine",
                                  "Koro Wiremu", "Kuia Aroha", "Tupuna Rewi", "Whānau Mere",
                                  "WHANAU Mere", "family Hine", "Cousin Tai"])
def test_kin_gate_lets_each_relation_through(note: str) -> None:
    from services.common.deid import kin_names

    assert kin_names._KIN.search(note) is not None
    assert any_in(note, kin_names._HINTS)


@pytest.mark.parametrize("note", ["Pat ID 7710042 DRAVENKO T", "id:44100 KOWALCZ A",
                                  "ıd # 5512345 HARTOG B", "İD\t12345 MERRIN C"])
def test_initial_gate_lets_each_id_through(note: str) -> None:
    assert band_names._ID_CUE_HINT.search(folded(note)) is not None
    m = band_names._INITIAL.search(note)
    assert m is not None
    assert band_names._ID_CUE.search(note, 0, m.start()) is not None
