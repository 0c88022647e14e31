"""Places after a 'from' or 'live in' of another language, and other everyday forms of
geography below state level (sentences written for these tests)."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


@pytest.mark.parametrize(("text", "place"), [
    ("Pacientka Nováková z Olomouce, plánovaná operace.", "Olomouce"),
    ("Pacjentka ze Wrocławia, operacja biodra.", "Wrocławia"),
    ("病人来自开平；今天做手术。", "开平"),
    ("她的儿子住在新会，明天来探望。", "新会"),
    ("女儿家住布碌仑（Brooklyn），在等候区。", "Brooklyn"),
    ("الزوج في الانتظار، وصل من هامترامك صباحا.", "هامترامك"),
])
def test_place_after_a_foreign_from(engine: Engine, text: str, place: str) -> None:
    out = engine.deidentify(text).text
    assert place not in out
    assert "[LOCATION]" in out
