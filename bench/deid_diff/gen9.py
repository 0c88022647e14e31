"""study35b: Korean handover notes, for the differential of korean_words' narrowing of the
Hangul name rules (a test tool).

    PYTHONPATH=. python bench/deid_diff/gen9.py 4000 SEED > /tmp/notes.jsonl

Same record as gen.py. Positives: Korean names (a frequent family name and a given name,
some given names that are also words: 지인, 하늘, 보람, 현재) with and without 님/씨,
after 환자/보호자/kin words or opening a line, with a particle glued on ("이하은에게"),
a family name typed apart ("오 세훈", "전 민수") or of two syllables ("남궁 민철"),
names transliterated from abroad ("마리아", "응우옌 반 안"), each followed by ordinary
ward words; plates, numbered addresses, ages over 89. Hard negatives (PHI-free): ward
phrases after a cue ("환자 나이", "보호자 동행", "마취과 선생님 요청으로"). Invented.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.deid_diff.gen import Note
from bench.deid_diff.gen4 import emit

RNG = random.Random(35)

FAMILY = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권",
          "황", "안", "송", "전", "홍", "유", "고", "문", "양", "손", "배", "백", "허", "남", "심",
          "노", "하", "곽", "성", "차", "주", "우", "구", "나", "민", "진", "지", "엄", "원", "동"]
DOUBLE = ["남궁", "황보", "제갈", "선우"]
GIVEN = ["민지", "서연", "하은", "지후", "도윤", "세훈", "현우", "지숙", "예준", "수민", "민철",
         "지인", "하늘", "보람", "현재", "나은", "동현", "영실", "은서", "주원", "상철", "말순"]
FOREIGN = ["마리아", "존 스미스", "응우옌 반 안", "올리비아", "데이비드", "안나", "사라 김"]
CUES = ["환자 ", "보호자 ", "환자: ", "보호자 딸 ", "보호자 아들 ", "딸 ", "아들 ", "남편 ",
        "아내 ", "다음 환자 ", ""]
HONOR = ["", " 님", "님", " 씨", "씨", "에게", "이", "의", "는", "가"]
TAILS = [" 수술 대기.", " 회복실 이동.", " 나이 확인.", " 동행, 통증 호소.", " 입실 전 점검 완료.",
         " 오심 호소, 투약함.", " 차량 번호 확인 요청.", " 이메일 안내 발송.",
         ", 보호자 동반 필수.",
         " 등록번호 재확인."]
WARD = ["나이", "동행", "동반 필수", "등록번호", "오심 호소", "차량 번호", "이메일", "팩스", "아들",
        "입실 전 장비 점검 완료했습니다", "통증 호소", "연령 확인", "휴대전화 분실", "도착",
        "요청으로 수액 준비", "인공관절 일련번호", "상태 양호", "금식 확인함"]
PLATE_SIGNS = "가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주하허호"
ROADS = ["테헤란로", "중앙로", "세종대로", "올림픽로", "해운대로", "시민로"]
DONGS = ["역삼동", "방배동", "서교동", "부전동", "연산동", "삼성동"]
NATIVE = ["", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉"]


def pick(xs):  # type: ignore[no-untyped-def]
    return RNG.choice(xs)


def name() -> str:
    r = RNG.random()
    if r < 0.1:
        return pick(DOUBLE) + pick(["", " "]) + pick(GIVEN)
    if r < 0.2:
        return pick(FOREIGN)
    if r < 0.3:
        return pick(FAMILY) + " " + pick(GIVEN)
    if r < 0.37:
        return pick(GIVEN)
    return pick(FAMILY) + pick(GIVEN)


# ---- positives -------------------------------------------------------------------------
def cued_name(n: Note) -> None:
    n.add(pick(CUES)).phi_(name(), "NAME").add(pick(HONOR)).add(pick(TAILS))


def two_names(n: Note) -> None:
    n.add("환자 ").phi_(name(), "NAME").add(pick([" 님", ""]) + ", 보호자 ")
    n.add(pick(["", "딸 ", "아들 ", "남편 "])).phi_(name(), "NAME").add(pick(TAILS))


def plate(n: Note) -> None:
    p = f"{RNG.randint(10, 399)}{pick(PLATE_SIGNS)}{pick(['', ' '])}{RNG.randint(1000, 9999)}"
    n.add(pick(["환자 차량 번호 ", "보호자 차량 ", "차량 ", "주차 "]))
    n.phi_(pick(["", "서울", "경기 "]) + p, "VEHICLE").add(pick([" 주차 정산.", " 출차 확인."]))


def address(n: Note) -> None:
    n.add(pick(["환자 주소 ", "주소: ", "보호자 주소 "]))
    if RNG.random() < 0.5:
        n.phi_(f"{pick(ROADS)} {RNG.randint(1, 400)}", "ADDRESS")
    else:
        n.phi_(f"{pick(DONGS)} {RNG.randint(1, 900)}-{RNG.randint(1, 30)}", "ADDRESS")
    n.add(" 확인.")


def age(n: Note) -> None:
    n.add(pick(["환자 나이 ", "환자 ", ""]))
    if RNG.random() < 0.5:
        n.phi_(f"아흔{pick(NATIVE)}", "AGE").add(pick([" 살", " 세", "살"]))
    else:
        n.phi_(str(RNG.randint(90, 104)), "AGE").add("세")
    n.add(pick([", 낙상 고위험.", ", 보호자 동행."]))


POS_MAKERS: list[Callable[[Note], None]] = [cued_name, cued_name, cued_name, two_names, plate,
                                            address, age]


# ---- hard negatives --------------------------------------------------------------------
def neg_ward(n: Note) -> None:
    n.add(pick(["환자 ", "보호자 ", "다음 환자 ", "보호자 딸 "]) + pick(WARD))
    n.add(pick([".", ", 확인."]))


def neg_opening(n: Note) -> None:
    n.add(pick(["회복실 통증 NRS 2점.", "마취과 선생님 요청으로 Propofol 준비했습니다.",
                "인공관절 일련번호 ZB-KR-" + str(RNG.randint(10000, 99999)) + " 부착.",
                "수술실 3 준비 완료, 마취 시작.", "병동 3-1 이동, 수술실로 3번."]))


NEG_MAKERS: list[Callable[[Note], None]] = [neg_ward, neg_opening]


def main() -> None:
    emit(RNG, POS_MAKERS, NEG_MAKERS, "g9", 35)


if __name__ == "__main__":
    main()
