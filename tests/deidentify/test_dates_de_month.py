"""Spanish and Portuguese dates "day de month (de year)" where the month is also a name
or carries its cedilla (dates.py); sentences written for this test."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


@pytest.mark.parametrize(("text", "gone"), [
    ("la paciente nació el 9 de abril de 1929, viuda", "abril de 1929"),
    ("ela nasceu a 21 de março de 1933 em casa", "março de 1933"),
    ("operado el 14 de julio del 2025 por hernia", "julio del 2025"),
])
def test_de_month_date(engine: Engine, text: str, gone: str) -> None:
    assert gone not in engine.deidentify(text).text
