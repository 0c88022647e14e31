"""fix24: a widening rule never grows a span over the span before or after it (a lot
number that ends on a title or payer keeps it; the name or number after stays its own
span, so no merge hands it the lot's rule). Every note here is invented."""

from __future__ import annotations

from services.common.deid import after_names, honorifics, id_heads, photo_links


def test_a_title_inside_the_span_before_is_left_to_it() -> None:
    text = "Lot 44561234/Mr Smith"
    spans = [(4, 15, "ID", "batch_lot", 1), (16, 21, "NAME", "cue_title", 1)]
    honorifics.widen(text, spans)
    assert spans[1][0] == 16


def test_a_payer_inside_the_span_before_is_left_to_it() -> None:
    text = "Lot 4456123499-2231/Aetna: W55882211"
    spans = [(4, 25, "ID", "batch_lot", 1), (27, 36, "HEALTHPLAN", "plan", 1)]
    id_heads.widen(text, spans)
    assert spans[1][0] == 27


def test_a_title_after_a_free_gap_still_goes_with_the_name() -> None:
    text = "seen by Mrs Ruiz"
    spans = [(12, 16, "NAME", "cue_title", 1)]
    assert honorifics.widen(text, spans) and spans[0][0] == 8


def test_an_age_unit_taken_by_the_next_span_is_left_to_it() -> None:
    text = "AGED 96 y SSN"
    spans = [(5, 7, "AGE", "age", 1), (8, 13, "OTHERID", "x", 1)]
    after_names._with_units(text, spans)
    assert spans[0][1] == 7


def test_a_bracket_after_a_picture_holding_a_span_is_left_to_it() -> None:
    text = "photo (face) x"
    spans = [(0, 5, "PHOTO", "photo", 1), (7, 11, "NAME", "n", 1)]
    photo_links.widen(text, spans)
    assert spans[0][1] == 5
