"""Structured identifiers found by shape (Safe Harbor items D-R) and the spans kept on purpose.

A labelled value ("MRN 0012345", "serial no. PJN123456H") is taken on its label
whatever its shape; unlabelled values need a distinctive shape (e-mail, URL, IP,
SSN, phone, VIN, street address, long digit runs, letter+digit codes).
Shapes made of one digit-bearing word (dates, SSN, IP, ZIP, long ids, VIN) are in
digits.py; here are those that need a label, an "@", a street word or spaces.

Speed: Python's `re` scans fast only for patterns that start with a literal or a
character class, so every pattern here starts with a digit (boundaries are checked
in code), labels are looked up from the word tokens, and rare shapes (e-mail, URL)
are behind a one-character guard.
"""

from __future__ import annotations

import re

from .lexicon import LABEL, STREET

Span = tuple[int, int, str, str, int]
Token = tuple[int, int, str]

# Label -> category; first match wins, so "license plate" precedes "license".
_LABEL_KINDS: tuple[tuple[str, str], ...] = (
    ("VEHICLE", r"licen[cs]e\s+plate|plate|tag|vin"),
    ("SSN", r"ssn|ss\s*#|ss\s*no|social\s+security"),
    ("MRN", r"mrn|mr\s*#|mr\s*no|med(?:ical)?\.?\s*rec(?:ord)?s?|chart|hospital|wristband"),
    ("ACCOUNT", r"acct|account|billing(?:\s+acc(?:oun)?t)?|fin|csn|har|encounter|visit"),
    ("HEALTHPLAN", r"member(?:\s*id)?|subscriber(?:\s*id)?|policy|insurance(?:\s*id)?|medicaid|"
                   r"medicare|mbi|hicn|bcbs(?:\s*id)?|group|plan\s*id|health\s*plan(?:\s*id)?"),
    ("LICENSE", r"dl|driver'?s?\s*licen[cs]e|licen[cs]e|lic|dea|npi|cert(?:ificate)?"),
    ("DEVICE", r"serial|s/n|sn|udi|device\s*id|imei|lot|model"),
    ("FAX", r"fax(?:ed)?(?:\s+to)?"),
    ("ID", r"pt\s*id|patient\s*id|id|identifier|case\s*#|ref"),
)
LABEL_HEADS = frozenset(
    "license licence plate tag vin ssn ss social mrn mr med medical chart hospital wristband acct "
    "account billing fin csn har encounter visit member subscriber policy insurance medicaid "
    "medicare mbi hicn bcbs group plan health dl driver driver's lic dea npi cert certificate "
    "serial s sn udi device imei lot model fax faxed pt patient id identifier case ref".split())
_LABEL_RX = [(cat, re.compile(rf"(?:{rx})(?![a-z])", re.I)) for cat, rx in _LABEL_KINDS]
LABELLED = re.compile(
    r"(?P<label>" + "|".join(rx for _, rx in _LABEL_KINDS) + r")(?![a-z])\.?"
    r"(?:\s*(?:\#|no\b\.?|num\b\.?|number\b|id\b))?\s*[:#=]?\s*"
    r"(?P<value>(?:[A-Z]{1,4}[- ]?)?\d[A-Z0-9]*(?:[-/. ][A-Z0-9]+){0,4})",
    re.I,
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"']+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|io|us|info|"
    r"health|care|me|ly)\b(?:/[^\s<>\"']*)?", re.I)
_URL_HINTS = ("://", "www.", ".com", ".org", ".net", ".edu", ".gov", ".io", ".us", ".info",
              ".health", ".care", ".me", ".ly")
STREET_WORDS = frozenset(
    "street st avenue ave road rd boulevard blvd lane ln drive dr court ct way place pl terrace "
    "ter parkway pkwy highway hwy circle cir box".split())
_PHONE_SHAPE = re.compile(
    r"(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4}(?:\s*(?:x|ext\.?)\s*\d{1,5})?")
ADDRESS = re.compile(
    r"\d{1,6}\s+(?!(?:mm|cm|ml|mg|units?|x|ports?|min|hrs?)\b)(?:[NSEW]\.?\s+)?"
    r"(?:[A-Za-z][A-Za-z'-]*\s+){1,3}?(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|"
    r"drive|dr|court|ct|way|place|pl|terrace|ter|parkway|pkwy|highway|hwy|circle|cir)\b\.?"
    r"(?:,?\s*(?:apt|unit|suite|ste|#)\.?\s*[A-Za-z0-9-]+)?", re.I)
PO_BOX = re.compile(r"\bp\.?\s?o\.?\s+box\s+\d+", re.I)
_YEAR = re.compile(r"(?:19|20)\d\d")

def label_category(label: str) -> str:
    for cat, rx in _LABEL_RX:
        if rx.match(label.strip()):
            return cat
    return "ID"


def _trim_value(value: str) -> str:
    """Cut a value at a space unless a short code goes on in digits ("A 1234567")."""
    parts = value.split(" ")
    keep = [parts[0]]
    for p in parts[1:]:  # "S530 1234 5678" goes on; "12345678 101-year-old", "... 24 feb" stop
        if not p.isdigit() or len("".join(keep)) >= 6:
            break
        keep.append(p)
    return " ".join(keep).rstrip(".-/")


def _word_before(text: str, s: int) -> bool:
    return s > 0 and (text[s - 1].isalnum() or text[s - 1] in "._")


def scan(text: str, toks: list[Token], flags: list[int], union: int, out: list[Span]) -> None:
    """`union` is the OR of all flags: word-driven shapes are skipped when no word calls them."""
    for i, f in enumerate(flags if union & LABEL else ()):
        if f & LABEL:
            m = LABELLED.match(text, toks[i][0])
            if m is None:
                continue
            value = _trim_value(m.group("value"))
            digits = sum(c.isdigit() for c in value)
            if digits < 3 or _YEAR.fullmatch(value):
                continue
            cat = label_category(m.group("label"))
            if cat == "FAX" and digits < 7:
                continue
            vs = m.start("value")
            out.append((vs, vs + len(value), cat, "labelled_" + cat.lower(), 2))
    if "@" in text:
        out.extend((m.start(), m.end(), "EMAIL", "email", 2) for m in EMAIL.finditer(text))
    low = text.lower()
    if any(h in low for h in _URL_HINTS):
        for m in URL.finditer(text):
            end = m.end()
            while end > m.start() and text[end - 1] in ".,;:)]!?":
                end -= 1
            out.append((m.start(), end, "URL", "url", 1))
    _phones(text, out)
    if union & STREET:
        for m in ADDRESS.finditer(text):
            if _address(text, m):
                out.append((m.start(), m.end(), "ADDRESS", "street_address", 1))
        if "box" in low:
            out.extend((m.start(), m.end(), "ADDRESS", "po_box", 1)
                       for m in PO_BOX.finditer(text))


_NOT_STREET_WORDS = frozenset(
    "by at to in on for with and the of from per x mg ml cm mm units min pm am was is".split())
_TITLE_AFTER = re.compile(r"\.?\s+[A-Z][a-z]")


def _address(text: str, m: re.Match[str]) -> bool:
    """A street address, not "12/25 by Dr. Patel" or "3 ports st..."."""
    s = m.start()
    if s and (text[s - 1].isalnum() or text[s - 1] in "._/:-"):
        return False
    words = m.group().split()
    if any(w.lower().strip(".,") in _NOT_STREET_WORDS for w in words[1:-1]):
        return False
    suffix_at = m.group().lower().rfind(" ")
    last = m.group()[suffix_at + 1:].lower().strip(".,")
    return not (last in ("dr", "st") and _TITLE_AFTER.match(text, m.end() - (
        1 if m.group().endswith(".") else 0)))


def _phones(text: str, out: list[Span]) -> None:
    for cand in _PHONE_CAND.finditer(text):
        pos, end = cand.span()
        while pos < end:
            p = _PHONE_SHAPE.match(text, pos)
            s = pos
            ok = p is not None and not (s > 0 and (text[s - 1].isalnum() or text[s - 1] in "/.-_"))
            if p is not None and ok:
                e = p.end()
                nxt = text[e:e + 1]
                glued = nxt.isalnum() or nxt == "/" or (nxt == "." and text[e + 1:e + 2].isdigit())
                if not glued:
                    cat = "FAX" if "fax" in text[max(0, s - 12):s].lower() else "PHONE"
                    out.append((s, e, cat, cat.lower(), 1))
                    pos = e
                    continue
            while pos < end and (text[pos].isdigit() or text[pos] in "(+"):
                pos += 1
            while pos < end and not (text[pos].isdigit() or text[pos] in "(+"):
                pos += 1


_PHONE_CAND = re.compile(r"[(+\d][\d\s().+-]{8,20}\d")
