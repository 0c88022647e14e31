"""A town that is also a surname after a bare "in" (places.town_at): redacted, and the
note goes to review; an eponym or an instrument after "in" stays.

All places here are real towns used as examples; no note is copied from a corpus."""

from __future__ import annotations

from services.common.deid import Engine


def test_a_surname_town_after_in_is_a_guess(engine: Engine) -> None:
    r = engine.deidentify("She was at a rehab unit in Wakefield until Monday")
    assert "Wakefield" not in r.text
    assert r.verdict == "review"


def test_an_instrument_after_in_stays(engine: Engine) -> None:
    text = "Trocar in, Kelly clamps on the field; pt in Trendelenburg now"
    assert engine.deidentify(text).text == text
