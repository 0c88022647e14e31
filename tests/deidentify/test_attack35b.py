"""attack35b: korean_words narrows the older Hangul name rules (names.py, script_names.py);
korean_ids, dictated_ids add spans. Hits found by an insider who read them (invented
notes). NEW: BASE (b88f53f) held or redacted the name, or left the note alone; OLDER:
BASE had the hole too."""

from __future__ import annotations

import pytest

from services.common.deid import Engine
from tests.deidentify.support import shown, strict_xfail, untouched


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


# ---- NEW leaks: a name that is (or, less one particle, is) a ward word -----------------
NEW_LEAKS = [
    # a given name that is a word ("지연": delay)
    ("보호자 딸 지연 동행, 수술 동의 확인함.", "지연"),
    ("환자 지연 회복실 도착.", "지연"),
    ("딸 지연에게 연락함.", "지연"),
    ("보호자 딸 지연이 동행.", "지연"),
    ("환자 지연씨 회복실 도착.", "지연"),  # even with its honorific
    # a full name whose last syllable is a particle's and the rest a ward word
    ("환자 이송이 회복실 도착.", "이송이"),
    ("보호자 변경은 동행.", "변경은"),
    ("보호자 아내 정상은 동행.", "정상은"),
    # a two-syllable full name (family name + one syllable) that is a ward word
    ("보호자 아들 오한 동행.", "오한"),
    ("환자 이후 회복실 도착.", "이후"),
    ("보호자 남편 전화 동행.", "전화"),
    # a transliterated name ending in a verb's ending ("니다"): Wanida, Sunida, Leonida
    ("환자 와니다 회복실 도착.", "와니다"),
    ("보호자 딸 수니다 동행.", "수니다"),
    ("환자 레오니다 산토스 입실.", "산토스"),
    # opening a line with no cue, before Latin words
    ("지연 박 pt arrived OR 3", "지연"),
    ("레오니다 산토스 pt arrived OR 3", "레오니다"),
]


@pytest.mark.parametrize("note,name", NEW_LEAKS)
def test_new_name_that_is_a_ward_word_is_not_shown(engine: Engine, note: str,
                                                   name: str) -> None:
    assert not shown(engine, note, name)


# ---- OLDER leaks: an honorific or particle after the name's honorific -----------------
OLDER_LEAKS_CLOSED = [  # fix35b: korean_names reads an honorific and a particle, and 한테
    ("김지연님께 설명드림.", "김지연"),  # 님 then 께: korean_names wanted no Hangul after
    ("김지연님이 동의서 서명함.", "김지연"),
    ("김지연한테 전화함.", "김지연"),  # 한테, the spoken 에게
    ("정상은 님께 설명드림.", "정상은"),
    ("지연님께 수술 설명함.", "지연"),
]


@pytest.mark.parametrize("note,name", OLDER_LEAKS_CLOSED)
def test_older_name_before_honorific_and_particle_now_hidden(engine: Engine, note: str,
                                                             name: str) -> None:
    assert not shown(engine, note, name)


OLDER_LEAKS = [
    ("이송이, 68F OR 3 도착", "이송이"),
    ("환자분 지연 회복실 도착.", "지연"),  # 환자분 / 보호자(딸): no cue to the older rules
    ("보호자(딸) 지연 동행.", "지연"),
]


@strict_xfail("OLDER: a name before 님께/님이/한테, or opening a line, reaches students")
@pytest.mark.parametrize("note,name", OLDER_LEAKS)
def test_older_name_before_honorific_and_particle_is_not_shown(engine: Engine, note: str,
                                                               name: str) -> None:
    assert not shown(engine, note, name)


# ---- NEW false alarms: ordinary OR notes korean_ids / dictated_ids now alter ----------
NEW_FALSE_ALARMS = [
    "비강캐뉼라로 2 L/min 산소 투여.",  # "...로 2" read as a road and its number
    "흡수사로 3-0 봉합함.",  # a suture's size
    "패드로 2 장 교체.",
    "아래로 2 cm 절개.",
    "혈압 변동 10-20 mmHg.",  # "...동 10-20" read as a quarter and its lot
    "절개구 측면 출혈 없음.",  # "...구 ...면" read as a district and a township
    "Patient was one hundred and twenty over eighty on arrival.",  # a blood pressure
    "Pt is one hundred and one percent ready.",  # "one hundred" alone taken as an age
]


@pytest.mark.parametrize("note", NEW_FALSE_ALARMS)
def test_new_ordinary_note_is_untouched(engine: Engine, note: str) -> None:
    untouched(engine, note)


@strict_xfail("OLDER: a heart-rate range is altered (BASE: an ID, now an address, held)")
def test_older_heart_rate_range_is_untouched(engine: Engine) -> None:
    untouched(engine, "심박동 60-80회 유지.")


# ---- hard negatives that stay untouched -----------------------------------------------
@pytest.mark.parametrize("note", [
    "Procedure ending at 14:00, flexed to ninety, sat one hundred and one percent.",
    "Stand near the window, outside the OR.",
    "추가로 2 앰플 투여.",
    "수술실로 3번 이동.",
])
def test_ordinary_note_stays_untouched(engine: Engine, note: str) -> None:
    untouched(engine, note)


# ---- the narrowing keeps names it should ----------------------------------------------
@pytest.mark.parametrize("note,name", [
    ("환자 김지연 회복실 도착.", "김지연"),
    ("환자 이 지연 회복실 도착.", "지연"),
])
def test_name_with_its_family_name_is_still_found(engine: Engine, note: str,
                                                  name: str) -> None:
    assert not shown(engine, note, name)
