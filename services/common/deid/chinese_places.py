"""A Chinese address: a city (perhaps after its province) with its district or county, then
perhaps a road and its number ("广东省深圳市南山区", "上海市浦东新区张江路 88号"). japanese_notes
reads a city and ward only after no other kanji, so a province glued before the city, or
a road after the district, is left shown. The city's 市 and the district's 区/县 must both
be there, so "同市" or a lone "地区" never is.

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

RULE = "chinese_place"
_PRIO = 2

Span = tuple[int, int, str, str, int]

_K = "\u4e00-\u9fff"
_PLACE = re.compile(
    rf"(?<![{_K}])(?:[{_K}]{{2,3}}省)?[{_K}]{{2,3}}市[{_K}]{{1,4}}?[区县]"
    rf"(?:[{_K}]{{1,5}}?[路街道](?:[ \u3000]?\d{{1,5}}号)?)?")


def scan(text: str) -> list[Span]:
    """The cities with their districts, and the roads after them."""
    if "市" not in text:
        return []
    return [(m.start(), m.end(), "ADDRESS", RULE, _PRIO) for m in _PLACE.finditer(text)]
