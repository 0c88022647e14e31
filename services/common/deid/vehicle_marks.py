"""A British number plate told by the car it is on ("the car park has his car, reg AB12
CDE", "keys to a green Kia Picanto XY67 ZZT", JSON '"plate": "ZZ09 QRS"'): the plate
shapes (current "AB12 CDE", older "A123 BCD" and "ABC 123D") count after a car word
or a car's make, and the car's colour, make and model before the plate go with it (they
narrow the car down to one: "[VEHICLE]").
A current plate typed in lower case counts after a make or its label only ("vw polo
ab12 cde", "reg ab 12 cde"); a plate's shape after an orthopaedic "plate", "CAR-T" or a
bed "parked" is no car's, nor a spinal level and a finding ("T12 NAD") without a make or
a label; "mg" (a dose) and "range" (a lab value's) are makes only as "MG", "Range Rover".

The hospital's own fleet ("bus AB12 CDE", "van 5 AB12 CDE") is no patient's car: bus,
van and ambulance are no cue here. A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

RULE = "vehicle_mark"
_PRIO = 1

Span = tuple[int, int, str, str, int]

_PLATE = re.compile(r"(?<![\w-])(?:[A-Z]{2}\d{2} ?[A-Z]{3}|[A-Z] ?\d{1,3} ?[A-Z]{3}"
                    r"|[A-Z]{3} ?\d{1,3} ?[A-Z])(?![\w-])"
                    # a current plate typed in lower case ("silver vw polo ab12 cde")
                    r"|(?<![\w-])[a-z]{2} ?\d{2} ?[a-z]{3}(?![\w-])")
# each plate's first digit, a letter (and a blank) before it, and a letter after its digits:
# no such digit, no plate (most notes)
# (a plate in lower case: two letters before two digits, three letters after them)
_HINT = re.compile(r"\d(?:(?<=[A-Z]\d)|(?<=[A-Z] \d))\d{0,2} ?[A-Z]"
                   r"|\d(?:(?<=[a-z]{2}\d)|(?<=[a-z]{2} \d))\d ?[a-z]{3}")
_HINT_ASCII = re.compile(_HINT.pattern.replace(r"\d", "[0-9]"))  # (faster; the same there)
_HINT_REACH = 4  # a plate starts at most this far before its first digit ("ABC 123D")
# a person's car named before the plate (within a few words)
# (not "CAR-T", a cell therapy; not "parked", a bed's outlier too: "parked in ICU 3 B")
_CUE = re.compile(r"(?i)(?<![\w-])(?:cars?|registration|reg|numberplate|motorbike|motorcycle"
                  r"|moped)(?![\w-])")
# a spinal level and a finding ("T12 NAD", "C5 ROM") has an older plate's shape: it
# counts only with a make or its label right before it
_SPINAL = re.compile(r"[CTLS]\d{1,2} ?[A-Z]{3}")
# "plate" names a car's only as the plate's label right before it ("plate: AB12 CDE",
# '"plate": "…"', "number plate AB12 CDE"); a bone plate's code stays ("LCP 12 H")
_LABEL_BEFORE = re.compile(r"(?i)(?<![\w-])(?:reg|registration|numberplate|plates?)"
                           r"(?:[ \t]+(?:no\.?|number))?[\"']?[ \t]*[:#=]?[ \t]*[\"']?$")
_CUE_REACH = 40
MAKES = frozenset((
    "ford vauxhall opel vw volkswagen toyota honda nissan skoda škoda mazda kia hyundai bmw "
    "audi mercedes mercedes-benz benz peugeot renault citroen citroën fiat volvo tesla seat "
    "cupra mini jaguar lexus subaru suzuki mitsubishi dacia mg chevrolet chevy jeep dodge "
    "chrysler buick cadillac gmc porsche smart alfa romeo polestar byd land range rover saab "
    "lotus bentley ferrari maserati infiniti acura genesis abarth").split())
_COLOURS = frozenset((
    "red blue green black white silver grey gray yellow orange purple brown gold beige "
    "maroon navy dark light metallic bronze burgundy teal pink").split())
_KINDS = frozenset("ev electric hybrid diesel petrol hatchback saloon estate suv".split())
_LABELS = frozenset("reg reg. registration plate number numberplate".split())
_ARTICLES = frozenset(("a", "an"))
_MODEL = re.compile(r"[A-Z][A-Za-z0-9-]{0,11}|[a-z]?\d[A-Za-z0-9-]{0,6}|[a-z]{2,12}")
_WORD_BEFORE = re.compile(r"(\S+)[ \t]+$")
_REACH = 8  # words walked back from a plate


def _a_make(word: str, low: str, after: str) -> bool:
    """Whether a word before a plate is a car's make: "mg" is a dose's unit unless written
    "MG", and "range" a make only before "Rover" ("normal range, ALT 45 U/L")."""
    if low == "mg":
        return word == "MG"
    if low == "range":
        return after == "rover"
    return low in MAKES


def _chain_start(text: str, s: int) -> tuple[int, bool]:
    """Where the car's words before the plate at `s` begin (colour, make, model, label),
    and whether a make is among them."""
    words: list[tuple[int, str]] = []
    pos = s
    for _ in range(_REACH):
        m = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
        if m is None:
            break
        words.append((m.start(1), m.group(1)))
        pos = m.start(1)
    bare = [w.rstrip(",").lower() for _, w in words]
    start, has_make = s, False
    kept: list[int] = []
    for k, (_at, word) in enumerate(words):
        low = bare[k]
        if _a_make(word.rstrip(","), low, bare[k - 1] if k else ""):
            has_make = True
        elif low in _COLOURS or low in _KINDS or low in _LABELS:
            pass
        elif low in _ARTICLES and kept and bare[kept[-1]] not in _LABELS:
            kept.append(k)
            break
        elif not (_MODEL.fullmatch(word.rstrip(",")) and any(
                b in MAKES for b in bare[k + 1:k + 3])):
            break  # a model only right after its make ("Ford Focus", "Mazda CX-5")
        kept.append(k)
    while kept and bare[kept[-1]] in _LABELS:  # "registration [X]": the label stays
        kept.pop()
    if kept:
        start = words[kept[-1]][0]
    return start, has_make


def _plates(text: str) -> Iterator[re.Match[str]]:
    """`_PLATE.finditer(text)`'s matches, tried only just before each plate's first digit."""
    pos = 0
    for h in (_HINT_ASCII if text.isascii() else _HINT).finditer(text):
        digit = h.start()
        for at in range(max(pos, digit - _HINT_REACH), digit):
            m = _PLATE.match(text, at)
            if m is not None:
                yield m
                pos = m.end()
                break


def scan(text: str) -> list[Span]:
    """The plates of cars a note names, with their colour, make and model."""
    found: list[Span] = []
    for m in _plates(text):
        s, e = m.span()
        start, has_make = _chain_start(text, s)
        labelled = _LABEL_BEFORE.search(text, max(0, start - 30), start) is not None
        if not has_make and not labelled and _SPINAL.fullmatch(m.group()) is not None:
            continue  # "Plate removed; T12 NAD"
        if m.group().islower() and not (has_make or labelled):
            continue  # "car here in 10 min.": a plate in lower case wants its make or label
        if has_make or labelled \
                or _CUE.search(text, max(0, start - _CUE_REACH), s) is not None:
            found.append((start, e, "VEHICLE", RULE, _PRIO))
    return found
