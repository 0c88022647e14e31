"""A Korean address above the street: a metropolitan city or province, then its district
or city ("서울 강남구", "부산광역시 해운대구", "경기도 성남시 분당구"). The older rules
know no Hangul places. The first word must be one of the country's cities or provinces,
so a word ending in 구 or 시 alone ("구토", "병동") never is; a district's name has two
syllables before its 구 or is a quarter ("중구", "서구"), so "서울 친구" is no place, and
blood cells ("적혈구", "림프구") never are (attack33b).

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

RULE = "korean_place"
_PRIO = 2

Span = tuple[int, int, str, str, int]

_CITIES = "서울|부산|대구|인천|광주|대전|울산|세종"
_PROVINCES = ("경기|강원|충청북|충청남|충북|충남|전라북|전라남|전북|전남|경상북|경상남|경북|경남"
              "|제주")
# a district: two syllables or more before 구/시/군, or a quarter ("중구"); no blood cell
_NO_CELL = r"(?![가-힣]{0,3}(?:혈구|림프구|단핵구|호중구|호산구|과립구)(?![가-힣]))"
_DISTRICT = _NO_CELL + r"(?:[가-힣]{2,4}[시군구]|[중동서남북]구)(?![가-힣])"
# ... and after it a road and its number: "테헤란로 123", "올림픽로 25"
_ROAD = r"(?:[ \t][가-힣]{1,6}(?:로|길)[ \t]?\d{1,4}(?:-\d{1,4})?(?![\d-]))?"
_PLACE = re.compile(
    rf"(?<![가-힣])(?:(?:{_CITIES})(?:특별시|광역시|특별자치시|시)?|(?:{_PROVINCES})(?:특별자치)?도)"
    rf"(?:[ \t]?{_DISTRICT}){{1,2}}{_ROAD}"
    # a province without its 도 ("경기" is also a fit): only with a city and a district
    rf"|(?<![가-힣])(?:{_PROVINCES})(?:[ \t]{_DISTRICT}){{2}}{_ROAD}"
    # a city with its 시, then a district of three syllables or more: "수원시 팔달구"
    rf"|(?<![가-힣])[가-힣]{{2,4}}시[ \t]?{_NO_CELL}[가-힣]{{2,3}}구(?![가-힣]){_ROAD}")

_HANGUL = re.compile("[가-힣]")


def scan(text: str) -> list[Span]:
    """The cities and provinces with their districts."""
    if _HANGUL.search(text) is None:
        return []
    return [(m.start(), m.end(), "ADDRESS", RULE, _PRIO) for m in _PLACE.finditer(text)]
