"""attack35b: Korean ward notes in the shapes korean_words narrows (a test tool).

    PYTHONPATH=. python bench/deid_diff/gen13.py 4000 SEED > /tmp/notes.jsonl

Same record as gen.py ({"id", "text", "phi": [[s, e, cat]], "neutral": [[s, e]]}).
Positives: after 환자 / 보호자 and a kin word, a name that is a ward word ("지연"), a full
name whose last syllable is a particle's ("이송이", "정상은"), a two-syllable full name
that is a word ("오한", "이후"), a transliterated name ending in "니다" ("와니다"), a name
opening a line before Latin words, a name before 님께 / 님이 / 한테; plates and numbered
addresses. Hard negatives (about half, PHI-free): "...로 2 L/min", "흡수사로 3-0",
"변동 10-20", "절개구 측면", a blood pressure in words after "was", ward sentences
("환자 나이 72세, 보호자 동행"). The names are invented or frequent ones.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.deid_diff.gen import Note
from bench.deid_diff.gen4 import emit

RNG = random.Random(35)

WORD_NAMES = ["지연", "이송이", "변경은", "정상은", "오한", "이후", "전화", "양호", "정상도",
              "기사랑", "와니다", "수니다", "파니다", "레오니다"]
NAMES = ["김지연", "박서준", "최하은", "정민호", "남궁민수"]
SURNAMES = ["산토스", "응우옌", "박", "김"]
KIN = ["딸", "아들", "아내", "남편", ""]
TAILS = [" 동행.", " 회복실 도착.", " 입실.", "에게 연락함.", "이 동의서 서명함."]


def pick(xs):  # type: ignore[no-untyped-def]
    return RNG.choice(xs)


def digits(n: int) -> str:
    return "".join(str(RNG.randint(0, 9)) for _ in range(n))


# ---- positives -------------------------------------------------------------------------
def cued_word_name(n: Note) -> None:
    cue = pick(["환자 ", "보호자 "])
    kin = pick(KIN) if cue == "보호자 " else ""
    n.add(cue + (kin + " " if kin else "")).phi_(pick(WORD_NAMES), "NAME")
    if RNG.random() < 0.3:
        n.add(" ").phi_(pick(SURNAMES), "NAME")
    n.add(pick(TAILS))


def opening(n: Note) -> None:
    n.phi_(pick(WORD_NAMES), "NAME").add(" ").phi_(pick(SURNAMES), "NAME")
    n.add(pick([" pt arrived OR 3", " POD1 stable", ", 68F OR 2"]))


def honorific(n: Note) -> None:
    n.phi_(pick(NAMES + WORD_NAMES), "NAME")
    n.add(pick(["님께 설명드림.", "님이 동의서 서명함.", "한테 전화함.", " 님께 수술 설명함."]))


def plate_address(n: Note) -> None:
    if RNG.random() < 0.5:
        n.add("차량 ").phi_(f"{RNG.randint(10, 99)}가 {digits(4)}", "VEHICLE").add(" 주차.")
    else:
        n.add("주소 ").phi_(pick([f"역삼동 {RNG.randint(1, 999)}-{RNG.randint(1, 9)}",
                                 f"테헤란로 {RNG.randint(1, 400)}"]), "ADDRESS").add(".")


POS_MAKERS: list[Callable[[Note], None]] = [cued_word_name, opening, honorific, plate_address]


# ---- hard negatives --------------------------------------------------------------------
def neg_counts(n: Note) -> None:
    n.add(pick(["비강캐뉼라로 2 L/min 산소 투여.", "흡수사로 3-0 봉합함.", "패드로 2 장 교체.",
                "아래로 2 cm 절개.", "추가로 2 앰플 투여.", "수술실로 3번 이동."]))


def neg_ranges(n: Note) -> None:
    n.add(pick(["혈압 변동 10-20 mmHg.", "심박동 60-80회 유지.", "절개구 측면 출혈 없음."]))


def neg_ward(n: Note) -> None:
    n.add(pick(["환자 나이 72세, 보호자 동행.", "마취과 선생님 요청으로 재확인함.",
                "회복실 통증 NRS 2점.", "보호자 동행 필수, 설명 완료했습니다."]))


def neg_english(n: Note) -> None:
    n.add(pick(["Patient was one hundred and twenty over eighty on arrival.",
                "Pt is one hundred and one percent ready.",
                "Procedure ending at 14:00, flexed to ninety.",
                "Stand near the window, outside the OR."]))


NEG_MAKERS: list[Callable[[Note], None]] = [neg_counts, neg_ranges, neg_ward, neg_english]


def main() -> None:
    emit(RNG, POS_MAKERS, NEG_MAKERS, "g13", 35)


if __name__ == "__main__":
    main()
