"""Ages over 89 in shapes the age rules miss (an age over 89 identifies, in any slot):

- a number word glued to the sex letter ("ninety-twoF", "one hundredM");
- a number word right after a patient's name ("[NAME] ninety-one —"; digits there are
  after_names' and may be a blood pressure: "[NAME] 97/60");
- a number alone in a board field after the name ("[NAME] → 93 → spinal", "[NAME] / 96 /");
- "ninety-something", "ninety-ish"; "turns one hundred", "will turn 101";
- "the oldest was 98"; "age 9 6" (a blank typed inside the number);
- a field alone after the name in a record of ";" or "|" fields ("[NAME]; 94; son",
  "[NAME]; ninety-one"): the age, as in a board;
- the answer to a question about age ("how old is your father? A: 94", "her age?
  ninety-one"), not a duration, a dose or a share ("how old is the wound? 90 days");
- an age told back in a question ("So you are ninety-three?") or written down as one
  ("Age written as 97").
"""

from __future__ import annotations

import re

from .covered import extend_unheld

Span = tuple[int, int, str, str, int]

_UNIT = "one|two|three|four|five|six|seven|eight|nine"
# (the engine's view reads number words as digits, in part: "ninety-three" is "90-three")
_OVER_89 = (r"(?:ninety(?:[- ](?:" + _UNIT + r"))?|90[- ](?:" + _UNIT + r")|(?:one|a)[ -]hundred"
            r"(?:[- ](?:and[ -])?(?:" + _UNIT + r"|ten|eleven|twelve))?)")
_GLUED = re.compile(r"(?i:(?<![\w-])" + _OVER_89 + r")(?=[MF](?![\w]))")
_AFTER_NAME = re.compile(r"[ \t]++(" + "(?i:" + _OVER_89 + r"))(?=[ \t]*+(?:[—–,;.(→]|-[ \t]|$)"
                         r"|[MF](?!\w))")
_FIELD_AFTER_NAME = re.compile(r"[ \t]*+(?:→|->|/)[ \t]*+(9\d|1[01]\d)(?=[ \t]*+(?:→|->|/|$))")
# (";" or "|" then the field alone, up to the next field or the line's end)
_RECORD_FIELD = re.compile(r"[ \t]*+[;|][ \t]*+(9\d|1[01]\d|(?i:" + _OVER_89 + r"))"
                           r"(?=[ \t]*+(?:[;|]|$))", re.M)
# a question about age, its answer the first thing after the question mark
_ASKED = re.compile(r"(?i)(?<![\w'’])(?:how[ \t]+old|age)(?![\w'’])[^?\n]{0,40}+\?[ \t]*+"
                    r"(?:A[ \t]*+[:.)-][ \t]*+)?(9\d|1[01]\d|" + _OVER_89 + r")"
                    r"(?![\w%°/-]|[.,]\d|[ \t]*+(?:days?|weeks?|wks?|months?|mos?|hours?|hrs?|"
                    r"min\w*|mg|kg|lbs?|percent|%)(?!\w))")
_LOOSE = re.compile(r"(?i)(?<![\w-])(?:ninety|90)[- ]?(?:something|ish)(?![\w])")
# (not a table's or a patient's turn by degrees: "turn 90 degrees", "turn 90°")
_TURN = re.compile(r"(?i)(?<![\w-])turn(?:s|ed|ing)?[ \t]++((?:one|a)[ -]hundred(?:[- ](?:and[ -])?"
                   r"(?:" + _UNIT + r"|ten))?|9\d|1[01]\d)(?![\w-])"
                   r"(?![ \t]*+(?:°|%|deg(?:rees?|s)?(?!\w)|º))")
_OLDEST = re.compile(r"(?i)(?<![\w-])(?:oldest|eldest)(?:[ \t]++\w+){0,2}?[ \t]++(?:was|is)"
                     r"[ \t]++(9\d|1[01]\d)(?![\w.%°])")  # not "98% saturated"
# an age told back in a question ("So you are ninety-three?", "And she's 96?") or written
# down as one ("Age written as 97"); not a share or a figure ("95% sure", "98 kg")
_SAID_BACK = re.compile(r"(?i)(?<![\w'’])(?:you(?:['’]re|[ \t]++are)|(?:she|he)(?:['’]s|[ \t]++is))"
                        r"[ \t]++(9\d|1[01]\d|" + _OVER_89 + r")"
                        # (a tag before the question mark: "ninety-four, right?")
                        r"(?=[ \t]*+(?:,[ \t]*+(?:right|correct|yes|yeah|eh|then|huh|ok|okay|"
                        r"is[ \t]+that[ \t]+right)[ \t]*+)?\?)")
# (no figure goes on: a decimal, a share, a duration, a mass, a length)
_AGE_ENDS = (r"(?![\w%°/-]|[.,]\d|[ \t]*+(?:days?|d|weeks?|wks?|w|months?|mos?|"
             r"hours?|hrs?|min\w*|mg|kg|lbs?|percent|%|cm|mm)(?!\w))")
_WRITTEN_AS = re.compile(r"(?i)(?<![\w'’])age[ \t]++(?:written|given|stated|recorded|listed|noted"
                         r"|documented|entered)[ \t]++as[ \t]++(9\d|1[01]\d|" + _OVER_89 + r")"
                         + _AGE_ENDS)
# a second age after the one written ("Age written as 97, 98 by the band")
_WRITTEN_MORE = re.compile(r"[ \t]*+(?:,|or|/|and)[ \t]*+(9\d|1[01]\d|" + _OVER_89 + r")"
                           + _AGE_ENDS)
# an age that is no person's: a pregnancy's, a bone's ("Gestational age recorded as 94")
_NOT_ONES_AGE = re.compile(r"(?i)(?:gestational|gestation|bone|corrected|mental|developmental|"
                           r"reading|dental|skeletal)[ \t]++$")
# a reading told back ("Pulse ox says you're 96?"): a device or a vital sign in the clause
_READING = re.compile(r"(?i)(?<![\w'’])(?:ox|oximeter|oximetry|pulse|sats?|saturation|spo2|o2|"
                      r"temp|temperature|reading|monitor|machine|scale|glucose|sugar|bp|"
                      r"score|level|heart[ \t]+rate)(?![\w'’])[^.!?\n]*+$")
_SPACED = re.compile(r"(?i)(?<![\w-])age[ \t:]++(9[ \t][0-9])(?![\w.])")


def scan(text: str, merged: list[Span]) -> bool:
    """Append the ages above to `merged`; True when it grew."""
    found: list[Span] = []
    lower = text.lower()
    if "ninety" in lower or "hundred" in lower or "90" in text:
        found.extend((m.start(), m.end(), "AGE", "age_glued", 1) for m in _GLUED.finditer(text))
        found.extend((m.start(), m.end(), "AGE", "age_loose", 1) for m in _LOOSE.finditer(text))
        for _s, e, cat, *_ in merged:
            if cat == "NAME" and (m := _AFTER_NAME.match(text, e)) is not None:
                found.append((m.start(1), m.end(1), "AGE", "age_after_name", 1))
    for _s, e, cat, *_ in merged:
        if cat == "NAME" and (m := _FIELD_AFTER_NAME.match(text, e)) is not None:
            found.append((m.start(1), m.end(1), "AGE", "age_board_field", 1))
    if ";" in text or "|" in text:
        for _s, e, cat, *_ in merged:
            if cat == "NAME" and (m := _RECORD_FIELD.match(text, e)) is not None:
                found.append((m.start(1), m.end(1), "AGE", "age_record_field", 1))
    if "?" in text and ("old" in lower or "age" in lower):
        found.extend((m.start(1), m.end(1), "AGE", "age_asked", 1)
                     for m in _ASKED.finditer(text))
    if "turn" in lower:
        found.extend((m.start(1), m.end(1), "AGE", "age_turning", 1) for m in _TURN.finditer(text))
    if "oldest" in lower or "eldest" in lower:
        found.extend((m.start(1), m.end(1), "AGE", "age_oldest", 1)
                     for m in _OLDEST.finditer(text))
    if "age" in lower:
        found.extend((m.start(1), m.end(1), "AGE", "age_spaced", 1)
                     for m in _SPACED.finditer(text))
        for m in _WRITTEN_AS.finditer(text):
            if _NOT_ONES_AGE.search(text, max(0, m.start() - 20), m.start()):
                continue
            found.append((m.start(1), m.end(1), "AGE", "age_written_as", 1))
            if more := _WRITTEN_MORE.match(text, m.end(1)):
                found.append((more.start(1), more.end(1), "AGE", "age_written_as", 1))
    if "?" in text:
        found.extend((m.start(1), m.end(1), "AGE", "age_said_back", 1)
                     for m in _SAID_BACK.finditer(text)
                     if not _READING.search(text, max(0, m.start() - 40), m.start()))
    return extend_unheld(merged, found)  # binary search: many spans
