"""fix35b: the newer Korean and dictation rules read a count, a size, a measure or a
pressure as an identifier no more, and korean_names takes a name before an honorific and
a particle ("님께", "씨가") or before "한테". Invented notes."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


@pytest.mark.parametrize("note", [
    "스펀지로 4 개 교체.",  # a counter word after a word ending in 로
    "드레싱으로 덮고 솜뭉치로 3 개씩 교체.",
    "관으로 연결, 카테터로 5 mL 주입.",  # a unit
    "위쪽으로 3 mm 이동, 바깥쪽으로 1 cm.",
    "봉합사로 4-0 피부 봉합.",  # a suture's size
    "맥박 변동 60-90 bpm.",  # a range then a unit after a word ending in 동
    "배액구 측면 삼출 없음.",  # an opening, then a side
    "창상 절개구 표면 발적 없음.",
    "Pt was one hundred and thirty over ninety, stable.",
    "Pt is one hundred and four percent of target.",
    "Pt is one hundred and twenty mmHg systolic.",
])
def test_counts_sizes_and_measures_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)


@pytest.mark.parametrize(("note", "secret"), [
    ("주소 테헤란로 123 확인.", "테헤란로 123"),
    ("주소 역삼동 123-4 확인.", "역삼동 123-4"),
    ("주소 마포구 합정동 확인.", "마포구 합정동"),
    ('Flag: pt is "one hundred and two" per family.', "one hundred and two"),
    ("Pt is one hundred and one, lives alone.", "one hundred and one"),
])
def test_addresses_and_ages_stay_hidden(engine: Engine, note: str, secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""


@pytest.mark.parametrize(("note", "secret"), [
    ("박서준님께 설명드림.", "박서준"),
    ("최민지님이 동의서 서명함.", "최민지"),
    ("윤하늘씨가 대기실에 있음.", "윤하늘"),
    ("조은비씨는 귀가함.", "조은비"),
    ("강도윤한테 연락함.", "강도윤"),
    ("정상은 님께 설명드림.", "정상은"),  # a name that is, less a particle, a ward word
    ("지연님께 수술 설명함.", "지연"),  # a given name that is a ward word, with 님
])
def test_name_before_honorific_and_particle_is_hidden(engine: Engine, note: str,
                                                      secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""


@pytest.mark.parametrize("note", [
    "마취과 선생님께 보고함.",  # a role before the honorific, no name
    "주치의님께 연락함.",
    "원장님이 확인함.",
    "기사님께 이송 요청.",
    "모두에게 설명함.",
])
def test_roles_before_honorifics_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
