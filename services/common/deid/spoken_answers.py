"""A number given as the answer to a question that names its kind, as phone scripts and
intake interviews write them: "Q: Last four of social? A: three three one eight",
"Q: Home phone? A: 555 02 71", "Q: Account number on your bill? A: 610 227 904". The view
has read the digit words as digits already ("A: 3318"); the answer right after the
question mark (an "A:" between allowed), in groups apart by blanks, commas or dashes, is
hidden as the kind the question named, when it holds at least four digits.

The kind word must sit in the question itself (after the last sentence end before the
question mark): "Q: Pain score now? A: 7 out of 10" names no kind, and "Q: Which OR?
A: 12" is too short. A bare "number" names no kind either (a room or a case has one).

The kind word must be what the question asks for, its head noun: followed by the question
mark, a stop, "number"/"#" or a little word ("for", "on", "of"...). A kind word before
another noun is a modifier in a compound ("Cell saver returned?", "White cell count?",
"Phone triage slot?", "Record time of incision?") and one before an article is a verb
("Record the blood loss?", "Chart the EBL?"): neither names the answer's kind. Nor is an
answer followed by a unit ("1250 mL", "88 %", "72 bpm") an identifier.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_KINDS = {
    "SSN": r"ssn|social|ss",
    "FAX": r"fax",
    "PHONE": r"phone|cell|cellphone|mobile|telephone|landline",
    "MRN": r"mrn|chart|record",
    "ACCOUNT": r"account|acct|member|policy|insurance",
    "LICENSE": r"license|licence",
}
_KIND = re.compile(r"(?i)\b(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _KINDS.items()) + r")\b")
# what may follow a kind word that is the question's head noun ("Home phone?", "Fax for the
# papers?", "Account number on your bill?", "Confirm social, last four?")
_HEAD_END = re.compile(r"[ \t]*+(?:[?,;:.!#)\n]|$|(?i:(?:numbers?|nos?|nbr|num|digits|id|"
                       r"security|sec|contact|"
                       r"for|on|of|to|at|in|from|please|again|then|is|was|you|we|i|and|or|"
                       r"last|ending|with|here|there|now|that|correct|right|ok|okay)\b))")
# a unit after the answer: a volume, a mass, a rate, a share, a duration
_UNIT = re.compile(r"[ \t]*+(?:%|(?:ml|mls|cc|l|dl|g|mg|mcg|kg|lbs?|cm|mm|m|bpm|min|mins|"
                   r"minutes|h|hr|hrs|hours|sec|s|units?|iu|mmhg|mmol|meq|kcal|percent)\b)",
                   re.IGNORECASE)
_ANSWER = re.compile(r"\?[ \t]*+(?:A[ \t]*+[:.][ \t]*+)?"
                     # (a letter prefix allowed: "A: XK 610 227 904")
                     r"(?P<v>(?:[A-Z]{1,3}+[ \t-]?)?\d{1,4}"
                     r"(?:(?:[ \t]*+,[ \t]*+|[ \t]++|-)\d{1,4}){0,5}+)(?![\w/:.-]\d)(?![\w/])")
_QUESTION = 60  # how far back the question may start
# (an abbreviation's stop ends no sentence: "Social sec. no.?", "Acct. #?")
_SENTENCE_END = re.compile(r"[!?\n]|\.(?=[ \t]++[A-Z0-9])")
# a second answer after the first ("A: 020 71 71 and 020 71 72")
_MORE = re.compile(r"[ \t]*+(?:,|and|or|/)[ \t]*+(?P<v>\d{1,4}(?:(?:[ \t]++|-)\d{1,4}){0,5}+)"
                   r"(?![\w/:.-]\d)(?![\w/])")


def scan(text: str, spans: list[Span]) -> bool:
    """Add each answer above to `spans`; True when one was."""
    n = len(spans)
    for m in _ANSWER.finditer(text):
        value = m.group("v")
        if sum(map(str.isdigit, value)) < 4:
            continue
        start = max(0, m.start() - _QUESTION)
        ends = list(_SENTENCE_END.finditer(text, start, m.start()))
        if ends:
            start = ends[-1].end()
        if _UNIT.match(text, m.end("v")):
            continue  # "A: 1250 mL"
        kinds = [k for k in _KIND.finditer(text, start, m.start())
                 if _HEAD_END.match(text, k.end(), m.start() + 1)]
        if kinds:
            kind = kinds[-1].lastgroup or "ID"
            spans.append((m.start("v"), m.end("v"), kind, "spoken_answer", 2))
            more = _MORE.match(text, m.end("v"))
            if more and sum(map(str.isdigit, more.group("v"))) >= 4 \
                    and not _UNIT.match(text, more.end("v")):
                spans.append((more.start("v"), more.end("v"), kind, "spoken_answer", 2))
    return len(spans) != n
