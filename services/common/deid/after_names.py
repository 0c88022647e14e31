"""What a person cue or a name leaves right after it (insider attack on issue 13):

- a bare number 90-120 after a name, with no unit or verb ("Mrs [Okafor] 95 came in",
  "pt [Lindqvist] 97 to PACU"; words are digits on the view: "ninety-five" -> "95"):
  beside a name a number with nothing to measure is how an age is jotted. It is an AGE,
  confident when a patient, relation or courtesy-title cue stands before the name and
  the sentence goes on with an ordinary word, or ends. It is a guess (the note goes to
  `review`) when the number could be something else: no cue or a staff cue before the
  name ("Okafor 97" may be a room; "Dr [Patel] 95" a pager), a cue with no name ("pt 96"
  may be the patient's number), or a vital's context after it ("95 on RA" are sats).
  A unit, a slash, a decimal or a range after the number ("95%", "97/60", "95 min",
  "98.6") makes it a measurement, left to the rules for those.
- the same number as a cell of its own in the name's row of a board ("Pruitt, Delores |
  90 | block done") or the next bullet of its list ("- Silas Pembroke\n- 91\n- AVR"):
  a column or a line that holds only a number beside a name's is the age column.
  Confident, as the number is the whole cell.
- a number 90-120 right after a date of birth ("DOB 04/19/1931 (95)", "dob 3/3/29 so
  97", "DOB 01/30/1929 | 97"): the age that date gives, said again.
- the same number standing alone elsewhere in the note ("PT [102] - YES 102"): the age
  said again, as sure as the first.
- "Asa" after a person cue ("Pt Asa at bedside", "Visitor: Asa") is a given name, not
  the ASA class: unless a class or a number follows ("pt ASA 3", "ASA II", "pt asa 81"
  for aspirin). Typed as "Asa" it is confident; "asa" or "ASA" after "pt" may still
  be the drug or the class, so those are a guess.

Runs on the view's text and the engine's merged spans, before they go back to the
typed offsets.
"""

from __future__ import annotations

import re

from . import person_cues
from .covered import Covered
from .names import CUES, PATIENT, RELATION

Span = tuple[int, int, str, str, int]

# after a name: optional comma, then the number alone (no digit, letter, decimal or time
# after: "95yo" and "95F" are the age rules' own, "102B" is a bed)
# (or a spaced dash between the cells of a board line: "PT [NAME] - 103 - HIP")
_NUMBER = re.compile(r"[ \t]*(?:,|[ \t]-(?=[ \t]))?[ \t]*(?P<n>9\d|1[01]\d|120)(?![\dA-Za-z])"
                     r"(?![.,:/]\d)")
# the next cell of a board row or the next bullet, holding the number alone
_CELL = re.compile(r"[ \t]*(?:\||\n[ \t]*[-*•·]?)[ \t]*(?P<n>9\d|1[01]\d|120)"
                   r"[ \t]*(?=\||\n|$)")
# a date of birth's cue before the date, and the age just after it
_DOB_CUE = re.compile(r"(?i)\b(?:dob|d\.o\.b\.?|born|date\s+of\s+birth|birth\s*date|b\.)"
                      r"[ \t]*[:#-]?[ \t]*$")
# "[ \t]*\s+" read as "\s++": possessive runs never split one run of blanks (quadratic)
_AGE_AFTER_DOB = r"(?P<n>9\d|1[01]\d|120)(?![\dA-Za-z])(?![.,:/]\d)"
_AFTER_DOB_BASE = re.compile(r"(?i)(?:[ \t]*+[(|,;.-][ \t]*+|\s++(?:so|now|age[ds]?|aged)"
                             r"[ \t]++)" + _AGE_AFTER_DOB)
# newer (blanks alone or a verb: "dob 1/2/1931 95 - son aware", "born 1930 he is old 95")
_AFTER_DOB = re.compile(r"(?i)(?:[ \t]*+[(|,;.-][ \t]*+|\s++(?:(?:so|now|age[ds]?|aged|"
                        r"(?:(?:he|she|pt)[ \t]++)?(?:is|was|turn(?:s|ed)?)(?:[ \t]++now)?"
                        r"(?:[ \t]++old)?)[ \t]++)?)" + _AGE_AFTER_DOB)
# the unit an age's number was typed with, one letter too ("Age: 92 y", "93 yrs")
_AGE_UNIT = re.compile(r"(?i)[ \t]?(?:y/o|yo|yrs?|y)(?![\w/])")
# a number 90-120 standing alone, to look at what stands before it ("pt 96 came in")
_BARE = re.compile(r"(?<![\d.,:/#-])(?P<n>9\d|1[01]\d|120)(?![\dA-Za-z])(?![.,:/]\d)")
# The same matches, led by the first digit (`_BARE`, led by a look-behind, is tried at every
# character of every note): `re` skips to each "9" or "1" at C speed, one scan
_BARE_LED = re.compile(r"(?P<n>9(?<![\d.,:/#-]9)\d|1(?<![\d.,:/#-]1)(?:[01]\d|20))"
                       r"(?![\dA-Za-z])(?![.,:/]\d)")
# what makes the number a measurement or a range, not an age (a dash, unless it is spaced
# and a word follows: "PT 102 - YES", a board's cells)
_AMOUNT = re.compile(
    r"(?i)[ \t]*(?:[%/°+x*]|-(?![ \t]+[^\W\d_])|"
    # ("L" before a body part is its side, not litres: "[NAME] 94 L eye")
    r"mg\b|mcg\b|kg\b|g\b|lbs?\b|pounds?\b|mm\b|cm\b|ml\b|cc\b|"
    r"l\b(?![ \t]++(?:eye|ear|knee|hip|shoulder|elbow|wrist|ankle|arm|leg|hand|foot|side)\b)|"
    r"min\w*|hours?\b|hrs?\b|h\b|sec\w*|s\b|bpm\b|mmhg\b|degrees?\b|percent\b|units?\b|u\b|"
    r"times\b|feet\b|ft\b|inch\w*|days?\b|weeks?\b|wks?\b|months?\b|sats?\b|spo2\b|hr\b|"
    r"bp\b|map\b|temp\b|rr\b|kgs\b|ms\b|joules?\b|j\b|french\b|fr\b|gauge\b|ga\b)")
# after which the number could as well be a vital, a room or one of a list
_AMBIGUOUS = re.compile(r"(?i)[ \t]*(?:on\b|ra\b|ro+m\b|rm\b|bed\b|bay\b|or\b|in\b|"
                        r"(?:and|to)\s+\d|\d|#)")
# a "name" that ends in a vital's or a place's word is no sure name ("Okafor sats 95")
_MEASURE_LAST = re.compile(r"(?i)\b(?:sats?|spo2|sao2|o2|hr|pulse|bp|map|temp|rr|rate|"
                           r"room|rm|bed|bay|or|level|count|score)\W*$")
# a lab's name before the number: its value, not the age again ("Na 98", "glucose: 104")
_LAB_BEFORE = re.compile(r"(?i)\b(?:na|k|cl|co2|hco3|bun|cr|creat|glu|gluc|glucose|bg|hgb|hb|"
                         r"hct|wbc|plt|plts|ca|mg|phos|alb|ast|alt|alp|ldh|ck|inr|ptt|pt|"
                         r"bili|sodium|potassium|chloride|lactate|trop|a1c|tsh|ferritin|fio2|"
                         r"pao2|paco2|ph)[ \t]*+[:=]?[ \t]*+$")
# cues after which a name is surely a patient's, a relative's or a visitor's
_STAFF_TITLES = frozenset(("dr", "doctor", "prof", "professor", "aka", "named"))
_PERSON = (person_cues.NAME_CUES - _STAFF_TITLES) | {"visitor", "escort", "caller"}
_CUE_BEFORE = re.compile(r"[A-Za-z][.:]?[ \t]+$")  # a word, then only blanks
_CUE_ALONE = frozenset(w for w, kind in CUES.items() if kind in (RELATION, PATIENT)) \
    | {"visitor"}

_ASA = re.compile(r"\b(?:Asa|asa|ASA)\b")
# a class, a dose or what a score is called follows the ASA class or aspirin
_ASA_CLASS = re.compile(r"(?i)[ \t]*[:=#-]?[ \t]*(?:\d|(?:i{1,3}|iv|vi?)(?:e|\b)|class\b|"
                        r"ps\b|status\b|score\b|grade\b|physical\b|classification\b|"
                        r"\+|mg\b|held\b|daily\b|allergy\b|dose\b|given\b|stopped\b|x\s*\d)")


def scan(text: str, merged: list[Span], fired: list[str] | None = None) -> bool:
    """Append the ages and names above to `merged`, and widen an age over its unit;
    True when it grew. `fired`: None runs the older rules only (no unit, no bare or verb
    age after a date of birth); a list hears "after_names" when a newer rule changed
    something (the engine then checks the verdict the older rules give)."""
    widened = fired is not None and _with_units(text, merged)
    if widened:
        fired.append("after_names")  # type: ignore[union-attr]
    found: list[Span] = []
    taken = [(s, e) for s, e, *_ in merged]
    covered = Covered(taken)
    for s, e, cat, _rule, _p in merged:
        if cat == "DATE":
            m = _AFTER_DOB_BASE.match(text, e)
            newer = m is None and fired is not None
            if newer:
                m = _AFTER_DOB.match(text, e)
            if m is not None and not _AMOUNT.match(text, m.end()) \
                    and _DOB_CUE.search(text, max(0, s - 20), s) is not None:
                if newer:
                    fired.append("after_names")  # type: ignore[union-attr]
                found.append((m.start("n"), m.end("n"), "AGE", "age_after_dob", 1))
            continue
        if cat != "NAME":
            continue
        m = _CELL.match(text, e)
        if m is not None:
            found.append((m.start("n"), m.end("n"), "AGE", "age_cell_after_name", 1))
            continue
        m = _NUMBER.match(text, e)
        if m is None or _AMOUNT.match(text, m.end()):
            continue
        sure = person_cues.word_before(text, s) in _PERSON \
            and _AMBIGUOUS.match(text, m.end()) is None \
            and _MEASURE_LAST.search(text, s, e) is None
        found.append((m.start("n"), m.end("n"), "AGE", "age_after_name" if sure
                      else "guess_age_after_name", 1))
    # a cue, no name between ("pt 96", "Visitor: 92")
    for m in _BARE_LED.finditer(text):
        if m.start() not in covered and not _AMOUNT.match(text, m.end()) \
                and _CUE_BEFORE.search(text, max(0, m.start() - 12), m.start()) is not None \
                and person_cues.word_before(text, m.start()) in _CUE_ALONE:
            found.append((m.start(), m.end(), "AGE", "guess_age_after_cue", 1))
    for m in _ASA.finditer(text) if "sa" in text or "SA" in text else ():
        s = m.start()
        if s in covered or _ASA_CLASS.match(text, m.end()) \
                or not person_cues.before(text, s):
            continue
        found.append((s, m.end(), "NAME", "cue_asa" if m.group() == "Asa"
                      else "guess_cue_asa", 1))
    new = [sp for sp in found if sp[0] not in covered]
    if new:  # (only an age this scan found: other rules' ages have their own units)
        new += _said_again(text, taken + [(s, e) for s, e, *_ in new], new)
    merged.extend(new)
    return bool(new) or widened


def _with_units(text: str, merged: list[Span]) -> bool:
    """Widen an AGE span of digits over the unit right after it ("[92] y"); True if one
    grew."""
    grew = False
    for k, (s, e, cat, rule, prio) in enumerate(merged):
        if cat == "AGE" and text[e - 1:e].isdigit() and (m := _AGE_UNIT.match(text, e)) \
                and not (k + 1 < len(merged) and merged[k + 1][0] < m.end()):
            # never over another span: `merged` is sorted and apart, so only the next one
            merged[k] = (s, m.end(), cat, rule, prio)
            grew = True
    return grew


def _said_again(text: str, taken: list[tuple[int, int]], spans: list[Span]) -> list[Span]:
    """The number of an age over 89 found above, standing alone elsewhere in the note ("PT
    [102] - YES 102"): the same age said again, as sure as the first; not as a vital's
    value or before a room's or vital's word ("sats 95 on RA")."""
    ages = {text[s:e]: rule.startswith("guess_") for s, e, cat, rule, _p in spans
            if cat == "AGE" and text[s:e].isdigit()}
    if not ages:
        return []
    out: list[Span] = []
    covered = Covered(taken)
    for m in _BARE_LED.finditer(text):
        n = m.group("n")
        if n in ages and m.start() not in covered and not _AMOUNT.match(text, m.end()) \
                and not _AMBIGUOUS.match(text, m.end()) \
                and not _MEASURE_LAST.search(text, max(0, m.start() - 12), m.start()) \
                and not _LAB_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            out.append((m.start(), m.end(), "AGE",
                        "guess_age_said_again" if ages[n] else "age_said_again", 1))
    return out
