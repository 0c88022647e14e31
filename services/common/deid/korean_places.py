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
_PLACE = re.compile(
    rf"(?<![가-힣])(?:(?:{_CITIES})(?:특별시|광역시|특별자치시|시)?|(?:{_PROVINCES})(?:특별자치)?도)"
    r"(?:[ \t]?(?![가-힣]{0,3}(?:혈구|림프구|단핵구|호중구|호산구|과립구)(?![가-힣]))"
    r"(?:[가-힣]{2,4}[시군구]|[중동서남북]구)(?![가-힣])){1,2}")

_HANGUL = re.compile("[가-힣]")


def scan(text: str) -> list[Span]:
    """The cities and provinces with their districts."""
    if _HANGUL.search(text) is None:
        return []
    return [(m.start(), m.end(), "ADDRESS", RULE, _PRIO) for m in _PLACE.finditer(text)]
