"""A Korean city or province with its district ("부산 해운대구", "경기도 성남시") is an
address below the state; a ward's word alone ("구", "병동") stays."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "secret"), [
    ("pt came from 부산 해운대구 yesterday, stable", "부산 해운대구"),
    ("보호자 주소 경기도 성남시 분당구 확인", "경기도 성남시 분당구"),
    ("transfer from 대구광역시 수성구 hospital", "대구광역시 수성구"),
])
def test_a_korean_city_and_district_are_hidden(engine: Engine, note: str, secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""


@pytest.mark.parametrize("note", [
    "수술실 3 준비 완료, 마취 시작",
    "구토 2회, 병동으로 이송",
])
def test_korean_ward_words_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
