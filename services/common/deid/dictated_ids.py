"""Identifiers a transcriptionist hears rather than reads, quoted or not:

- digits said one by one after the field's word ("zip "four five two one nine"",
  "DOB dictated "oh-seven oh-seven fifty-one"", "called five five five, three oh two,
  one one two two"); the field tells the kind, and a field needs as many digits as its
  numbers have (a phone seven, a zip five, a date three words), so "counts two, two, one"
  or "flexed to ninety" never is one;
- an e-mail said aloud after "email": "e hart 30 at aol dot com";
- an age past 100 in words ("one hundred and one") after "is", "aged", "turned";
  an age in words with "years young" or "years old" ("ninety-eight years young");
- the last digits of a phone: "cell ending 4471" (not "ending at 14:00");
- letters spelled out with dashes after "name": "M - A - R - G - O" (not an instrument's
  "Spelled: K-O-C-H-E-R").

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]
_PRIO = 2

_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_NUMBER = rf"(?:(?:{_TENS})(?:[- ](?:{_ONES}))?|{_TEENS}|{_ONES}|zero|oh|double|triple)"
_RUN = rf"{_NUMBER}(?:[ \t]*[,-]?[ \t]*{_NUMBER})+"
# the field's word, a few words of telling ("code", "dictated", "is"), perhaps a quote
_FIELDS = {
    "DATE": (r"dob|d\.o\.b\.?|date of birth|birth ?date|born", 3),
    "ZIP": (r"zip(?: ?code)?|postcode|postal code", 5),
    "PHONE": (r"phone|cell|mobile|tel|telephone|landline|called|call|dialled|dialed|"
              r"number|callback|call-?back", 7),
    "MRN": (r"mrn|medical record(?: number)?|record number|chart number", 5),
    "SSN": (r"ssn|social security(?: number)?|social", 4),
}
_TELLING = (r"(?:[ \t]+(?:code|is|was|as|said|dictated|given|read|back|heard|no\.?|#|number"
            r"|of|on))*")  # not "at": "born at nine twelve" is a time
_SPOKEN = {cat: (re.compile(rf"(?i)\b(?:{cue}){_TELLING}[ \t]*[:=]?[ \t]*[\"“']?"
                            rf"({_RUN})(?![a-z])"), least)
           for cat, (cue, least) in _FIELDS.items()}
# a field's words as the note in lower case has them (each cue above holds one)
_CUE_HINTS = {
    "DATE": ("dob", "d.o.b", "birth", "born"),
    "ZIP": ("zip", "postcode", "postal code"),
    "PHONE": ("phone", "cell", "mobile", "tel", "landline", "call", "dial", "number"),
    "MRN": ("mrn", "medical record", "record number", "chart number"),
    "SSN": ("ssn", "social"),
}
_WORD = re.compile(rf"(?i){_NUMBER}")
_HINTS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "oh", "zero",
          "ty")

_EMAIL = re.compile(
    r"(?i)\be-?mail(?:[ \t]+(?:address|is|was|as|dictated|said|given))*[ \t]*[:=]?[ \t]*[\"“']?"
    r"((?:[a-z0-9._-]+[ \t]+){0,4}?[a-z0-9._-]+[ \t]+at[ \t]+[a-z0-9-]+"
    r"(?:[ \t]+dot[ \t]+[a-z0-9-]+)*?[ \t]+dot[ \t]+(?:com|net|org|edu|gov|us|co|uk|ca|io|me))\b")

_LEADING_WORD = re.compile(r"([A-Za-z0-9._-]+)[ \t]+")
_NOT_LOCAL = frozenset("for the is was as portal address her his their of to my our a an on "
                       "file account login username in it".split())
_HUNDRED = (rf"(?:one|a)[ -]hundred(?:(?:[ -]and)?[ -](?:{_TENS}|{_TEENS}|{_ONES})"
            rf"(?:-(?:{_ONES}))?)?")
_AGE_CUED = re.compile(
    rf"(?i)\b(?:(?:pt|patient|she|he|who|resident|mother|father|mom|dad|grandma|grandpa)"
    rf"[ \t]+(?:is|was|turned|turns|is[ \t]+turning)|aged?)[ \t]+[\"“']?((?>{_HUNDRED}))\b"
    # the whole number (atomic: "one hundred" is no age in "one hundred and one percent")
    # then no unit, percent or "over N" (a pressure: "one hundred and twenty over eighty")
    r"(?![ \t-]*(?:[a-z]*(?:grams?|meters?|litres?|liters?)|mg|ml|mcg|cc|cm|mm|units?|"
    r"per[ \t-]?cent|%|kg|lbs?|pounds|degrees|minutes|mins|hours|times|feet|inches|dollars|"
    r"mmhg|bpm|beats|breaths|seconds|secs|miles|over|on|by|out[ \t]+of|to|/)\b)")
_AGE_YEARS = re.compile(
    rf"(?i)\b((?:ninety(?:[- ](?:{_ONES}))?|{_HUNDRED})[ \t-]+years?(?:[ \t-]+of[ \t]+age|"
    r"[ \t-]+(?:young|old)))\b")

_ENDING = re.compile(
    r"(?i)\b(?:phone|cell|mobile|tel|telephone|landline)\b[^.\n]{0,20}?[\"“']?"
    r"((?:ending|ends)(?:[ \t]+(?:in|with))?[ \t]+\d{4})(?![\d:])")

_SPELLED = re.compile(
    r"(?i:\b(?:name|surname)\b)[^\n]{0,25}?[\"“']?"
    r"([A-Za-z](?:[ \t]*-[ \t]*[A-Za-z]){3,}(?:[ \t]{2,}[A-Za-z](?:[ \t]*-[ \t]*[A-Za-z])+)*)")


def scan(text: str) -> list[Span]:
    """The identifiers above (`text` as the engine sees it)."""
    low = text.lower()
    out: list[Span] = []
    if any(h in low for h in _HINTS):
        for cat, (rx, least) in _SPOKEN.items():
            if any(map(low.__contains__, _CUE_HINTS[cat])):  # (a field's word, then its run)
                for m in rx.finditer(text):
                    if _digits(m.group(1)) >= least:
                        out.append((m.start(1), m.end(1), cat, "dictated_digits", _PRIO))
    if "mail" in low and " dot " in low:
        for m in _EMAIL.finditer(text):
            start = m.start(1)
            w = _LEADING_WORD.match(text, start, m.end(1))
            while w is not None and w.group(1).lower() in _NOT_LOCAL:
                start = w.end()  # "for the portal is rgallo at ...": from "rgallo"
                w = _LEADING_WORD.match(text, start, m.end(1))
            out.append((start, m.end(1), "EMAIL", "dictated_email", _PRIO))
    # (both ages need "hundred" or, before its years, "ninety")
    if "hundred" in low or ("year" in low and "ninety" in low):
        out += [(m.start(1), m.end(1), "AGE", "dictated_age", _PRIO)
                for rx in (_AGE_CUED, _AGE_YEARS) for m in rx.finditer(text)]
    if "end" in low and any(map(low.__contains__, ("phone", "cell", "mobile", "tel", "landline"))):
        out += [(m.start(1), m.end(1), "PHONE", "dictated_phone_end", _PRIO)
                for m in _ENDING.finditer(text)]
    if "name" in low and text.count("-") >= 3:  # (a name spelled with its dashes)
        out += [(m.start(1), m.end(1), "NAME", "spelled_name", _PRIO)
                for m in _SPELLED.finditer(text)]
    return out


_TWO_DIGITS = re.compile(rf"(?i)(?:{_TENS}|{_TEENS})")


def _digits(run: str) -> int:
    """How many digits a run of number words says ("fifty-one" two, "oh" one, "double
    five" two)."""
    n = 0
    for w in _WORD.findall(run):
        w = w.lower()
        n += 2 if _TWO_DIGITS.match(w) else 1
    return n
