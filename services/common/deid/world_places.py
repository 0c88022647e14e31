"""Places outside the US named the way their own people write them.

The town lists are in Latin letters, and the place cues are English ("from", "lives in").
A note may name a city in its own script ("born in Москва", "em Θεσσαλονίκη"), or say
where someone is from in a language whose word for "from" comes after the place ("São
Paulo 출신", "Plzeň 出身") or is no English word ("llegó desde Española", "из Казани").

- a run of one to three words in a non-Latin script that is the name of a city of
  100,000 or more outside the US (GeoNames, `world_cities_native.txt`) is a place;
- capitalised words right before "출신" or "出身" ("from", ko/ja/zh) are a place;
- capitalised words after a "from" of another language ("desde", "из", "από", "iz",
  "uit", "från") are a place when the first is on the town lists; after the Czech/Polish
  "z"/"ze" ("z Brna", "ze Lwowa": the name inflected, so on no list) when no list holds it;
- Han characters after "come from"/"live in" (来自, 住在, 家住) up to the next punctuation
  ("来自台山；"), and a word after "came from" in Arabic ("جاء من ديربورن"), are a place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from itertools import pairwise

from . import lexicon as lx

Span = tuple[int, int, str, str, int]

_WORD = re.compile(r"[^\W\d_]+")
_LATIN_END = "\u024f"  # letters up to here are Latin (with their accents)
_MAX_WORDS = 3
_FROM_AFTER = re.compile(
    r"((?:[A-Z\u00c0-\u024f][^\W\d_]*(?:[ \-](?=[A-Z\u00c0-\u024f]))?){1,3})[ \t]*(?:출신|出身)")
_FROM_BEFORE = re.compile(
    r"(?i:\b(?:desde|из|από|iz|uit|från))[ \t]+"
    r"((?:[A-Z\u00c0-\u024f\u0400-\u04ff][^\W\d_]*(?:[ \-](?=[A-Z\u00c0-\u024f\u0400-\u04ff]))?)"
    r"{1,3})")
# Czech/Polish "z"/"ze" (from) take the genitive: "z Brna", "ze Lwowa" are on no list
_Z_FROM = re.compile(r"(?<![^\W\d_])[zZ]e?[ \t]+([A-Z\u00c0-\u024f][^\W\d_]{2,})(?![^\W\d_])")
# zh "come from", "live in", "home in"; the place runs to the next punctuation or space
# and a gloss in Latin letters in brackets right after it is the same place ("法拉盛（Flushing）")
_HAN_FROM = re.compile(r"(?:来自|來自|住在|家住|居住在)([\u4e00-\u9fff]{2,5})"
                       r"(?=[\s，。；、（(,;.:：]|$)"
                       r"(?:[（(]([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})[）)])?")
# where anyone lives or comes from, no town: nearby, here, there, locally, at home, abroad
_HAN_NOT_PLACE = frozenset(
    "附近 本地 当地 這裡 这里 那里 那裡 这儿 那儿 家里 家裡 医院 醫院 外地 国外 國外 城里 乡下 "
    "养老院 楼上 楼下 一起 隔壁 农村".split())
# ar "came from" (m/f), "coming from": "من" alone is also "who", so only after going
_AR_FROM = re.compile(r"(?:جاء|جاءت|قادم|قادمة|وصل|وصلت)[ \t]+من[ \t]+([\u0600-\u06ff]{3,})")


@cache
def _native() -> frozenset[str]:
    """City names in non-Latin scripts, casefolded (read once per process)."""
    with (lx.DATA_DIR / "world_cities_native.txt").open(encoding="utf-8") as fh:
        return frozenset(line.rstrip("\n") for line in fh
                         if line.strip() and not line.startswith("#"))


def scan(text: str, out: list[Span], flags_of: Callable[[str], int]) -> None:
    """Append the places above as LOCATION (`text` is not ASCII: the caller checks)."""
    native = _native()
    words = [m for m in _WORD.finditer(text) if m.group()[0] > _LATIN_END]
    taken = -1
    for k, m in enumerate(words):
        if m.start() < taken:
            continue
        for n in range(_MAX_WORDS, 0, -1):  # the longest name first
            run = words[k:k + n]
            if len(run) < n or any(text[a.end():b.start()] not in (" ", "-")
                                   for a, b in pairwise(run)):
                continue
            if text[run[0].start():run[-1].end()].casefold() in native:
                out.append((run[0].start(), run[-1].end(), "LOCATION", "world_city", 2))
                taken = run[-1].end()
                break
    if "출신" in text or "出身" in text:
        for m in _FROM_AFTER.finditer(text):
            if all(w[0].isupper() for w in _WORD.findall(m.group(1))):
                out.append((m.start(1), m.start(1) + len(m.group(1).rstrip(" -")), "LOCATION",
                            "place_before_from", 2))
    for m in _FROM_BEFORE.finditer(text):
        words = list(_WORD.finditer(text, m.start(1), m.end(1)))
        while words and not words[-1].group()[0].isupper():
            words.pop()  # "из Казань вчера": the place ends at its last capital
        if not words or not all(w.group()[0].isupper() for w in words):
            continue
        first = words[0].group()
        if first[0] > _LATIN_END or flags_of(first.lower()) & lx.PLACE:
            out.append((words[0].start(), words[-1].end(), "LOCATION", "place_after_from", 2))
    for m in _Z_FROM.finditer(text):
        if not flags_of(m.group(1).lower()) & ~lx.PLACE:  # a word no list holds but a place
            out.append((m.start(1), m.end(1), "LOCATION", "place_after_from", 2))
    for rx in (_HAN_FROM, _AR_FROM):
        for m in rx.finditer(text):
            if m.group(1) in _HAN_NOT_PLACE:
                continue
            for g in range(1, (rx.groups or 1) + 1):
                if m.group(g):
                    out.append((m.start(g), m.end(g), "LOCATION", "place_after_from", 2))
