"""Korean identifiers the older rules miss (the words around them are ordinary Hangul):

- a car's plate: two or three digits, the plate's syllable, four digits ("12가 3456",
  "123라 4567"), perhaps after a region ("서울12가3456"); the syllables are the plates'
  own, so "94세 1234" or "10분 1200" never is one;
- a numbered address: a road or lane and its number ("테헤란로 123", "중앙로 45번길 9"),
  or a quarter (동) with its lot number ("역삼동 123-4", "방배동 77번지");
- a quarter after its district ("마포구 합정동", "달성군 화원읍"): the district the older
  rule finds with its city, the quarter left after it;
- an age over 89 in words: native ("아흔두 살", "아흔다섯 세") or Sino-Korean
  ("구십삼 세", "백한 살").

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

from .korean_words import ordinary

Span = tuple[int, int, str, str, int]
_PRIO = 2

_REGIONS = "서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주"
# the syllables Korean plates use (private, rental, delivery, army and diplomatic)
_PLATE_SIGNS = ("가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주"
                "아바사자배하허호육해공국합")
_PLATE = re.compile(rf"(?<![\d가-힣])(?:(?:{_REGIONS})[ \t]?)?\d{{2,3}}[ \t]?[{_PLATE_SIGNS}]"
                    r"[ \t]?\d{4}(?![\d])")
# a road ("...로", "...길") and its number, a lane's number between ("45번길"); the number
# stands alone (not "수술실로 3번": a particle and a count)
_ROAD = re.compile(r"(?<![가-힣])([가-힣]{1,6}(?:로|길))(?:[ \t]?\d{1,4}번?[ \t]?길)?"
                   r"[ \t]?\d{1,4}(?:-\d{1,4})?(?![\d가-힣A-Za-z.:])")
# a quarter and its lot: "역삼동 123-4", "방배동 77번지"
_LOT = re.compile(r"(?<![가-힣])([가-힣]{1,5}동)[ \t]?\d{1,4}(?:-\d{1,4}|번지)(?![\d])")
# a district (구, 군) then a quarter (동, 읍, 면); no "친구", "요구" before "이동"
_QUARTER = re.compile(r"(?<![가-힣])([가-힣]{1,4}[구군])[ \t]?"
                      r"([가-힣]{1,5}(?:동|읍|면))(?![가-힣])")
_NOT_DISTRICTS = frozenset("친구 요구 연구 입구 출구 도구 기구 가구 욕구 안구 전구 항구 혈구 "
                           "적혈구 "
                           "백혈구 림프구 호중구 단핵구 호산구 과립구 장군 아군 대군 환군".split())
_NOT_ROADS = frozenset("경로 통로 요로 수로 항로 기로 진로 회로 선로 담로 미로 차로 도로 인도로 "
                       "병동 이동 운동 활동 행동 전동 자동 수동 거동 진동 혈동 파동 공동 "
                       "거리 처리 관리 길 로".split())
_NATIVE_ONES = "한|두|세|네|다섯|여섯|일곱|여덟|아홉"
_SINO_ONES = "[일이삼사오육칠팔구]"
_AGE = re.compile(rf"(?<![가-힣])(?:아흔(?:{_NATIVE_ONES})?|구십{_SINO_ONES}?"
                  rf"|백(?:{_SINO_ONES}|{_NATIVE_ONES}|열|스물|이십|십)?)"
                  r"[ \t]?(?:살|세)(?![가-힣])")
_HANGUL = re.compile("[가-힣]")
# what follows a count or a measure, never an address's number: a unit ("2 L/min", "2 cm",
# "10-20 mmHg", "5 %") or a Korean counter word ("2 장", "3 개씩"); a suture's size "3-0"
_UNIT = re.compile(r"[ \t]*(?:%|퍼센트|(?:mmHg|cmH2O|mL|ml|cc|cm|mm|km|kg|mg|mcg|ug|µg|g|L|l|m|"
                   r"IU|U|units?|bpm|Fr|Ch|G|F|h|hr|hrs|min|mins|sec|cal|kcal|mEq|mmol)"
                   r"(?![A-Za-z])|(?:장|개|매|회|번|차|분|초|시간|일|주|개월|병|팩|알|정|앰플|"
                   r"바이알|봉|묶음|세트|통|방울|포|캡슐|단위|리터|밀리|센티|미리|도|퍼센트)"
                   r"(?:씩|째|을|를|이|가|은|는|의|에|로|으로)?(?![가-힣]))")
_SUTURE = re.compile(r"(?<![\d-])\d{1,2}-0$")
# a district's word that is an opening of the body or a device ("절개구", "배액구"), and a
# township's that is a side or a surface ("측면", "표면"): "절개구 측면 출혈 없음"
_OPENINGS = ("절개", "배액", "주입", "배출", "흡입", "투입", "삽입", "천공", "분출", "배수",
             "환기", "배기", "출입", "흡기", "호기", "유입", "유출", "관찰", "접근")
_SURFACES = frozenset("측면 표면 단면 절단면 절개면 내면 외면 후면 배면 평면 정면 이면 양면 "
                      "봉합면 접촉면 관절면 창면".split())


def _a_measure(text: str, m: re.Match[str]) -> bool:
    """The number after a word ending in 로 or 동 is a count, a size or a measure."""
    return _SUTURE.search(m.group()) is not None or _UNIT.match(text, m.end()) is not None


def scan(text: str) -> list[Span]:
    """Plates, numbered addresses and ages in words of a Korean note."""
    if _HANGUL.search(text) is None:
        return []
    out: list[Span] = []
    digits = any(c.isdigit() for c in text)
    if digits:
        out += [(m.start(), m.end(), "VEHICLE", "korean_plate", _PRIO)
                for m in _PLATE.finditer(text)]
        for rx in (_ROAD, _LOT):
            for m in rx.finditer(text):
                word = m.group(1)
                bare = word[:-1] if word.endswith("로") and word[:-1].endswith("으") else word
                if word in _NOT_ROADS or bare != word or ordinary(word) or _a_measure(text, m):
                    continue  # "경로 2", "병동 3-1", "병동으로 2", "패드로 2 장", "흡수사로 3-0"
                out.append((m.start(), m.end(), "ADDRESS", "korean_address", _PRIO))
    if "구" in text or "군" in text:
        for m in _QUARTER.finditer(text):
            district, quarter = m.group(1), m.group(2)
            if district in _NOT_DISTRICTS or quarter in _NOT_ROADS \
                    or ordinary(district) or ordinary(quarter) \
                    or district[:-1].endswith(_OPENINGS) or quarter in _SURFACES:
                continue
            out.append((m.start(), m.end(), "ADDRESS", "korean_quarter", _PRIO))
    if "아흔" in text or "구십" in text or "백" in text:
        out += [(m.start(), m.end(), "AGE", "korean_age", _PRIO) for m in _AGE.finditer(text)]
    return out
