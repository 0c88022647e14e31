"""attack25b: id_tokens takes a catalogue or lot number glued on after a code with "_".

"pt MRN 3318207_cat#6607", "MRN 3318207_lot#55": base b949ec6 hid the code and showed the
glued-on number; main's id_tokens takes the whole run, so the supply's catalogue or lot
number (patterns.BATCH, which id_tokens says stays as found) goes under the code's label.
Shown text only; the verdict is the same. The differential run (85,000 notes) has the
mirror form in 407 notes: a label glued on before the code ("MRN cat#", "ref-", "LOT-")
taken into the code's span. Fixed: a piece that names a lot, catalogue, reference or model
stays shown. Invented strings."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "kept"), [
    ("pt MRN 3318207_cat#6607", "cat#6607"),
    ("MRN 3318207_lot#55 ok", "lot#55"),
    ("DL WDL20394ZX_cat#4410", "cat#4410"),
])
def test_a_glued_catalogue_number_stays_shown(engine: Engine, note: str, kept: str) -> None:
    assert kept in engine.deidentify(note).text
