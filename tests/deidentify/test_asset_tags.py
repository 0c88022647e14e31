"""An asset tag is the hospital's label on its own equipment, not a car's plate (deid23):
"Asset tag: QX-00731", "biomed tag QX-00731". A plate's tag still goes. Invented tags."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize("note", [
    "Device: SCD pump | Asset tag: QX-00731 | PM due 2026-06",
    "asset tag \uff31\uff38\uff0d\uff10\uff10\uff17\uff13\uff11 on the suction, biomed knows",
    "equipment tag QX-00731 missing from the warmer",
])
def test_an_asset_tag_stays(engine: Engine, note: str) -> None:
    untouched(engine, note)


@pytest.mark.parametrize(("note", "tag"), [
    ("son's car in the lot, plate tag QX-00731", "QX-00731"),
    ("asset tag QX-00731 on the pump; family car tag 7KLM229 in lot B", "7KLM229"),
])
def test_a_vehicle_tag_still_goes(engine: Engine, note: str, tag: str) -> None:
    assert left_uncovered(engine, note, tag) == ""
