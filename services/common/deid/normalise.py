"""A normalised view of a note to match on, with a map back to what was typed.

Why: a soft hyphen or zero-width space inside a name, an HTML entity (`&#74;ohn`),
full-width letters, a Cyrillic look-alike letter, digits for letters (`Zebu1on`) or
letters spaced out (`J o h n`) hide an identifier from every pattern and lexicon
while a reader still sees it. The engine matches on this view and redacts the
original offsets, so the redaction removes exactly what was typed.

The view:
- HTML character references decoded (`&#74;`, `&#x4A;`, `&amp;`, `&eacute;`);
- format characters removed (Unicode category Cf: soft hyphen, zero-width space and
  joiners, word joiner, BOM, bidi controls) and a few invisible fillers;
- compatibility decomposition (NFKD: full-width, ligatures, odd spaces) with
  combining marks dropped (`José` -> `Jose`);
- within a word that mixes scripts, or is spelled only with letters that look Latin,
  Cyrillic and Greek look-alikes folded to Latin (a skeleton in the spirit of Unicode
  TS #39, for the letters that matter here);
- a bullet, dot operator, katakana middle dot, box-drawing line, modifier minus or odd
  slash between two digits read as "-" or "/" ("555\u2022201\u20224477" -> "555-201-4477");
- a digit or symbol between two letters read as the letter it imitates (`1`->`l`, `0`->`o`);
- runs of three or more single letters separated by single spaces joined (`J o h n`);
- numbers written in words read as digits (`ninety-five` -> `95`, `nineteen thirty-one`
  -> `1931`, `five five five one two` -> `55512`), a number read out half in digits and
  half in words or in French or Spanish digit words (`555 two 0 one 44 77` -> `5552014477`,
  mixed_numbers.py), and ordinals next to a month (`the fourth of July` -> `the 4th of
  July`), so the digit patterns see them.

`view(text)` returns None when none of this can apply (the common ASCII note), so the
engine pays nothing for it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from . import anchored, bidi, charfold, defang, mixed_numbers, number_words, spaced_heads

# Only references that end in ';' or are numeric: "&co" in prose is not an entity.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};)")
_INVISIBLE = frozenset("\u115f\u1160\u3164\uffa0\u180e\u034f")
# Format characters (category Cf) and the fillers above, as one class for a fast check.
_HIDDEN = re.compile("[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
                     "\u115f\u1160\u180e\u034f\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                     "\u2066-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\U000110bd\U000110cd"
                     "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
                     "\U000e0020-\U000e007f"
                     # and the Latin combining marks the slow path drops
                     "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_LEET = {"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s",
         "|": "l", "!": "i"}
_LEET_RE = re.compile(r"(?<=[^\W\d_])[013457@$|!](?=[^\W\d_])")
_ALNUM = r"[^\W_]+(?:[@$|!][^\W_]+)*"
_PIPE_AS_PUNCTUATION = re.compile(r"(?:^|[^\w@$!])\||\|(?:$|[^\w@$!])", re.M)
# The words of _ALNUM that hold a digit or symbol between two letters (the others are
# left alone, so they are not handed to Python one by one).
_LEET_WORD = re.compile(
    r"(?<![^\W_])(?=[\w@$|!]*?[^\W\d_][013457@$|!][^\W\d_])" + _ALNUM)
# a letter glued to a word ("Smith's a c-section": the "s" after an apostrophe) starts no
# run: joined, it would hide the word it belongs to ("Smith'sac-section"); after a
# one-letter prefix it does ("O'B r i e n" -> "O'Brien")
_SPACED = re.compile(r"(?<![^\W_])(?<![^\W_]{2}['’ʼ])[^\W\d_](?: [^\W\d_]){2,}(?![^\W_])")
# Letters joined by underscores or hyphens (four or more: "W_o_l_f", "b-e-t-h") or full
# stops (six or more, so that "U.S.A." and "N.P.O." stay abbreviations: "I.n.e.s.N.i.s.s.e.n")
_JOINED = re.compile(r"(?<![^\W_.])[^\W\d_](?:_[^\W\d_]){3,}_?(?![^\W_])|"
                     r"(?<![^\W_.\-])[^\W\d_](?:-[^\W\d_]){3,}(?![^\W_\-])|"
                     r"(?<![^\W_.])[^\W\d_](?:\.[^\W\d_]){5,}\.?(?![^\W_])")
# "1 0 0 4 5 6", "J a n   1 ,   2 0 0 0": text with digits spaced out one character at a
# time (a space typed in it shows as three); joined when it holds a digit.
_SPACED_ANY = re.compile(r"(?<![^\s(,;])\S(?:(?:   | )\S){3,}(?=[\s,;:.!?)]|$)")
_SPACED_DIGIT_HINT = re.compile(r"\d(?: [\d/.,:-](?: |$)|   \S )")
_SPACED_DIGIT_AT = re.compile(r" (?=[\d/.,:-](?: |$)|  \S )")  # its space (anchored.py)
_WORD = re.compile(r"[^\W\d_]+")
# Characters a reader takes for "-", "." or "/" between the groups of a number
# ("555\u2022201\u20224477", "07\u250021\u25001938", "219\u30fb44\u30fb7713"; attack21a):
# read as such only between two digits, so a bullet list or "3 \u2022 4 mm" keeps them.
_DIGIT_SEPARATORS = {
    **dict.fromkeys("\u2022\u2027\u2219\u22c5\u30fb\uff65\u02d7\u2500\u2501\u05be\u25e6"
                    "\u2e31\ua78f", "-"),
    "\u3002": ".", "\u2044": "/", "\u2215": "/"}
_DIGIT_SEPARATOR = re.compile(
    "(?<=[0-9])[" + "".join(_DIGIT_SEPARATORS) + "](?=[0-9])")
_HAS_DIGIT_SEPARATOR = re.compile("[" + "".join(_DIGIT_SEPARATORS) + "]")
# What every `_JOINED` match holds (a separator, a letter, a separator), led by a class:
# `_JOINED`, led by a look-behind, is tried at every character.
_JOINED_HINT = re.compile(r"[_.\-][^\W\d_][_.\-]")

_UNIT = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine".split())} | {"oh": 0}
_TEEN = {w: i + 10 for i, w in enumerate(
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: (i + 2) * 10 for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())} | {
    "ninty": 90, "nintey": 90}  # the tens most often misspelt in an age
_ORDINAL = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
    "twentieth".split())} | {"thirtieth": 30}
_NUMBER = "|".join(sorted([*_UNIT, *_TEEN, *_TENS, "hundred", "thousand"], key=len,
                          reverse=True))
# any hyphen or dash joins number words ("ninety‑nine" with a non-breaking hyphen)
_DASH = r"[\s\-\u2010-\u2014]+"
_NUMBER_RUN = re.compile(
    rf"\b(?:a[\s-]+(?=hundred|thousand))?(?:{_NUMBER})(?:(?:{_DASH}|{_DASH}and{_DASH})(?:{_NUMBER}))*\b",
    re.I)
_ORDINAL_WORD = re.compile(
    rf"\b(?:(twenty|thirty)[\s-]+)?({'|'.join(_ORDINAL)})\b", re.I)
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\.?\s+(?:the\s+)?$", re.I)
_MONTH_AFTER = re.compile(rf"\s+of\s+{_MONTH}\b", re.I)
_SPOKEN_SEP = re.compile(r"\s+(dash|hyphen|dot|point|slash)\s+", re.I)
_SPOKEN_SYMBOL = {"dash": "-", "hyphen": "-", "dot": ".", "point": ".", "slash": "/"}
# "ninety-fifth birthday", "hundredth birthday", "hundred and third birthday", "her
# ninety-seventh year": the ordinal as digits, so "95th birthday"
_AGE_ORDINAL = re.compile(
    r"\b(?:ninety[\s-]+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
    r"(ninetieth)|(?:(?:one|a)\s+)?(hundredth)|"
    r"(?:(?:one|a)\s+)?hundred\s+and\s+(first|second|third|fourth|fifth|sixth|seventh|"
    r"eighth|ninth))(?=\s+(?:birthday|year))", re.I)
_DECADE = re.compile(r"\bnineties\b", re.I)  # "in her nineties" -> "in her 90s"
_ORDINAL_SET = frozenset(_ORDINAL)
_RUN_STARTS = frozenset([*_UNIT, *_TEEN, *_TENS, "hundred", "thousand", "a"])
_NUMBER_WORDS = frozenset([*_UNIT, *_TEEN, *_TENS, "hundred", "thousand", *_ORDINAL,
                           "nineties", "ninetieth", "hundredth", *mixed_numbers.FOREIGN])
# What the view could change in an ASCII note: an entity, leetspeak, spaced letters, a
# number word. This runs on every note, so each check starts with a cheap one (a regex
# that begins with a literal or a small class runs at C speed; an alternation does not).
_LEET_ASCII = re.compile(r"[A-Za-z][013457@$|!][A-Za-z]")
_SPACED_ASCII = re.compile(r"\b[A-Za-z] [A-Za-z] [A-Za-z]\b|"
                           r"(?<![A-Za-z0-9_.])[A-Za-z]([_.\-])[A-Za-z]\1[A-Za-z]\1[A-Za-z]")
# Where a match of each could start, one character on: a digit or symbol, or a separator,
# before a letter. Led by a small class, so the search skips ahead at C speed; the
# regexes above, led by a letter or an assertion, try every position of the note (~40 us).
_LEET_AT = re.compile(r"[013457@$|!](?=[A-Za-z])")
_SPACED_AT = re.compile(r"[ _.\-](?=[A-Za-z][ _.\-])")
_ASCII_WORD = re.compile(r"[a-z]+")

# Cyrillic and Greek letters that render like Latin ones.
_CONFUSABLE = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i",
    "ј": "j", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ɡ": "g",
    "А": "A", "В": "B", "Е": "E", "Ё": "E", "К": "K", "М": "M", "Н": "H", "О": "O",
    "Р": "P", "С": "C", "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S", "І": "I", "Ї": "I",
    "Ј": "J", "Һ": "H", "Ԁ": "D", "Ԛ": "Q", "Ԝ": "W",
    "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
    "τ": "t", "υ": "u", "χ": "x", "γ": "y",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    "ѵ": "v", "Ѵ": "V",
    # Latin small capitals and the hooked f, which NFKD leaves alone ("Bɪʟʟ", "ƒrank")
    "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ɢ": "g", "ʜ": "h", "ɪ": "i",
    "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ʀ": "r",
    "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z", "ƒ": "f",
    # Cherokee capitals drawn like Latin ones ("Ꭺlice")
    "Ꭺ": "A", "Ᏼ": "B", "Ꮯ": "C", "Ꭰ": "D", "Ꭼ": "E", "Ꮐ": "G", "Ꮋ": "H", "Ꭻ": "J",
    "Ꮶ": "K", "Ꮮ": "L", "Ꮇ": "M", "Ꮲ": "P", "Ꮪ": "S", "Ꮢ": "R", "Ꭲ": "T", "Ꮩ": "V",
    "Ꮃ": "W", "Ꮓ": "Z",
})

_CONFUSABLE_LETTERS = frozenset(chr(c) for c in _CONFUSABLE)
LOOKALIKES = _CONFUSABLE_LETTERS  # context.disguised: "was this word typed with one"
_LOOKALIKE_CLASS = "[" + "".join(sorted(_CONFUSABLE_LETTERS)) + "]"
_HAS_LOOKALIKE = re.compile(_LOOKALIKE_CLASS)
_LOOKALIKE_WORD = re.compile(rf"[^\W\d_]*{_LOOKALIKE_CLASS}[^\W\d_]*")


@dataclass(frozen=True, slots=True)
class View:
    """`text` to match on; character k of it stands for `original[starts[k]:ends[k]]`."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The typed text behind view[start:end] (start < end)."""
        return self.starts[start], self.ends[end - 1]


def view(text: str, is_name: Callable[[str], bool] | None = None) -> View | None:
    """The normalised view of `text`, or None when it would equal `text`. `is_name` (a
    lower-case word -> whether a name list holds it) lets a word written mostly in digits
    ("5umm3r5", "0ks4n4") be read as the name it spells."""
    if text.isascii() and "&" not in text and not _leet_or_spaced(text) \
            and not defang.hinted(text):
        # only number words can apply: most notes end here without building a map
        words = _ASCII_WORD.findall(text.lower())  # (_WORD's words on ASCII text)
        if _NUMBER_WORDS.isdisjoint(words):
            return None
        pieces = _number_pieces(text, words)
        if not pieces:
            return None
        identity = list(range(len(text)))
        out, starts, ends = _apply_pieces(text, identity, [i + 1 for i in identity], pieces)
        return View(out, tuple(starts), tuple(ends))
    if "&" not in text and (text.isascii() or (
            unicodedata.is_normalized("NFKD", text) and not _HIDDEN.search(text)
            and not charfold.needs_fold(text))):
        # nothing to decode or fold character-wise (C-speed checks: most notes)
        out, starts, ends = text, list(range(len(text))), list(range(1, len(text) + 1))
    else:
        out, starts, ends = _decoded(text)
        out, starts, ends = bidi.display_order(text, out, starts, ends)
    if _HAS_DIGIT_SEPARATOR.search(out):
        out = _digit_separators(text, out, starts)
    out, starts, ends = _letters_for_digits(out, starts, ends, is_name)
    out = _fold_lookalike_words(out)
    out, starts, ends = _join_spaced(out, starts, ends)
    if defang.hinted(out):  # "example[.]org", "hxxp://": links written not to link
        out, starts, ends = _apply_pieces(out, starts, ends, defang.pieces(out))
    # a set test on the note's words, not the alternation regex: the common note has none
    words = _WORD.findall(out.lower())
    if not _NUMBER_WORDS.isdisjoint(words):
        out, starts, ends = _numbers_in_words(out, starts, ends, words)
    if out == text:
        return None
    return View(out, tuple(starts), tuple(ends))


def characters(text: str) -> View | None:
    """`text` with only its characters read (entities decoded, invisibles dropped,
    compatibility forms and marks folded), or None when that changes nothing. The doubts
    (doubts.py) read this: the full view reads "r\uff10se" as "rose", a word no rule
    holds, and the digit that showed someone hid a name is gone."""
    if "&" not in text and (text.isascii() or (
            unicodedata.is_normalized("NFKD", text) and not _HIDDEN.search(text)
            and not charfold.needs_fold(text))):  # as in view(): C-speed checks first
        return None
    out, starts, ends = _decoded(text)
    return None if out == text else View(out, tuple(starts), tuple(ends))


def letters(text: str) -> View | None:
    """`characters(text)` with look-alike letters folded too ("T\u0430ngo" -> "Tango"),
    or None when that changes nothing: the view for a rule that reads number words and
    single letters as typed (read_out.py), which the full view would join or turn to
    digits. One character of it per character of the decoded text, so the map stays."""
    if text.isascii() and "&" not in text:
        return None  # C-speed checks: most notes
    base = characters(text)
    decoded = text if base is None else base.text
    out = _fold_lookalike_words(decoded)
    if out == text:
        return None
    if base is None:
        return View(out, tuple(range(len(text))), tuple(range(1, len(text) + 1)))
    return View(out, base.starts, base.ends)


def _leet_or_spaced(text: str) -> bool:
    """`_LEET_ASCII.search(text) or _SPACED_ASCII.search(text) or ...`, each regex tried
    only where a match can start."""
    return anchored.search(_LEET_ASCII, _LEET_AT, 1, text) \
        or anchored.search(_SPACED_ASCII, _SPACED_AT, 1, text) \
        or anchored.search(_SPACED_DIGIT_HINT, _SPACED_DIGIT_AT, 1, text)


def _decoded(text: str) -> tuple[str, list[int], list[int]]:
    """Entities decoded, invisibles dropped, compatibility forms and marks folded.

    Only the characters that can change are visited (`&` and non-ASCII); the ASCII runs
    between them are copied whole, which keeps a note with one accent cheap."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _SPECIAL.finditer(text):
        i = m.start()
        if i < pos:
            continue  # inside an entity already decoded
        if i > pos:
            chars.append(text[pos:i])
            starts.extend(range(pos, i))
            ends.extend(range(pos + 1, i + 1))
        ch = text[i]
        end = i + 1
        folded = None
        if ch == "&":
            e = _ENTITY.match(text, i)
            if e is not None:
                decoded = html.unescape(e.group())
                if decoded != e.group():
                    folded, end = "".join(_fold(c) for c in decoded), e.end()
        if folded is None:
            folded = _fold(ch)
        if folded == ch:
            chars.append(ch)
            starts.append(i)
            ends.append(end)
        else:
            chars.append(folded)
            starts.extend([i] * len(folded))
            ends.extend([end] * len(folded))
        pos = end
    if pos < len(text):
        chars.append(text[pos:])
        starts.extend(range(pos, len(text)))
        ends.extend(range(pos + 1, len(text) + 1))
    return "".join(chars), starts, ends


_SPECIAL = re.compile(r"[^\x00-\x25\x27-\x7f]")  # "&" and every non-ASCII character


@cache  # a note's characters repeat; each is decomposed once per process
def _fold(ch: str) -> str:
    if ch.isascii():
        return ch
    if ch in _INVISIBLE or charfold.hidden(ch):
        return ""
    return charfold.refold(unicodedata.normalize("NFKD", ch))


def _digit_separators(text: str, out: str, starts: list[int]) -> str:
    """`out` with each separator above read as the "-", "." or "/" it stands for, when it
    sits between two digits and was typed as itself: the fraction slash of a decomposed
    "\u00bd" ("1\u20442") stays, a fraction is no date. One character for one: the map holds."""
    def read(m: re.Match[str]) -> str:
        typed = text[starts[m.start()]]
        if typed != m.group() and len(unicodedata.normalize("NFKD", typed)) != 1:
            return m.group()
        return _DIGIT_SEPARATORS[m.group()]

    return _DIGIT_SEPARATOR.sub(read, out)


def _letters_for_digits(out: str, starts: list[int], ends: list[int],
                        is_name: Callable[[str], bool] | None = None) \
        -> tuple[str, list[int], list[int]]:
    if not _LEET_RE.search(out):
        return out, starts, ends
    # A note that uses "|" as punctuation ("|Age|ninety-five|", "a | b") writes columns
    # with it, not the letter l: "Age|one" is two cells.
    pipes_punctuate = "|" in out and _PIPE_AS_PUNCTUATION.search(out) is not None

    def read(m: re.Match[str]) -> str:
        word = m.group()
        e = m.end()
        if pipes_punctuate and "|" in word:
            return word
        if "@" in word and out[e:e + 1] == "." and out[e + 1:e + 2].isalpha():
            return word  # an e-mail address ("hardy.fam@orange.fr"), not "J@ne"
        letters = sum(map(str.isalpha, word))
        # A word with a digit or two inside ("Zebu1on", "SM1TH"), not a code ("1HGCM8D0DF"),
        # unless read whole it is a name ("5umm3r5", "0ks4n4"): one digit-for-letter per
        # character, so the map back to the typed text stays one to one.
        if is_name is not None:
            whole = _as_name(word, is_name)
            if whole is not None:
                return whole
        if letters < 3 or len(word) - letters > 2:
            return word
        return _LEET_RE.sub(lambda d: _LEET[d.group()], word)

    return _LEET_WORD.sub(read, out), starts, ends


def _as_name(word: str, is_name: Callable[[str], bool]) -> str | None:
    """The name a word spells with digits for letters, "1" read as "l" or "i"
    ("Dm1tr1" -> "Dmitri", "4l1c3" -> "alice"), or None."""
    base = "".join(_LEET.get(c, c) for c in word)
    if not base.isalpha():
        return None
    ones = [k for k, c in enumerate(word) if c == "1"][:3]
    for mask in range(1 << len(ones)):
        chars = list(base)
        for bit, k in enumerate(ones):
            if mask >> bit & 1:
                chars[k] = "I" if word[k - 1:k].isupper() else "i"
        candidate = "".join(chars)
        if is_name(candidate.lower()):
            return candidate
    return None


def _fold_lookalike_words(out: str) -> str:
    # Only words holding a look-alike letter can change: the regex finds them at C speed.
    if out.isascii() or not _HAS_LOOKALIKE.search(out):
        return out

    def fold(m: re.Match[str]) -> str:
        word = m.group()
        lookalike = [c in _CONFUSABLE_LETTERS for c in word]
        latin = [c.isascii() for c in word]
        # Mixed Latin and look-alikes, or look-alikes only: read it as Latin.
        if any(lookalike) and all(a or b for a, b in zip(lookalike, latin, strict=True)):
            return word.translate(_CONFUSABLE)
        return word

    return _LOOKALIKE_WORD.sub(fold, out)


def _join_spaced(out: str, starts: list[int], ends: list[int]) \
        -> tuple[str, list[int], list[int]]:
    drop: set[int] = set()
    space: set[int] = set()
    for rx in (_SPACED, _JOINED) if _JOINED_HINT.search(out) else (_SPACED,):
        for m in rx.finditer(out):
            # "F r a n k B e g a y": a capital after a small letter starts the next word
            # (kept as a space in the view, so that the two words read apart)
            for p in range(m.start() + 1, m.end(), 2):
                if p + 1 >= len(out) or not (out[p - 1].islower() and out[p + 1].isupper()):
                    drop.add(p)
                elif out[p] != " ":
                    space.add(p)
    if anchored.search(_SPACED_DIGIT_HINT, _SPACED_DIGIT_AT, 1, out):
        for m in _SPACED_ANY.finditer(out):
            if not any(map(str.isdigit, m.group())):
                continue
            p = m.start()
            while p < m.end() - 1:
                if out.startswith("   ", p + 1):
                    drop.update((p + 1, p + 3))  # keep the typed space between the two
                    p += 4
                else:
                    drop.add(p + 1)
                    p += 2
    if " " in out and (len(out) != len(starts) or "-" in out
                       or any(map(int.__ne__, starts[1:], ends[:-1]))):
        drop |= spaced_heads.drops(out, starts, ends)  # "L\u200bo w r y", "F-a i t h"
    if not drop and not space:
        return out, starts, ends
    keep = [k for k in range(len(out)) if k not in drop]
    return ("".join(" " if k in space else out[k] for k in keep), [starts[k] for k in keep],
            [ends[k] for k in keep])


def _number_value(words: list[str]) -> str | None:
    """Digits for a run of number words: each number in turn, concatenated, so a year
    ("nineteen thirty-one"), an age ("ninety five") and a dictated phone ("five five
    five ...") all come out as they would be typed."""
    whole = number_words.cardinal(words)  # "forty eight thousand two hundred thirteen"
    if whole is not None:
        return whole
    digits: list[str] = []
    i, n = 0, len(words)
    while i < n:
        w = words[i]
        if w in _TENS:
            value = _TENS[w]
            if i + 1 < n and words[i + 1] in _UNIT and words[i + 1] not in ("zero", "oh"):
                value += _UNIT[words[i + 1]]
                i += 1
            digits.append(str(value))
        elif w in _TEEN:
            digits.append(str(_TEEN[w]))
        elif w in _UNIT or w == "a":
            if i + 1 < n and words[i + 1] == "thousand":  # "two thousand twenty-five"
                rest = _number_value(words[i + 2:]) if i + 2 < n else None
                head = _UNIT.get(w, 1) * 1000
                if rest is not None and len(rest) <= 3:
                    digits.append(str(head + int(rest)))
                else:
                    digits.append(str(head) + (rest or ""))
                return "".join(digits)
            if i + 1 < n and words[i + 1] == "hundred":
                rest = _number_value(words[i + 2:]) if i + 2 < n else None
                tail = (rest or "")[:2]
                digits.append(str(_UNIT.get(w, 1) * 100 + (int(tail) if tail else 0)))
                if rest is not None and len(rest) > 2:
                    digits.append(rest[2:])
                return "".join(digits)
            digits.append(str(_UNIT[w]))
        else:
            return None  # a lone "hundred" or "a"
        i += 1
    return "".join(digits)


def _numbers_in_words(out: str, starts: list[int], ends: list[int], words: list[str]) \
        -> tuple[str, list[int], list[int]]:
    return _apply_pieces(out, starts, ends, _number_pieces(out, words))


def _number_runs(out: str) -> list[re.Match[str]]:
    """`_NUMBER_RUN.finditer(out)`, tried only where a number word starts: the alternation
    regex is slow to slide over a whole note, a dict look-up per word is not."""
    found: list[re.Match[str]] = []
    pos = 0
    for w in _WORD.finditer(out):
        if w.start() < pos:
            continue
        word = w.group().lower()
        if word not in _RUN_STARTS:
            continue
        m = _NUMBER_RUN.match(out, w.start())
        if m is not None:
            found.append(m)
            pos = m.end()
    return found


def _number_pieces(out: str, note_words: list[str]) -> list[tuple[int, int, str]]:
    """(view start, view end, digits) for each number or date ordinal written in words;
    `note_words`: `_WORD.findall(out.lower())`, which the caller has already read."""
    pieces: list[tuple[int, int, str]] = []
    runs: list[tuple[int, int, str, bool]] = []
    for m in _number_runs(out):
        words = [w for w in re.split(_DASH, m.group().lower()) if w != "and"]
        if words[0] in ("hundred", "thousand"):
            words.insert(0, "a")  # "hundred and one years old"
        value = _number_value(words)
        if value is not None:  # a lone small number says nothing ("one of the ports")...
            runs.append((m.start(), m.end(), value, len(words) == 1 and words[0] in _UNIT))
    k = 0
    while k < len(runs):  # ...unless spoken punctuation ties it to others: "ten dot four"
        s, e, value, lone = runs[k]
        while k + 1 < len(runs):
            sep = _SPOKEN_SEP.fullmatch(out, e, runs[k + 1][0])
            if sep is None:
                break
            k += 1
            value += _SPOKEN_SYMBOL[sep.group(1).lower()] + runs[k][2]
            e, lone = runs[k][1], False
        if not lone:
            pieces.append((s, e, value))
        k += 1
    in_note = set(note_words)
    pieces.extend(mixed_numbers.pieces(out, in_note))  # "555 two 0 one 44 77"
    ordinals = () if _ORDINAL_SET.isdisjoint(in_note) else _ORDINAL_WORD.finditer(out)
    for m in ordinals:
        if not (_MONTH_BEFORE.search(out, max(0, m.start() - 16), m.start())
                or _MONTH_AFTER.match(out, m.end())):
            continue  # "first pass", "second look": not a date
        day = _ORDINAL[m.group(2).lower()] + (_TENS[m.group(1).lower()] if m.group(1) else 0)
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(day % 10 if day not in (11, 12, 13) else 0, "th")
        pieces.append((m.start(), m.end(), f"{day}{suffix}"))
    if "nineties" in in_note:
        pieces.extend((m.start(), m.end(), "90s") for m in _DECADE.finditer(out))
    aged_ordinal = "birthday" in in_note or "year" in in_note  # "her 97th year"
    for m in _AGE_ORDINAL.finditer(out) if aged_ordinal else ():
        age = 100 + _ORDINAL[m.group(4).lower()] if m.group(4) else 100 if m.group(3) \
            else 90 if m.group(2) else 90 + _ORDINAL[m.group(1).lower()]
        pieces.append((m.start(), m.end(), f"{age}th"))
    return pieces


def _apply_pieces(out: str, starts: list[int], ends: list[int],
                  pieces: list[tuple[int, int, str]]) -> tuple[str, list[int], list[int]]:
    if not pieces:
        return out, starts, ends
    pieces.sort(key=lambda p: (p[0], -p[1]))  # at one start the longer reading wins
    chars: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    pos = 0
    for a, b, value in pieces:
        if a < pos:
            continue  # overlapping runs: the first wins
        chars.append(out[pos:a])
        new_starts.extend(starts[pos:a])
        new_ends.extend(ends[pos:a])
        chars.append(value)
        new_starts.extend([starts[a]] * len(value))
        new_ends.extend([ends[b - 1]] * len(value))
        pos = b
    chars.append(out[pos:])
    new_starts.extend(starts[pos:])
    new_ends.extend(ends[pos:])
    return "".join(chars), new_starts, new_ends
