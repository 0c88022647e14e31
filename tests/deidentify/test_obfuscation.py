"""Obfuscation, accidental or deliberate, does not hide a registered identifier.

A soft hyphen inside a registered surname reached students unredacted: the engine
split the typed text and matched on it as typed. It now matches on a normalised view
(services/common/deid/normalise.py) and redacts the typed offsets; these
properties insert a registered name, MRN or DOB obfuscated in each way and check that
every character of it lies inside a redaction.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from services.common.deid import CaseIdentifiers, Result
from services.common.deid.normalise import view

from .test_properties import BASES, ENGINE, FAST, KEY, _check_shape, part

FORMAT_CHARS = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e"]
LOOKALIKE = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у",
             "i": "і", "j": "ј", "s": "ѕ", "A": "А", "B": "В", "E": "Е", "H": "Н",
             "K": "К", "M": "М", "O": "О", "P": "Р", "C": "С", "T": "Т", "X": "Х"}


def _place(base: str, at: int, phrase: str) -> tuple[str, int]:
    """`phrase` inserted at a word boundary of `base`; (note, offset of phrase)."""
    words = base.split(" ")
    at %= len(words) + 1
    head = " ".join(words[:at])
    head = head + " " if head else ""
    tail = " ".join(words[at:])
    return head + phrase + (" " + tail if tail else ""), len(head)


def _covered(note: str, r: Result, start: int, end: int) -> bool:
    marks = bytearray(len(note))
    for f in r.findings:
        marks[f.start:f.end] = b"\x01" * (f.end - f.start)
    return all(marks[i] or note[i].isspace() for i in range(start, end))


def _obfuscate(word: str, how: str, k: int) -> str:
    k %= len(word)
    if how == "format":
        cut = max(1, k)
        return word[:cut] + FORMAT_CHARS[k % len(FORMAT_CHARS)] + word[cut:]
    if how == "lookalike":
        swaps = [i for i, c in enumerate(word) if c in LOOKALIKE]
        if not swaps:
            return word
        i = swaps[k % len(swaps)]
        return word[:i] + LOOKALIKE[word[i]] + word[i + 1:]
    if how == "entity_one":
        return word[:k] + f"&#{ord(word[k])};" + word[k + 1:]
    if how == "entity_all":
        return "".join(f"&#x{ord(c):x};" for c in word)
    if how == "spaced":  # two letters spaced ("L i") stay ambiguous with initials
        return " ".join(word) if len(word) >= 3 else word
    if how == "fullwidth":
        return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in word)
    if how == "upper":
        return word.upper()
    raise AssertionError(how)


HOW = st.sampled_from(["format", "lookalike", "entity_one", "entity_all", "spaced",
                       "fullwidth", "upper"])


@FAST
@given(base=st.sampled_from(BASES), first=part, last=part, how=HOW, k=st.integers(0, 40),
       at=st.integers(0, 80))
def test_obfuscated_registered_surname_never_survives(base: str, first: str, last: str,
                                                      how: str, k: int, at: int) -> None:
    case = CaseIdentifiers.from_plain(names=[f"{first} {last}"], mrn=None, dob=None, key=KEY)
    phrase = _obfuscate(last, how, k)
    note, start = _place(base, at, f"Mr. {phrase}")
    r = ENGINE.deidentify(note, case)
    _check_shape(note, r)
    assert _covered(note, r, start + 4, start + len("Mr. " + phrase)), (note, r.text)


@FAST
@given(base=st.sampled_from(BASES), mrn=st.from_regex(r"[1-9][0-9]{6,9}", fullmatch=True),
       how=st.sampled_from(["format", "entity_one", "fullwidth"]), k=st.integers(1, 40),
       at=st.integers(0, 80))
def test_obfuscated_registered_mrn_never_survives(base: str, mrn: str, how: str, k: int,
                                                  at: int) -> None:
    case = CaseIdentifiers.from_plain(names=[], mrn=mrn, dob=None, key=KEY)
    phrase = _obfuscate(mrn, how, k)
    note, start = _place(base, at, f"MRN {phrase}")
    r = ENGINE.deidentify(note, case)
    _check_shape(note, r)
    assert _covered(note, r, start + 4, start + 4 + len(phrase)), (note, r.text)


def test_each_reported_obfuscation_is_redacted() -> None:
    case = CaseIdentifiers.from_plain(names=["Zebulon Quackenbush"], mrn="004512345",
                                      dob="1931-07-04", key=KEY)
    for note, hidden in [
        ("Pt Quacken\u00adbush in OR 3, prepped", "Quacken\u00adbush"),
        ("Pt Quack\u200benbush in OR 3, prepped", "Quack\u200benbush"),
        ("Zebu1on to PACU at 14:10", "Zebu1on"),
        ("Zеbulon to PACU at 14:10", "Zеbulon"),  # Cyrillic е
        ("&#90;ebulon to PACU at 14:10", "&#90;ebulon"),
        ("pt Q u a c k e n b u s h to PACU", "Q u a c k e n b u s h"),
    ]:
        r = ENGINE.deidentify(note, case)
        start = note.index(hidden)
        assert _covered(note, r, start, start + len(hidden)), (note, r.text)
        assert r.verdict != "clean"


def test_offsets_map_back_to_what_was_typed() -> None:
    note = "Dr. &#74;ohn Sm\u00adith at bedside"
    v = view(note)
    assert v is not None and v.text == "Dr. John Smith at bedside"
    start = v.text.index("John")
    assert v.original_span(start, start + 4) == (4, note.index(" Sm"))
    assert note[slice(*v.original_span(start, len("Dr. John Smith")))] == "&#74;ohn Sm\u00adith"


def test_plain_ascii_notes_skip_the_view() -> None:
    assert view("Whipple underway, EBL 350 mL at 14:32, Foley 16 Fr.") is None
    # codes keep their digits: a VIN is not read as leetspeak
    v = view("VIN 1HGCM8D0DFUKAZDGG parked; Zebu1on")
    assert v is not None and "1HGCM8D0DFUKAZDGG" in v.text and "Zebulon" in v.text


@FAST
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_view_maps_every_character_into_the_original(text: str) -> None:
    v = view(text)
    if v is None:
        return
    assert len(v.starts) == len(v.ends) == len(v.text)
    assert all(0 <= s < e <= len(text) for s, e in zip(v.starts, v.ends, strict=True))
    assert list(v.starts) == sorted(v.starts)


def test_numbers_and_dates_in_words_are_read_as_digits() -> None:
    case = CaseIdentifiers.from_plain(names=["Zebulon Quackenbush"], mrn="004512345",
                                      dob="1931-07-04", key=KEY)
    for note, hidden in [
        ("ninety-five year old female for hip hemiarthroplasty", "ninety-five"),
        ("pleasant lady in her nineties, cemented stem", "nineties"),
        ("born the fourth of July nineteen thirty-one, allergic to PCN",
         "fourth of July nineteen thirty-one"),
        ("daughter's cell five five five one two three four if needed",
         "five five five one two three four"),
        ("MRN four five one two three four five, consent signed",
         "four five one two three four five"),
    ]:
        r = ENGINE.deidentify(note, case)
        start = note.index(hidden)
        assert _covered(note, r, start, start + len(hidden)), (note, r.text)


def test_everyday_number_words_stay() -> None:
    for note in ["one of the ports was upsized, two drains placed, first pass intubation",
                 "eighty-nine year old for TAVR, second look at the anastomosis",
                 "closing in about twenty minutes, three lymph nodes sent"]:
        r = ENGINE.deidentify(note)
        assert r.text == note, r.text
