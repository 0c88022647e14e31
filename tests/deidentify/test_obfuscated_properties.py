"""Property tests (issue 13): a registered name, MRN or DOB, inserted anywhere, in any case,
with a one-character typo, a format character or a look-alike letter inside, spaced out or
written as HTML entities, never survives: no letter or digit of it is left in the output.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from services.common.deid import CaseIdentifiers, Engine, Result
from services.common.deid import lexicon as lx
from services.common.deid.casematch import STOP
from services.common.deid.identifiers import PARTICLES, normalise
from services.common.deid.normalise import _CONFUSABLE

from .test_properties import BASES, _check_shape

KEY = b"obfuscation-property-key-0123456789"
ENGINE = Engine()
WORDS = ENGINE._lexicon.flags  # the engine's own word table: typos into a word are allowed
PROPS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FORMAT_CHARS = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u202c"]
LOOKALIKE: dict[str, str] = {}
for _src, _dst in ((chr(k), v) for k, v in _CONFUSABLE.items()):
    LOOKALIKE.setdefault(_dst, _src)

name_part = st.from_regex(r"[A-Z][a-z]{4,9}", fullmatch=True).filter(
    lambda w: normalise(w) not in STOP and normalise(w) not in PARTICLES
    and not WORDS.get(normalise(w), 0) & (lx.ENGLISH | lx.MEDICAL | lx.EPONYM | lx.MONTH))
OBFUSCATIONS = ["case", "typo", "format", "lookalike", "spaced", "entities", "plain"]


def _obfuscate(value: str, how: str, data: st.DataObject) -> str:
    n = len(value)
    if how == "case":
        flips = data.draw(st.lists(st.booleans(), min_size=n, max_size=n))
        return "".join(c.swapcase() if f else c for c, f in zip(value, flips, strict=True))
    if how == "typo":
        i = data.draw(st.integers(0, n - 1))
        kind = data.draw(st.sampled_from(["sub", "del", "ins", "swap"]))
        pool = "0123456789" if value.isdigit() else "abcdefghijklmnopqrstuvwxyz"
        c = data.draw(st.sampled_from(pool))
        if kind == "sub":
            return value[:i] + c + value[i + 1:]
        if kind == "del":
            return value[:i] + value[i + 1:]
        if kind == "ins":
            return value[:i] + c + value[i:]
        i = min(i, n - 2)
        return value[:i] + value[i + 1] + value[i] + value[i + 2:]
    if how == "format":
        i = data.draw(st.integers(1, n - 1))
        return value[:i] + data.draw(st.sampled_from(FORMAT_CHARS)) + value[i:]
    if how == "lookalike":
        spots = [k for k, c in enumerate(value) if c in LOOKALIKE]
        if not spots:
            return value
        k = data.draw(st.sampled_from(spots))
        return value[:k] + LOOKALIKE[value[k]] + value[k + 1:]
    if how == "spaced":
        return " ".join(value)
    if how == "entities":
        hexa = data.draw(st.booleans())
        picks = data.draw(st.lists(st.booleans(), min_size=n, max_size=n))
        return "".join((f"&#x{ord(c):x};" if hexa else f"&#{ord(c)};") if p else c
                       for c, p in zip(value, picks, strict=True))
    return value


def _survivors(note: str, start: int, end: int, r: Result) -> str:
    """The letters and digits of note[start:end] that no finding covers."""
    covered = bytearray(len(note))
    for f in r.findings:
        covered[f.start:f.end] = b"\x01" * (f.end - f.start)
    left = []
    for i in range(start, end):
        c = note[i]
        if not covered[i] and (c.isalnum() and unicodedata.category(c) != "Cf"):
            left.append(c)
    return "".join(left)


def _insert(base: str, at: int, phrase: str) -> tuple[str, int, int]:
    """(note, start, end of the phrase in it). A spaced-out phrase is set off by commas: a
    neighbouring one-letter word ("9 minutes") would otherwise read as part of it."""
    spaced = " " in phrase.strip()
    typed = f", {phrase}," if spaced else phrase
    words = base.split(" ")
    at %= len(words) + 1
    head = " ".join(words[:at])
    start = len(head) + (1 if head else 0) + (2 if spaced else 0)
    note = " ".join([*words[:at], typed, *words[at:]])
    return note, start, start + len(phrase)


@PROPS
@given(base=st.sampled_from(BASES), first=name_part, last=name_part,
       which=st.sampled_from(["first", "last"]), how=st.sampled_from(OBFUSCATIONS),
       at=st.integers(0, 80), data=st.data())
def test_obfuscated_registered_name_never_survives(base: str, first: str, last: str,
                                                   which: str, how: str, at: int,
                                                   data: st.DataObject) -> None:
    case = CaseIdentifiers.from_plain(names=[f"{first} {last}"], mrn=None, dob=None, key=KEY)
    value = _obfuscate(first if which == "first" else last, how, data)
    assume(not WORDS.get(normalise(value), 0) & (lx.ENGLISH | lx.MEDICAL | lx.EPONYM))
    note, s, e = _insert(base, at, value)
    r = ENGINE.deidentify(note, case)
    _check_shape(note, r)
    assert not _survivors(note, s, e, r), (note, r.text)


@PROPS
@given(base=st.sampled_from(BASES), mrn=st.from_regex(r"[1-9][0-9]{5,9}", fullmatch=True),
       how=st.sampled_from(["typo", "format", "spaced", "entities", "plain"]),
       label=st.sampled_from(["", "MRN ", "mrn: "]), at=st.integers(0, 80), data=st.data())
def test_obfuscated_registered_mrn_never_survives(base: str, mrn: str, how: str, label: str,
                                                  at: int, data: st.DataObject) -> None:
    case = CaseIdentifiers.from_plain(names=[], mrn=mrn, dob=None, key=KEY)
    value = _obfuscate(mrn, how, data)
    note, s, e = _insert(base, at, label + value)
    r = ENGINE.deidentify(note, case)
    _check_shape(note, r)
    assert not _survivors(note, s + len(label), e, r), (note, r.text)


DOB_FORMATS = ["%m/%d/%Y", "%-m/%-d/%y", "%Y-%m-%d", "%B %-d, %Y", "%-d %b %Y", "%d%m%Y",
               "%b. %-d %Y", "%-d %B %y"]


@PROPS
@given(base=st.sampled_from(BASES), dob=st.dates(dt.date(1905, 1, 1), dt.date(2024, 12, 31)),
       fmt=st.sampled_from(DOB_FORMATS),
       how=st.sampled_from(["case", "format", "spaced", "entities", "plain"]),
       at=st.integers(0, 80), data=st.data())
def test_obfuscated_registered_dob_never_survives(base: str, dob: dt.date, fmt: str, how: str,
                                                  at: int, data: st.DataObject) -> None:
    case = CaseIdentifiers.from_plain(names=[], mrn=None, dob=dob, key=KEY)
    value = _obfuscate(dob.strftime(fmt), how, data)
    note, s, e = _insert(base, at, value)
    r = ENGINE.deidentify(note, case)
    _check_shape(note, r)
    assert not _survivors(note, s, e, r), (note, r.text)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.characters(codec=None), max_size=400))
def test_any_unicode_with_a_case_never_raises(text: str) -> None:
    case = CaseIdentifiers.from_plain(names=["Zebulon Quackenbush"], mrn="7734412",
                                      dob="1931-07-04", key=KEY)
    r = ENGINE.deidentify(text, case)
    assert r.reasons != ("engine_error",), text
    _check_shape(text, r)
