"""The case's registered names in disguise (attack/report.md H2-H4).

The name scanner tests each note word against the case's name hashes. A reader also
joins what the word test never sees:
- a name split in two or three ("Tenne worth", "Quill-feather", "tenne_worth", "Zo rbek");
- a name spelled letter by letter over any separators ("Z-O-R-B-E-K", "Z  o  r  b  e  k");
- a name inside a compound, hashtag or handle ("#TeamTenneworth", "tenneworthfamily");
- a name reversed ("kebroZ", or typed backwards inside a bidi isolate);
- a name in other letters: small capitals, squared letters, dotless i, Cyrillic
  ("ᴍᴀʀɪsᴏʟ", "Марисол"), read through `anyascii` (a per-character transliteration table);
- a name with three or more digits for letters ("T3nn3w0rth").
Each form is one more keyed hash per candidate, memoised per case, and bounded: pairs and
triples of neighbouring words, substrings only of words no word list knows (at most 24
letters), transliteration only of non-ASCII runs. A hit is the registered name itself,
so it is redacted with the confidence of any case match.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from operator import itemgetter

from anyascii import anyascii

from . import leet_words
from . import lexicon as lx
from .casematch import STOP, CaseMatcher

Span = tuple[int, int, str, str, int]
Token = tuple[int, int, str]
Hits = tuple[tuple[int, int, str], ...]  # (start, end, rule) inside a word or run
Test = Callable[[str], bool]

# What a reader reads through inside a word: up to three marks, spaces or a line break
# ("Quill(feather)", "Quill\"feather" read as the name too: attack16; "Quill-\nfeather",
# "Quill\r\nfeather": a word wrapped at the end of a line, attack21).
_JOIN_GAP = re.compile(r"(?:[^\w]|_){1,3}")
# Markup a reader does not see between the halves ("Quill<b>feather", "Quill<!-- -->
# feather"), and an entity still encoded after the view decoded one layer ("&amp;amp;").
_MARKUP_GAP = re.compile(
    r"(?:[ \t]?(?:<!--[^\n]{0,40}?-->|</?[A-Za-z][^<>\n]{0,40}>"
    r"|&(?:amp;)*(?:[A-Za-z]{2,8}|#\d{1,7}|#x[0-9A-Fa-f]{1,6});)[ \t]?){1,3}")
_WORD_BEFORE = re.compile(r"[A-Za-z]+$")
_WORD_AFTER = re.compile(r"[A-Za-z]+")
_SPELL_GAP = re.compile(r"[ \t.\-‐_·/*|~,+:]{1,3}")
# A name typed a character or two at a time over any marks, digits for letters among them
# ("H 4 d d 4 d i n", "Q_u_0_r", "O_'_D_u_n"): pieces of one to three letters or digits,
# at least four of them, most of one character (attack21).
_PIECES = re.compile(r"(?<![^\W_])[^\W_]{1,3}(?:(?:[^\w\n]|_){1,3}[^\W_]{1,3}(?![^\W_])){3,}")
_PIECE = re.compile(r"[^\W_]+")
_PIECES_HINT = re.compile(r"[^\W_](?:[^\w\n]|_){1,3}[^\W_](?:[^\w\n]|_){1,3}[^\W_](?![^\W_])")
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_KNOWN = lx.ENGLISH | lx.MEDICAL | lx.NAMEISH | lx.PLACE | lx.STATE | lx.MONTH | lx.EPONYM
_ORDINARY = lx.ENGLISH | lx.COMMON | lx.VERY_COMMON | lx.MEDICAL | lx.LABEL | lx.CUE | lx.MONTH \
    | lx.WEEKDAY
_LEET_HINT = re.compile(r"[0-9][A-Za-z]")  # a class, then a class: C speed on every note
# (a match starts where a run of letters does: tried inside one, the letters are read
# again to its end at each; starting there, it matches whenever a later start would)
_MIXED = re.compile(r"(?<![A-Za-z])[A-Za-z]+[0-9][A-Za-z0-9]*[A-Za-z]")
_LEET = leet_words.AS_LETTER
_FOREIGN_RUN = re.compile(r"[^\s!-/:-@\[-`{-~]*[^\x00-\x7f][^\s!-/:-@\[-`{-~]*")
_SUBSTRING_MAX = 24  # longest word searched for a name inside it
_MIN = 4  # shortest name part matched inside or across words
_TYPO_MIN = 5  # shortest run read as a name with one slip (the typo hashes' own bound)
_TYPO_JOINED = 6  # two words joined as a name with a slip: no shorter ("de ana" is no one)
_NONE: Hits = ()
_RAW = itemgetter(2)
_SWEEP_MAX = 100_000  # words, word triples and runs remembered per case


def scan(text: str, toks: list[Token], norms: list[str], flags: list[int],
         m: CaseMatcher, out: list[Span]) -> None:
    case = m.case

    def name(value: str) -> bool:
        # Hashed here, not through m.has: the joined pairs and substrings would flood the
        # name scanner's memo (and empty it when full); `memo` keeps their outcome instead.
        return len(value) >= _MIN and value not in STOP and case.has("names", value)

    def typo(value: str) -> bool:
        """One slip from a registered name part of five letters or more ("quoxvell")."""
        return len(value) >= _TYPO_MIN and value not in STOP and m.fuzzy(value)

    memo = m.sweep
    if len(memo) > _SWEEP_MAX:
        memo.clear()
    get = memo.get
    # Warm, both passes are one C-level map of dict look-ups; Python runs only for words
    # not seen before in this case and for hits.
    found = list(map(get, map(_RAW, toks)))
    if None in found or any(found):
        for i, hits in enumerate(found):
            s, _e, raw = toks[i]
            if hits is None:
                hits = memo[raw] = _word(raw, flags[i], name)
            for a, b, rule in hits:
                out.append((s + a, s + b, "NAME", rule, 3))
    # neighbours joined: (word, next, one after)
    keys = list(zip(norms, norms[1:], [*norms[2:], ""], strict=False))
    found = list(map(get, keys))
    if None in found or any(found):
        for i, hits in enumerate(found):
            if hits is None:
                # a slip is looked for only where a half is no ordinary word: two ordinary
                # words are most pairs, and each slip test is a dozen hashes
                slip = typo if not (flags[i] & _ORDINARY and flags[i + 1] & _ORDINARY) else _no
                hits = memo[keys[i]] = _joined(*keys[i], name, slip)
            for _a, last, rule in hits:
                if all(_JOIN_GAP.fullmatch(text, toks[k][1], toks[k + 1][0])
                       for k in range(i, i + last)):
                    out.append((toks[i][0], toks[i + last][1], "NAME", rule, 3))
    if "<" in text or "&" in text:
        _markup_joined(text, name, typo, out)
    if 1 in map(len, norms):  # C-level scan; most notes have no single letter
        ones = [k for k, size in enumerate(map(len, norms)) if size == 1]
        if len(ones) > 2 and any(ones[k + 2] == ones[k] + 2 for k in range(len(ones) - 2)):
            _spelled(text, toks, name, out)
    if _PIECES_HINT.search(text):
        _pieces(text, name, typo, memo, out)
    if _LEET_HINT.search(text):
        for w in _MIXED.finditer(text):
            word = w.group()
            if sum(map(str.isalpha, word)) >= 3 and name(word.lower().translate(_LEET)):
                out.append((w.start(), w.end(), "NAME", "case_name_leet", 3))
    if not text.isascii():
        for r in _FOREIGN_RUN.finditer(text):
            run_key = "\x00" + r.group()
            hits = get(run_key)
            if hits is None:
                latin = "".join(c for c in anyascii(r.group()).lower().translate(_LEET)
                                if c.isalpha())
                hits = memo[run_key] = ((0, r.end() - r.start(), "case_name_transliterated"),) \
                    if name(latin) or name(latin[::-1]) else _NONE
            for a, b, rule in hits:
                out.append((r.start() + a, r.start() + b, "NAME", rule, 3))


def _word(raw: str, f: int, name: Test) -> Hits:
    """A name inside one word: CamelCase parts, reversed, or inside a word no list knows."""
    if not raw.isalpha():
        return _NONE  # "O'Brien": the name scanner tests its parts
    if not raw.islower() and not raw.isupper():  # "#MarisolStrong", "#TeamTenneworth"
        parts = tuple((p.start(), p.end(), "case_name_inside") for p in _CAMEL.finditer(raw)
                      if p.end() - p.start() < len(raw) and name(p.group().lower()))
        if parts:
            return parts
    norm = raw.lower()
    if f & _KNOWN or len(norm) <= _MIN:
        return _NONE
    if name(norm[::-1]):
        return ((0, len(raw), "case_name_reversed"),)
    if len(norm) > _MIN + 2 and raw.isascii():
        word = norm[:_SUBSTRING_MAX]
        for size in range(len(word) - 1, _MIN - 1, -1):  # the longest part inside first
            for a in range(len(word) - size + 1):
                if name(word[a:a + size]):
                    return ((a, a + size, "case_name_inside"),)
    return _NONE


def _no(_value: str) -> bool:
    return False


def _joined(a: str, b: str, c: str, name: Test, typo: Test) -> Hits:
    """Two or three neighbouring words that spell a name part when joined, or one slip
    from one ("Tha-deus"): (0, index of the last word, rule); the caller checks that only
    a joining gap lies between."""
    if a in STOP or b in STOP:
        return _NONE
    if name(a + b):
        return ((0, 1, "case_name_joined"),)
    if c and len(a) + len(b) <= 10 and name(a + b + c):
        return ((0, 2, "case_name_joined"),)
    # both halves of a cut word, neither the name already: "Thomas, D" is the name and
    # an initial, not "Thomas" with a letter added
    if len(a) >= 2 and len(b) >= 2 and len(a) + len(b) >= _TYPO_JOINED \
            and not name(a) and not name(b) and typo(a + b):
        return ((0, 1, "case_name_joined_typo"),)
    return _NONE


def _pieces(text: str, name: Test, typo: Test, memo: dict[object, Hits],
            out: list[Span]) -> None:
    """Runs of short pieces over any marks (see _PIECES), digits read as letters: the
    registered name, or one slip from it, spelled by the pieces from one end of the run
    or the other."""
    for r in _PIECES.finditer(text):
        pieces = list(_PIECE.finditer(r.group()))
        if 2 * sum(p.end() - p.start() == 1 for p in pieces) < len(pieces):
            continue  # mostly words and numbers: a sentence, not a name typed apart
        at = [r.start() + p.start() + k for p in pieces for k in range(p.end() - p.start())]
        letters = "".join(p.group() for p in pieces).lower().translate(_LEET)
        if sum(map(str.isalpha, letters)) < _MIN:
            continue
        key = "\x01" + letters
        hits = memo.get(key)
        if hits is None:
            hits = memo[key] = _in_pieces(letters, name, typo)
        for a, b, rule in hits:
            out.append((at[a], at[b - 1] + 1, "NAME", rule, 3))


def _in_pieces(letters: str, name: Test, typo: Test) -> Hits:
    n = len(letters)
    for a in range(n):  # the registered name anywhere in the run
        for b in range(min(n, a + _SUBSTRING_MAX), a + _MIN - 1, -1):
            if name(letters[a:b]):
                return ((a, b, "case_name_spelled"),)
    if n > _SUBSTRING_MAX + 2:
        return _NONE
    # one slip: only from an end of the run, give or take two pieces ("Pt", a stray "x")
    for a in range(min(3, n)):
        for b in range(n, max(a + _TYPO_MIN - 1, n - 3), -1):
            if typo(letters[a:b]):
                return ((a, b, "case_name_spelled_typo"),)
    return _NONE


def _spelled(text: str, toks: list[Token], name: Test, out: list[Span]) -> None:
    """Runs of three or more single letters over any separators: "Z-O-R-B-E-K"."""
    n = len(toks)
    i = 0
    while i < n:
        if len(toks[i][2]) != 1:
            i += 1
            continue
        j = i
        while j + 1 < n and len(toks[j + 1][2]) == 1 \
                and _SPELL_GAP.fullmatch(text, toks[j][1], toks[j + 1][0]):
            j += 1
        if j - i >= 2:
            letters = "".join(toks[k][2] for k in range(i, j + 1)).lower()
            for a in range(len(letters)):
                for b in range(min(len(letters), a + _SUBSTRING_MAX), a + _MIN - 1, -1):
                    if name(letters[a:b]):
                        out.append((toks[i + a][0], toks[i + b - 1][1], "NAME",
                                    "case_name_spelled", 3))
                        break
        i = j + 1


def _markup_joined(text: str, name: Test, typo: Test, out: list[Span]) -> None:
    """Two or three word pieces with markup or an entity between (see _MARKUP_GAP)."""
    for g in _MARKUP_GAP.finditer(text):
        a = _WORD_BEFORE.search(text, max(0, g.start() - _SUBSTRING_MAX), g.start())
        b = _WORD_AFTER.match(text, g.end())
        if a is None or b is None:
            continue
        joined = (a.group() + b.group()).lower()
        if name(joined) or (len(joined) >= _TYPO_JOINED and typo(joined)):
            out.append((a.start(), b.end(), "NAME", "case_name_joined", 3))
            continue
        c = _MARKUP_GAP.match(text, b.end())  # "Qu<b>ill</b>feather"
        d = _WORD_AFTER.match(text, c.end()) if c is not None else None
        if d is not None and name(joined + d.group().lower()):
            out.append((a.start(), d.end(), "NAME", "case_name_joined", 3))
