"""attack32b: an older finding cut short once a newer rule's span overlaps it
(204237d..e6a9f01).

NEW: at BASE the cued MRN rule hides "ninety-four 04123" and "5550123"; at HEAD
german_phones' "04123 5550123" overlaps them and the note comes out with "ninety-" shown
and one PHONE span from "four": characters an older rule hid are shown again (the rules
say a newer rule only adds). Low harm in this shape, but the mechanism drops part of an
older span. Every note here is invented for these tests."""

from __future__ import annotations

from services.common.deid import Engine


# (fixed: german_phones wants a phone's or relative's word before the number; the merge
# gave the joined span de_phone's PHONE, which id_tokens does not widen over "ninety-")
def test_an_older_span_is_not_cut_by_a_german_phone(engine: Engine) -> None:
    out = engine.deidentify("MRN )ninety-four 04123 5550123")
    assert "ninety" not in out.text
