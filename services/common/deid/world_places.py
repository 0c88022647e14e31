"""Places outside the US named the way their own people write them.

The town lists are in Latin letters, and the place cues are English ("from", "lives in").
A note may name a city in its own script ("born in Москва", "em Θεσσαλονίκη"), or say
where someone is from in a language whose word for "from" comes after the place ("São
Paulo 출신", "Plzeň 出身") or is no English word ("llegó desde Española", "из Казани").

- a run of one to three words in a non-Latin script that is the name of a city of
  100,000 or more outside the US (GeoNames, `world_cities_native.txt`) is a place;
- capitalised words right before "출신" or "出身" ("from", ko/ja/zh) are a place;
- capitalised words after a "from" of another language ("desde", "из", "από", "iz",
  "uit", "från") are a place when the first is on the town lists.
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
