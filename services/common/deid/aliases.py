"""The name a patient is registered under while unidentified, or goes by: "TRAUMA ALIAS
KILO TANGO", "Alias: TRAUMA-WREN", "under alias Quartz Heron". A trauma alias is a
lookup key into the registry, as identifying as the MRN it stands in for.

The value is the one or two capitalised words after "alias" (any case in a note written
in capitals); "alias: none", "no alias needed" stay. A note typed in lower case writes
the value in lower case too ("trauma alias is zebra echo male"); "alias pt ZEBRA ECHO"
puts the patient word between.

Aliases are often two words of the radio spelling alphabet ("DELTA KILO", "tango
whiskey"): two or more such words in a row are an identifier with or without the word
"alias" (no clinical phrase strings two of them together), and a plate or serial read
out in them takes the number words around them too ("eight golf hotel tango five five
one").
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_ALIAS = re.compile(
    r"(?i)\balias(?:\s+name)?(?:\s+is)?[ \t]*[:=#-]?[ \t]*"
    r"(?P<v>(?-i:[A-Z][\w'’]*(?:-[A-Z0-9][\w'’]*)*)"
    r"(?:[ \t]+(?-i:[A-Z][\w'’]*(?:-[A-Z0-9][\w'’]*)*))?)")
# lower case only after "trauma alias": an alias written beside the word that says what
# it is ("alias changed to legal name" has a verb after it)
_ALIAS_LOW = re.compile(
    r"\btrauma\s+alias(?:\s+name)?(?:\s+is)?(?:\s+(?:pt|patient))?[ \t]*[:=#-]?[ \t]*"
    r"(?P<v>[a-z][a-z'’]+(?:[ \t]+[a-z][a-z'’]+)?)")
_ALIAS_PT = re.compile(
    r"(?i)\balias\s+(?:pt|patient)\s+(?P<v>(?-i:[A-Z][\w'’]*(?:[ \t]+[A-Z][\w'’]*)?))")
# the same name cued as temporary ("temp name Trauma Kestrel", "temporary name: Unknown
# Heron"), or named where the note says who the patient turned out to be ("Trauma Kestrel
# now ID'd as ..."): two capitalised words there, the second may be a number ("Trauma 14")
_TEMP = re.compile(
    r"(?i)\b(?:temp|temporary|trauma)[ \t]+name(?:[ \t]+is)?[ \t]*[:=#-]?[ \t]*"
    r"(?P<v>(?-i:[A-Z][\w'’]*(?:-[A-Z0-9][\w'’]*)*)(?:[ \t]+(?-i:[A-Z0-9][\w'’]*))?)")
# (led by the word that makes it a temporary name: "Left Ureter identified as" is anatomy,
# attack23b)
_NOW_KNOWN = re.compile(
    r"(?<![\w'’])(?P<v>(?i:trauma|unknown|unidentified|alias|doe)[ \t]+[A-Z0-9][\w'’]*)"
    r"[ \t]+(?:(?:now|later|since|was|then)[ \t]+)?"
    r"(?:ID'd|ID’d|IDed|identified)[ \t]+as\b")
# the gate of _NOW_KNOWN: its verb and "as" with any blanks between (lower case)
_NOW_HINT = re.compile(r"(?:identified|id'd|id’d|ided)[ \t]+as\b")
_RADIO = ("alpha|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliett?|kilo|lima|mike|"
          "november|oscar|papa|quebec|romeo|sierra|tango|uniform|victor|whiskey|whisky|"
          "yankee|zulu")
_SPOKEN_DIGIT = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|niner|\d+)"
_RADIO_RUN = re.compile(
    rf"(?i)(?:\b{_SPOKEN_DIGIT}[ \t]+)*\b(?:{_RADIO})(?:[ \t-]+(?:{_RADIO}))+\b"
    rf"(?:[ \t]+{_SPOKEN_DIGIT}\b)*")
_RADIO_HINT = re.compile(rf"(?i)\b(?:{_RADIO})[ \t-]+(?:{_RADIO})\b")
# substrings of the spelling alphabet: two present or no pair can be (C-speed tests; the
# regex alone costs a twentieth of a note's time)
_RADIO_STEMS = tuple(dict.fromkeys(w.rstrip("?")[:5] for w in _RADIO.split("|")))


def _two_radio_words(low: str) -> bool:
    seen = 0
    for w in _RADIO_STEMS:
        if w in low:
            seen += 1
            if seen == 2:
                return True
    return False


_NOT_VALUE = frozenset(
    "none n/a na unknown pending needed yet not no tbd used given assigned to for in on at "
    "the a and or is was per pt patient".split())


def scan(text: str, low: str, out: list[Span]) -> None:
    """Append each alias value to `out`."""
    if _two_radio_words(low) and _RADIO_HINT.search(text) is not None:
        out.extend((m.start(), m.end(), "OTHERID", "radio_alphabet", 1)
                   for m in _RADIO_RUN.finditer(text))
    found = [*_ALIAS.finditer(text), *_ALIAS_PT.finditer(text), *_ALIAS_LOW.finditer(text)] \
        if "alias" in low else []
    if "name" in low:  # (the rule takes a tab or blanks before "name")
        found += _TEMP.finditer(text)
    if _NOW_HINT.search(low) is not None:
        found += [m for m in _NOW_KNOWN.finditer(text) if not any(
            w.lower() in _NOT_VALUE for w in m.group("v").split())]
    for m in found:
        end = m.start("v")
        for w in re.finditer(r"\S+", m.group("v")):
            if w.group().lower() in _NOT_VALUE:
                break
            end = m.start("v") + w.end()
        if end == m.start("v"):
            continue
        out.append((m.start("v"), end, "OTHERID", "alias", 1))


# one spelling-alphabet word and a number after "trauma" ("TRAUMA ZULU-07", "Trauma Kilo
# 4"): the registry's alias, typed capitalised (a lower-case "trauma echo 2" is a study)
_TRAUMA_CODE = re.compile(
    r"(?<![\w'’])(?i:trauma)(?:[ \t]*+[:#-][ \t]*+|[ \t]++)"
    r"(?:(?i:pt|patient|unknown|unidentified|alias|code|name)(?:[ \t]*+:[ \t]*+|[ \t]++))?"
    r"(?P<w>[A-Z][a-z]++|[A-Z]{3,}+|X-?(?:ray|RAY))[ \t-]?(?P<n>\d{1,3}+)(?![\w.]|-\d)")
_RADIO_WORDS = frozenset(w.rstrip("?") for w in _RADIO.replace("juliett?", "juliet|juliett")
                         .split("|")) | {"alfa", "x-ray", "xray"}  # the alphabet's own spellings
# a study after "Trauma X-ray 4": its views, films, series
_IMAGING_NEXT = re.compile(r"[ \t]*+(?i:views?|films?|series|images?|shots?|done|obtained)\b")


# words that mean something after "trauma" in title case: the FAST scan's echo, a team's
# activation tier ("Trauma Alpha 1 activation"); a code typed so is in capitals or dashed
_TRAUMA_MEANINGS = frozenset(("echo", "alpha", "bravo"))
# any word and number, to look a code up in ("Romeo 3", "ROMEO-03")
_WORD_NUMBER = re.compile(r"(?<![\w'’-])([A-Za-z]++)[ \t-]?(\d++)(?![\w.]|-\d)")


def trauma_codes(text: str, out: list[Span]) -> bool:
    """Append each trauma code above, and the same word and number again anywhere in the
    note ("ZULU 07 now identified"), to `out`; True when one was."""
    n = len(out)
    codes = set()
    for m in _TRAUMA_CODE.finditer(text):
        word = m.group("w")
        if word.lower() not in _RADIO_WORDS or (
                word.lower() in _TRAUMA_MEANINGS and not word.isupper()
                and text[m.end("w")] != "-") or (
                word[0] == "X" and _IMAGING_NEXT.match(text, m.end())):
            continue  # "Trauma Echo 2 views", "Trauma Alpha 1 activation", "X-ray 2 views"
        out.append((m.start(), m.end(), "OTHERID", "trauma_code", 1))
        codes.add((word.lower(), int(m.group("n"))))
    if codes:  # one pass over the note for every code: each word and number is looked up
        out.extend((m.start(), m.end(), "OTHERID", "trauma_code", 1)
                   for m in _WORD_NUMBER.finditer(text)
                   if (m.group(1).lower(), int(m.group(2))) in codes)
    return len(out) != n

