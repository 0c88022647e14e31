"""attack22r: false alarms of deid22's new rules on ordinary clinical lines.
- unknown_names' "owned" slot (a supply or record word, "for", a capitalised word on no
  list) takes drug and device brand names for a person, confidently (no review):
  "meds for Keppra held" publishes as "meds for [NAME] held";
- after_names' "said again" takes a lab value equal to the age for the age again
  ("PT Joan Smith 98. Na 98"): the sodium is erased.
Invented notes."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

REASON = "attack22r: a clinical word or value erased as an identifier"


@pytest.mark.xfail(strict=True, raises=AssertionError, reason=REASON)
@pytest.mark.parametrize(("note", "kept"), [
    ("meds for Keppra held this am", "Keppra"),
    ("orders for Xarelto restart tomorrow", "Xarelto"),
    ("kit for Impella ready in room", "Impella"),
    ("consent for Kyphoplasty signed", "Kyphoplasty"),
])
def test_brand_name_after_a_supply_word_kept(engine: Engine, note: str, kept: str) -> None:
    result = engine.deidentify(note)
    assert kept in result.text, (result.verdict, result.text)


def test_lab_value_equal_to_the_age_kept(engine: Engine) -> None:
    result = engine.deidentify("PT Joan Smith 98. Na 98 K 4.1")
    assert "Na 98" in result.text, result.text
