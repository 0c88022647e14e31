"""Roads told by their marks (Safe Harbor item B below the state): where on a road a
patient lives or crashed says where they are as well as a street address does.

| shape | example |
|---|---|
| numbered road, then its exit or mile | Hwy 40 mile marker 9, I-29 NB exit 61 B, SR 9 mm 4.5 |
| exit or mile, then the road | exit 3 off the parkway, exit twenty two on I sixty five |
| road near a town, or then the town | I-57 near Elmvale, Hwy 40 east of Elmvale, Route 12, Lowe |
| a freeway by its number in traffic | traffic on the 210, stuck on the 5 |

A mark needs a road beside it ("exit 2" of a room, "a mile" walked stay), and a bare
number needs traffic before "on the" and nothing after it that it counts ("traffic on
the unit", "stuck on the 3 bags" stay). Every run of blanks is taken possessively: a
road word then thousands of blanks must fail at once, not split them every way.

A road mark never swallows what another rule found after the road ("Hwy 2 near Mrs
[NAME]", "Hwy 40 near [guessed town]"): the road alone is taken, the other finding keeps
its category and its doubt, so after_names and the verdict still see it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Span = tuple[int, int, str, str, int]

_GUESS = "guess_"  # engine.GUESS: a finding the engine is not sure of
_PLACES = frozenset(("ADDRESS", "LOCATION"))
_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_SPOKEN = (rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -]{_UNIT})?"
           rf"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
           rf"nineteen|{_UNIT})")
_NUMBER = rf"(?:\d{{1,4}}[A-Za-z]?\b|{_SPOKEN}\b)"
# a mile marker's decimal ("mile 203.4") and an exit's letter ("exit 61 B"; not "I")
_MARK_NUMBER = (rf"(?:\d{{1,4}}(?:\.\d{{1,2}})?[A-Za-z]?\b|{_SPOKEN}\b)"
                r"(?:[ \t](?-i:[A-HJ-Z])(?![\w'’-]))?")
_DASH = "\\-\u2010\u2011\u2012\u2013\u2014"
# a numbered road; "I" alone only as a capital before a number ("on I eighty", which the
# view reads "on I 80"; "I29"); "I-131" of a therapy is no road unless a mark or town
# follows; "US 23", "US-12", "SR 9" only in capitals ("give us 2")
_ROAD = (rf"(?:(?:state|county|us|sr|farm\s++to\s++market)\s++)?"
         rf"(?:(?:route|rte|rt|highway|hwy|interstate)\s*+(?:#\s*+)?"
         rf"|(?-i:US|SR|SH)(?:[{_DASH}]|[ \t]*+)(?:#[ \t]*+)?"
         rf"|i[{_DASH}][ \t]*+|(?-i:I)(?=\d)|(?-i:I)[ \t]++(?=\d{{1,3}}\b|{_SPOKEN}\b))"
         rf"{_NUMBER}")
_NAMED = (r"the\s++(?:(?-i:[A-Z][a-z]++)\s++){0,3}"
          r"(?:turnpike|thruway|parkway|freeway|expressway|interstate|highway|beltway|pike)")
_MARK = (r"(?:exit|mile[ \t-]*+(?:marker|post)|milepost|mile|mm|mp)"
         rf"[ \t]*+(?:#[ \t]*+)?{_MARK_NUMBER}")
_DIR = r"(?:(?:north|south|east|west)bound|(?-i:[NSEW]B|[NSEW])(?![\w'’-]))"
_NEAR = r"(?:near|at|by|past|outside|around|(?:north|south|east|west)(?:east|west)?\s++of)"
# between a road and what follows it: a comma, a direction, a word for where
_LINK = rf"(?:[ \t]*+[,;])?(?:\s++{_DIR})?"
_PATTERNS = (
    # "Hwy 40 mile marker 9", "I-29 northbound at mile 40", "exit 3 off the parkway"
    re.compile(rf"(?i)\b(?P<road>{_ROAD}){_LINK}(?:\s++{_NEAR})?\s++{_MARK}"),
    re.compile(rf"(?i)\b{_MARK}\s++(?:on|off(?:\s++of)?|of|from)\s++(?P<road>{_ROAD}|{_NAMED})\b"),
)
# "I-57 near Elmvale", "Hwy 40 east of Elmvale", "Route 12, Harlowdale": the town is read
# after the match, a word at a time
_TOWN_AFTER = re.compile(
    rf"(?i)\b(?P<road>{_ROAD})(?:{_LINK}\s++{_NEAR}[ \t]++|[ \t]*+,[ \t]*+(?:\n[ \t]*+)?)"
    r"(?=[^\W\d_])")
_WORD = re.compile(r"[^\W\d_][\w'’-]*+")
# "traffic on the 210" (not "on the 210 mL", "stuck on the 3 bags", "the 4 floor"): the
# number stands alone; a word it would count or measure after it says it is no freeway.
# Refusing the words it counts, not allowing the words a freeway takes, keeps every other
# continuation ("going north", "all morning", "w/ 3 cars") a road.
_COUNTED = (r"(?:floors?|fl|flrs?|bags?|printers?|units?|beds?|bays?|rooms?|ors?|cases?|"
            r"patients?|pts?|people|kids|staff|nurses?|docs?|residents?|trays?|sets?|carts?|"
            r"boxes|box|bottles?|vials?|syringes?|sponges?|laps?|needles?|packs?|pages?|"
            r"calls?|times?|mins?|minutes?|hrs?|hours?|days?|weeks?|percent|pct|%|mg|mcg|"
            r"mls?|cc|l|kg|g|gm|lbs?|mm|cm|in|inch(?:es)?|ft|feet|units?|of|st|nd|rd|th|"
            r"am|pm|o'?[ \t]?clock)")
_TRAFFIC = re.compile(
    r"(?i)\b(?:traffic|stuck|backed\s++up|wreck|crash|accident|jam)\s++on\s++"
    rf"(the\s++\d{{1,3}})\b(?![:.]\d)(?![ \t]*+{_COUNTED}(?![\w'’-]))")
# What each shape above needs, its tail cut to a number's first character and its leading
# boundary dropped: a necessary condition, led by literals that `re` skips to at C speed
# (each shape is tried at every position of a note). Matched on the lower-cased note, as
# `(?i)` matches ASCII, and so for ASCII notes only; the capitals "US", "SR", "SH" and "I"
# on the note itself.
_MARK_HINT = re.compile(
    r"(?:exit|mile[ \t-]*+(?:marker|post)|milepost|mile|mm|mp)[ \t]*+(?:#[ \t]*+)?"
    rf"(?:\d|{_SPOKEN})")
_ROAD_HINT = re.compile(
    rf"(?:(?:route|rte|rt|highway|hwy|interstate)\s*+(?:#\s*+)?|i[{_DASH}][ \t]*+)"
    rf"(?:\d|{_SPOKEN})")
_ROAD_CAPITALS_HINT = re.compile(
    rf"(?:(?:US|SR|SH)[ \t]*+(?:#[ \t]*+)?|I(?=\d)|I[ \t]++(?=\d|(?i:{_SPOKEN})))"
    rf"(?:\d|(?i:{_SPOKEN}))")
_TRAFFIC_HINT = re.compile(r"on\s++the\s++\d")
# the note's words that one of the shapes needs (with "I-" or "I" and a number in the text)
WORDS = frozenset("route rte rt highway hwy interstate exit mile mm milepost mp traffic stuck "
                  "jam wreck crash accident backed".split())
# led by a literal, no look-behind: a C-speed scan on every note (a false hint costs a scan)
_I_ROAD = re.compile(rf"I[{_DASH}]?[ \t]?\d|i[{_DASH}][ \t]?\d")
_NOT_TOWN = frozenset((
    "the pt patient and but with per wife husband son daughter mother father call please pls "
    "he she they lives home cell phone apt unit ems mr mrs ms mx miss dr prof sr jr rev "
    "sir madam nurse").split())
_MAX_TOWN_WORDS = 3


def hinted(text: str, words: set[str]) -> bool:
    """Whether the note may hold a road mark: a word above, or "I-29", "I 57", "I29"."""
    return not WORDS.isdisjoint(words) or _I_ROAD.search(text) is not None


def _shape(word: str) -> str:
    return "upper" if word.isupper() else "lower" if word.islower() else \
        "title" if word[:1].isupper() and word[1:2].islower() else ""


def _town_end(text: str, at: int, plain: Callable[[str], bool], spans: list[Span]) -> int:
    """Where the town read from `at` ends, or `at` when there is none: a place another rule
    found for sure there ("Fall River"), else up to three words of one case, none a
    person's title, ending in one that is no ordinary word ("Port Clyde"; "Left arm" and
    "Bear Creek" are none: another rule may know the last)."""
    for a, b, cat, rule, _p in spans:
        if a == at and cat in _PLACES and not rule.startswith(_GUESS):
            return b
    end, shape = at, None
    for _ in range(_MAX_TOWN_WORDS):
        m = _WORD.match(text, at)
        if m is None:
            break
        word = m.group().strip("'’-")
        if len(word) < 2 or (shape := shape or _shape(word)) != _shape(word) or not shape \
                or word.lower() in _NOT_TOWN:
            break
        if not plain(word.lower()):
            end = m.end()
        at = m.end() + 1
        if text[m.end():at] not in (" ", "\t"):
            break
    return end


def _fit(s: int, road_end: int, e: int, spans: list[Span]) -> tuple[int, str]:
    """The end and rule for a mark at s..e: cut back to where another finding (a guess,
    or no place: "near Mrs [NAME]") starts after the road; a guess when one overlaps the
    road. A town found for sure is the mark's own town: one span."""
    rule = "road_mark"
    for a, b, cat, other, _p in spans:
        if a >= e or b <= s:
            continue
        if a >= road_end and (cat not in _PLACES or other.startswith(_GUESS)):
            e = min(e, a)
        elif other.startswith(_GUESS):
            rule = _GUESS + "road_mark"
    return e, rule


def _no_word(_word: str) -> bool:
    return False


def scan(text: str, spans: list[Span], plain: Callable[[str], bool] = _no_word) -> bool:
    """Add each road mark in `text` to `spans`; whether any was added. `plain`: an
    ordinary word (no town), lower case."""
    found: list[tuple[int, int, int]] = []
    low = text.lower() if text.isascii() else None
    road = low is None or _ROAD_HINT.search(low) is not None \
        or _ROAD_CAPITALS_HINT.search(text) is not None
    for pattern in _PATTERNS if low is None or _MARK_HINT.search(low) else ():
        for m in pattern.finditer(text):
            road_end = m.end("road") if m.start("road") == m.start() else m.end()
            found.append((m.start(), road_end, m.end()))
    for m in _TOWN_AFTER.finditer(text) if road else ():
        end = _town_end(text, m.end(), plain, spans)
        if end > m.end():
            found.append((m.start(), m.end("road"), end))
    for m in _TRAFFIC.finditer(text) if low is None or _TRAFFIC_HINT.search(low) else ():
        found.append((m.start(1), m.end(1), m.end(1)))
    if not found:
        return False
    before = list(spans)
    for s, road_end, e in found:
        e, rule = _fit(s, road_end, e, before)
        while text[e - 1:e] in (" ", "\t", "\n", ","):
            e -= 1
        spans.append((s, e, "ADDRESS", rule, 1))
    return True
