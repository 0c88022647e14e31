"""Korean handover words that are no names, Korean plates and numbered addresses; and a
transcriptionist's spoken or spelled identifiers (digits said as words, an e-mail said
"at ... dot com", an age in words, a name spelled letter by letter). Invented notes."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, strict_xfail, untouched


@strict_xfail("withdrawn after attack35b: the korean_words narrowing showed real given names "
              "that are ward words")
@pytest.mark.parametrize("note", [
    "환자 접수번호 확인, 팔찌 재부착 필요.",
    "마취과 선생님 요청으로 수액 추가 준비했습니다.",
    "다음 환자 입실 전 장비 점검 완료했습니다.",
    "회복실 통증 NRS 3점.",
    "보호자 동행, 환자 구토 호소.",
    "보호자 동반 필수, 환자 연령 확인.",
    "인공혈관 로트번호 XR-551 기록지에 부착.",
    "환자 휴대전화 분실, 보호자 딸 도착.",
])
def test_korean_ward_phrases_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)


@pytest.mark.parametrize(("note", "secret"), [
    ("환자 한도윤 님 수술 대기.", "한도윤"),
    ("보호자 김서연 씨 대기실.", "김서연"),
    ("환자 남궁 민철, 마취 시작.", "남궁 민철"),
    ("보호자 이하은에게 설명함.", "이하은"),
    ("박지후 님 회복실 이동.", "박지후"),
])
def test_korean_names_stay_hidden(engine: Engine, note: str, secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""


@pytest.mark.parametrize(("note", "secret"), [
    ("환자 차량 번호 57가 1204 주차 확인.", "57가 1204"),
    ("보호자 차량 123라 4567 출차.", "123라 4567"),
    ("차량 서울31바8812 정산.", "서울31바8812"),
    ("환자 주소 서초구 방배동 77-12 확인.", "방배동 77-12"),
    ("주소 중앙로 45번길 9 확인.", "중앙로 45번길 9"),
    ("환자 나이 아흔세 살, 낙상 주의.", "아흔세"),
    ("주소 부산 해운대구 우동 으로 퇴원.", "해운대구 우동"),
    ("오동현에게 설명, 서명 받음.", "오동현"),
    ("선우 지후 님 회복실 이동.", "선우 지후"),
    ("환자 97세, 낙상 주의.", "97"),
])
def test_korean_plates_addresses_and_old_ages_are_hidden(engine: Engine, note: str,
                                                          secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""


@pytest.mark.parametrize(("note", "secret"), [
    ('Flag: patient name spelled "D - O - R - A   K - L - E - E".',
     "D - O - R - A   K - L - E - E"),
    ('Flag: zip "six oh two one four" dictated.', "six oh two one four"),
    ('Flag: DOB said "oh-three twelve forty-four".', "oh-three twelve forty-four"),
    ('Flag: DOB "four four twenty-nine".', "four four twenty-nine"),
    # once a strict xfail of attack27a (test_spoken_dob_hidden): a spoken day and month
    ("Born on eleven four 1931, stable.", "eleven four"),
    ('Flag: phone "six one four, two two oh, nine nine one three" read back.',
     "six one four, two two oh, nine nine one three"),
    ('Flag: pt email "j lowe 77 at gmail dot com" dictated.', "j lowe 77 at gmail dot com"),
    ('Flag: age said "ninety-six years young".', "ninety-six years young"),
    ('Flag: pt is "one hundred and two" per family.', "one hundred and two"),
    ('Flag: son\'s cell "ending 9032" noted.', "ending 9032"),
    ('Flag: pt from "west side of Akron".', "west side of Akron"),
    ('Flag: pt lives "just outside Chillicothe".', "just outside Chillicothe"),
    ('Flag: pt lives "off Route 9 near Urbana", removed.', "off Route 9 near Urbana"),
    ('Flag: pt "lowe, j" in header lowercase.', "lowe, j"),
    ('Flag: "Müller" came through as "MÃ¼ller" in import.', "MÃ¼ller"),
])
def test_dictated_identifiers_are_hidden(engine: Engine, note: str, secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""


@pytest.mark.parametrize("note", [
    "Knee flexed to ninety, held for two minutes.",
    "Stand near the door during the count.",
    "Trolley parked outside OR 5 until turnover.",
    "Shift ending at 14:00, handover to night team.",
    "Counts: two, two, one correct at closure.",
    "Flag: word spelled A - B - C in template header, fine.",
    "The baby was born at nine twelve, weight three point four kilograms.",
    "The limb was one hundred fifty centimeters.",
    "Kocher = clamp. Spelled: K-O-C-H-E-R. Not a person today.",
])
def test_dictation_look_alikes_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
