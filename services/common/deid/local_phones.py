"""A bare seven-digit number where a phone goes: after a call word ("called from
555-0142", "calls from 555.01.48", "reached at 555 0177"; newer: "phoned from (555) 0177",
"called 555-1438", "llamó 555-1438"; a deaf patient's line: "uses VP 555-0143", "video
relay 555-0166") or after a relative or a name and "on" ("Wife Ida on 555-0133").
digits.py takes "call 555-0100" and "cell: 555-0100"; these cues and groupings it did not
know.

And in a note about calls, faxes or contacts (a list of "Follow-up calls:", a "Fax log:",
"Family contacts:", "appelle au", "tawagan", "gọi"), or on a line that names a relative, any
number typed as a phone is typed (exchange 2-9, a dash, NBSP or dot, four digits): a fax
when the note speaks of faxes only or "fax" stands close before it. Kept: a number after
a lot, ref, catalogue, model, serial or account label, a rising range with a unit after
it ("250-1000 mL", not "555-0142 h" for home), and a clock-time range ("730-1530")
unless a relative or a phone's kind stands beside it ("daughter 855-1400").
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .covered import extend_unheld

Span = tuple[int, int, str, str, int]

_RELATION = (r"husband|wife|son|daughter|mom|mum|dad|mother|father|sister|brother|partner|"
             r"friend|family|spouse|niece|nephew|aunt|uncle|grandson|granddaughter")
# The number first (led by a digit: quick to look for), then its cue just before it
_SEVEN = r"\d{3}(?:[-.\u2011 ]\d{4}|\.\d{2}\.\d{2}|-\d{2}-\d{2})"
_NUMBER_RX = re.compile(_SEVEN + r"(?![-.\d]?\d)")
_CALLED = r"call(?:s|ed|ing)?|rang|texts?|texted|reach(?:ed)?|be\s+reached"
_RELATION_ON = r"(?:" + _RELATION + r")(?:\s+(?-i:[A-Z][a-z]+))?\s+on"
_CUE_BEFORE = re.compile(
    r"(?i)\b(?:(?:" + _CALLED + r")\s+(?:\w+\s+)?(?:from|on|at)|" + _RELATION_ON + r")\s+$")
_CALL_WORDS = frozenset((
    "call calls called calling rang text texts texted reach reached").split())
# Newer (the engine keeps the verdict the older rules give without them): the exchange in
# brackets ("phoned from (555) 0142"), and a call made, in English, Spanish or Portuguese,
# straight before the number ("called 555-1438", "llamó 555-1438", "celular 555-3071")
_NEWER_NUMBER = re.compile(r"(?:" + _SEVEN + r"|\(\d{3}\)[ \u00a0]?\d{4})(?![-.\d]?\d)")
_NEWER_CUE = re.compile(
    r"(?i)\b(?:(?:" + _CALLED + r"|phoned)\s+(?:\w+\s+)?(?:from|on|at)|" + _RELATION_ON
    + r"|(?P<bare>called|calling|phoned|rang|texted|llam[oóéa]|llamar|celular|ligar|ligou|"
    # a deaf patient's line: video phone, video relay, text telephone
    r"ligue|vp|videophone|video\s+phone|video\s+relay|relay|tty|tdd))\s+$")
_NEWER_WORDS = _CALL_WORDS | frozenset(_RELATION.split("|")) | frozenset((
    "phoned llamo llamó llame llamé llama llamar celular ligar ligou ligue vp videophone "
    "relay tty tdd").split())
_RELATIONS = frozenset(_RELATION.split("|"))


# a dash of any kind may have spaces round it: "555 – 0107", "555 ‑ 01 ‑ 07"
_DASHED = r"[ \u00a0]?[\u2010-\u2015\-][ \u00a0]?"
_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015")
_NOT_DIGIT = re.compile(r"\D")
_TYPED = re.compile(r"(?<![\w.\-/#])[2-9]\d{2}(?:[-. \u00a0\u2011]\d{4}|"
                    rf"{_DASHED}\d{{4}}|{_DASHED}\d\d{_DASHED}\d\d)(?![\w\-/]|\.\d)")
_TYPED_HINT = re.compile(  # led by a class: C speed
    r"\d(?:[-. \u00a0\u2011]\d{4}|[ \u00a0]?[\u2010-\u2015\-][ \u00a0]?\d\d)")
_CONTACT_WORDS = frozenset((
    "call calls called calling callback callbacks phone phones ph tel tele telephone cell "
    "mobile contact contacts "
    "fax faxes faxed faxing answer voicemail vm text texts txt sms ring rang reach reached "
    "appelle appeler appelez llamar llame llamen llamó telefono teléfono telefone ligar "
    "tawagan tumawag goi thoai "  # Vietnamese "gọi", "điện thoại", accent-folded
    # es/pt as the engine reads them, accents folded ("llamó" -> "llamo")
    "llama llamo llamado llamada llamadas telefonear liga ligou ligue ligacao ligacoes "
    "telefonou").split())
_FAX_WORDS = frozenset(("fax", "faxes", "faxed", "faxing"))
_NOT_PHONE_LABEL = re.compile(
    r"(?i)\b(?:lot|ref|cat(?:alog(?:ue)?)?|model|serial|s/n|sn|acct|account|mrn|claim|"
    r"ticket|po|order|part|item|size|room|rm|ext|x)\b[\s.:#-]*(?:no\.?|#)?[\s:]*$")
_UNIT_AFTER = re.compile(r"\s?(?:m[lL]|mg|mcg|g|kg|cc|units?|u|%|mm(?:hg)?|cm|min|hrs?|h)\b")
_FAX_BEFORE = re.compile(r"(?i)\bfax(?:es|ed)?\b")
_KIND_AFTER = re.compile(r"(?i)\s*\(?(?:cell|home|mobile|work|landline|h|c|w|m)\b")
_LINE_RELATION = re.compile(r"(?i)\b(?:" + _RELATION + r"|mom|dad|ride|adjuster|rep)\b")


def _rising(number: str) -> bool:
    """A range goes up ("250-1000 mL"); "555-0142 h" is a home phone."""
    d = _NOT_DIGIT.sub("", number)  # "250 - 1000": the digits either side of the dash
    return number[3:].lstrip(" \u00a0")[:1] in _DASHES and int(d[:3]) < int(d[3:])


def _beside_a_contact(text: str, line: int, s: int, e: int) -> bool:
    """A relative, or a phone's kind, right beside the number: "daughter 855-1400",
    "wife 415-1630 (cell)" are no shifts."""
    return _LINE_RELATION.search(text, max(line, s - 24), s) is not None \
        or _KIND_AFTER.match(text, e) is not None


def _round_hours(number: str) -> bool:
    """A span of the day in whole quarters ("800-1200", "730-0800", "945 1015"): after a
    bare call word ("texted 800-1200 block") a shift, not a number (attack27a); a phone's
    two parts are rarely both quarter hours."""
    d = _NOT_DIGIT.sub("", number)
    return _clock_range(number) and d[1:3] in _QUARTERS and d[5:7] in _QUARTERS


_QUARTERS = frozenset(("00", "15", "30", "45"))


def _clock_range(number: str) -> bool:
    d = _NOT_DIGIT.sub("", number)
    a, b = d[:3], d[3:]
    return int(a[1:]) < 60 and int(b[:2]) < 24 and int(b[2:]) < 60 and int(a) < int(b)


class _Relatives:
    """Where the note names a relative, found once: asking each number's line again with
    a search from the line's start is quadratic on one long line of numbers."""

    def __init__(self, text: str) -> None:
        found = [m.span() for m in _LINE_RELATION.finditer(text)]  # whole words: apart
        self._starts = [s for s, _ in found]
        self._ends = [e for _, e in found]

    def between(self, start: int, end: int) -> bool:
        """A relative named wholly inside text[start:end]."""
        k = bisect_left(self._starts, start)
        return k < len(self._ends) and self._ends[k] <= end


def scan_typed(text: str, words: set[str], out: list[Span]) -> None:
    """Add PHONE or FAX spans for the typed seven-digit numbers in notes about contacts."""
    about_contacts = not _CONTACT_WORDS.isdisjoint(words)
    fax_only = about_contacts and _CONTACT_WORDS & words <= _FAX_WORDS
    relatives = None if about_contacts else _Relatives(text)
    for m in _TYPED.finditer(text):
        s, e = m.span()
        line = text.rfind("\n", 0, s) + 1
        if not (relatives is None or relatives.between(line, s)
                or _LINE_RELATION.search(text, e, e + 16)):
            continue
        if _NOT_PHONE_LABEL.search(text, max(0, s - 24), s) \
                or (_UNIT_AFTER.match(text, e) and _rising(m.group())) \
                or (_clock_range(m.group()) and not _beside_a_contact(text, line, s, e)):
            continue
        fax = fax_only or _FAX_BEFORE.search(text, max(0, s - 40), s) is not None
        # (a fax outranks the phone another rule read in the same digits)
        out.append((s, e, "FAX", "fax_local_typed", 2) if fax
                   else (s, e, "PHONE", "phone_local_typed", 1))


def scan(text: str, words: set[str], out: list[Span]) -> None:
    """Add PHONE spans for the local numbers above; `words`: the note's norms."""
    if _TYPED_HINT.search(text) is not None:  # a plain class first: C speed
        scan_typed(text, words, out)
    if _CALL_WORDS.isdisjoint(words) and ("on" not in words or _RELATIONS.isdisjoint(words)):
        return
    for m in _NUMBER_RX.finditer(text):
        s = m.start()
        if not (s and (text[s - 1].isdigit() or text[s - 1] == "-")) \
                and _CUE_BEFORE.search(text, max(0, s - 40), s):
            out.append((s, m.end(), "PHONE", "phone_local_cued", 1))


def scan_newer(text: str, words: set[str], out: list[Span]) -> bool:
    """The newer cues and shapes above; True when one found a number."""
    if _NEWER_WORDS.isdisjoint(words):
        return False
    found: list[Span] = []
    for m in _NEWER_NUMBER.finditer(text):
        s = m.start()
        if not (s and (text[s - 1].isdigit() or text[s - 1] == "-")) \
                and not (_UNIT_AFTER.match(text, m.end()) and _rising(m.group())) \
                and (cue := _NEWER_CUE.search(text, max(0, s - 40), s)) \
                and not (cue.group("bare") and _round_hours(m.group())):
            found.append((s, m.end(), "PHONE", "phone_local_cued", 1))
    # (what the older cues read already is no newer find: it would rerun the note for nothing)
    return extend_unheld(out, found)
