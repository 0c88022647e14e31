"""An address written with its house number after the street, as most of Europe and
Latin America write it (deid23): "Birch Street 22", "Calle Luna 17", "ul. Zielona 88",
"Lindenstraße 12", "Via Quorvia 5". Invented streets."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "address"), [
    ("now she lives at Birch Street 22, near the bridge", "Birch Street 22"),
    ("address is Calle Quorvana 17 in town", "Calle Quorvana 17"),
    ("Adres: ul. Zielona 88, second floor", "ul. Zielona 88"),
    ("wohnt Quorvenstraße 12 seit Jahren", "Quorvenstraße 12"),
    ("wohnt in der Quorvenstrasse 12", "Quorvenstrasse 12"),
    ("lives at Via Quorvia 5 with her son", "Via Quorvia 5"),
])
def test_the_number_after_the_street_goes_too(engine: Engine, note: str,
                                               address: str) -> None:
    assert left_uncovered(engine, note, address) == ""


@pytest.mark.parametrize("note", [
    "pt arrived via ALS 2 hours ago",
    "transfer via Life Flight 2 at noon",
    "wound closed, street drugs 2 days ago denied",
])
def test_no_street_no_address(engine: Engine, note: str) -> None:
    untouched(engine, note)
