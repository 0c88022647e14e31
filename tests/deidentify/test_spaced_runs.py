"""Identifiers typed one character at a time, spaces or dashes between, to get past a
filter: digits, letters, words spelled letter by letter, an age after "age" (spaced_runs.py).
Invented sentences."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

SPACED = [
    ("records office fax (7 0 3) 5 5 5 - 0 1 8 8 please", "(7 0 3) 5 5 5 - 0 1 8 8"),
    ("his van O K  2 7 3 - W Q P is in the lot", "O K  2 7 3 - W Q P"),
    ("claim ref Q-R-T-0 0 7 1 3 2 for the insurer", "Q-R-T-0 0 7 1 3 2"),
    ("lic W\u20133\u20130\u20132\u20137\u20131\u20135 on the chart",
     "W\u20133\u20130\u20132\u20137\u20131\u20135"),
    ("stim K\u2011X\u2011D\u20117\u20117\u20120\u20113 checked",
     "K\u2011X\u2011D\u20117\u20117\u20120\u20113"),
    ("moved here from s a n  m a r c o s last year", "s a n  m a r c o s"),
    ("mail j u n e . r @ p o s t b o x . o r g for updates",
     "j u n e . r @ p o s t b o x . o r g"),
    ("call back s e v e n  t w o  o n e  f o u r  n i n e please",
     "s e v e n  t w o  o n e  f o u r  n i n e"),
    ("social xxx\u2013xx\u20137 2 0 6 on the old form", "xxx\u2013xx\u20137 2 0 6"),
    ("pt Abernath, age 1 0 4", "1 0 4"),
    ("lady in bay 3 4ge 9 6, hard of hearing", "9 6"),
]


@pytest.mark.parametrize(("note", "phi"), SPACED)
def test_a_spaced_identifier_is_redacted_whole(engine: Engine, note: str, phi: str) -> None:
    result = engine.deidentify(note)
    start = note.index(phi)
    covered = bytearray(len(note))
    for f in result.findings:
        covered[f.start:f.end] = b"\x01" * (f.end - f.start)
    left = "".join(note[i] for i in range(start, start + len(phi))
                   if not covered[i] and not note[i].isspace())
    assert not left, (result.text, left)


KEPT = [
    "GCS 1 5 at scene",
    "pt is age 5 0 per chart, fine",
    "U R G E N T: page anesthesia",
    "counted sponges 1 2 3 4 correct",
    "grade 2-3 reflux, L4-5 fusion, C5-C6",
    "S T O P before incision, time out done",
]


@pytest.mark.parametrize("note", KEPT)
def test_ordinary_spacing_is_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


SPELLED_PHRASES = [
    "c l o s i n g  s k i n  1 4 0 5",
    "t r a n s f e r  t o  p a c u  1 1 4 5",
    "retractors: B-a-l-f-o-u-r, D-e-a-v-e-r",
    "c.o.u.n.t.s c.o.r.r.e.c.t",
    "done in 2 5 m i n",
    "it's 1 4 : 3 0 and we're closing",
    "s p i n a l  a n e s t h e s i a  placed",
]


@pytest.mark.parametrize("note", SPELLED_PHRASES)
def test_ordinary_words_spelled_out_are_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


@pytest.mark.parametrize("note", [
    "to PACU bay 2. K 4.2. T+90 min total",
    "K 4.2. 3.5 hrs total",
    "spinal w/ U l t i v a, hybrid room 1",
])
def test_decimals_and_spelled_drugs_are_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


def test_a_spaced_street_address_is_redacted(engine: Engine) -> None:
    note = "addr: 7 1 9  H a w t h o r n  A v e, apt 2"
    assert "H a w" not in engine.deidentify(note).text


def test_a_spaced_house_number_and_street_is_redacted(engine: Engine) -> None:
    note = "addr: 5 8 1  M a p l e w o o d  S t, unit 2"
    assert "5 8 1" not in engine.deidentify(note).text
    assert "M a p" not in engine.deidentify(note).text
