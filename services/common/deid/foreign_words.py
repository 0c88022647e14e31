"""Ordinary words of another language in a code-switched note ("la paciente está en ayuno",
"nasa PACU na po", "bệnh nhân ổn định"): the world name lists hold many of them ("para",
"nasa", "lado", "nhân"), so the name rules take them for names.

A note is in language L when it holds two different words that tell L (common there,
rare in English: `+` in `foreign_words.txt`, from wordfreq). In such a note a NAME or
LOCATION made only of L's ordinary words is dropped when:
- each word is written in lower case, or is a grammar word opening a sentence (Zipf >= 5.5:
  "La familia", "Está"): a capital elsewhere may be a name ("con trai Minh", "Hà Nội");
- a word that is also a given name or surname is common enough there to be the word
  first (Zipf >= 5.0: "paz", "nada"), or tells the language and is no frequent US name
  (Zipf >= 4.0: "izquierdo"), so "maria", "clara" or "lópez" in lower case stay names;
- no person cue (title, relation, "pt", or the note's own word for the patient, a name or
  "is called": "paciente:", "nombre:", "se chama") stands right before it, unless all its
  words are grammar words ("la señora está en", "la paciente está en");
- it is not where someone lives ("vive en buena vista", "habite à belle vue", "nakatira
  sa bagong silang"), not after a Filipino personal article ("si ligaya", "ni dalisay";
  "si lola" is a relative), and not (part of) a Vietnamese full name: one of the common
  surnames and the words after it ("nguyễn thị hoa", "trần văn minh"): every word of a
  Vietnamese name is an ordinary word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from itertools import pairwise

from . import charfold, person_cues
from . import lexicon as lx

Span = tuple[int, int, str, str, int]

_WORD = re.compile(r"[^\W\d_]+")
_DROPPED = frozenset(("NAME", "LOCATION"))
_MARKERS_NEEDED = 2
_GRAMMAR = 55  # Zipf x10: a grammar word may be capitalised ("La familia", "Está")
_NAME_FIRST = 50  # Zipf x10 a name-listed word needs to be read as the word
_RARE_NAME_WORD = 40  # ... or this, when it tells the language and is no frequent US name
# (up to three words between: "nakatira po si lola sa", and a place's first word may
# have been left out of its span: "sa bagong [silang]"; the spans point into the
# accent-folded view: "habite à" -> "habite a")
_LIVES_IN = re.compile(
    r"(?i)\b(?:viv[eo]n?|resid[ei]n?|r[eé]side|mora[mr]?|habit(?:e|ent)|nakatira|s[oố]ng)"
    r"\s+(?:[^\W\d_]+\s+){0,3}?(?:en|em|no|na|in|[aà]|au|aux|sa|[oở]|t[aạ]i)\s+(?:[^\W\d_]+\s+)?$")
# the patient, a name, "is called" in the five languages (accent-folded: "tên" -> "ten")
_FOREIGN_CUES = frozenset((
    "paciente pacientes patiente pasyente nombre nome nom prenom apellido "
    "sobrenome pangalan ten llama llamo chama chamo appelle llamado llamada chamado "
    "chamada "
    # relatives (those in names.CUES already, "hija", "fille", "filha", are cues there)
    "hermana hermano abuela abuelo nieta nieto tia tio sobrina sobrino prima primo suegra "
    "suegro novia novio marido mae pai irma irmao avo neta neto sogra sogro mari femme "
    "mere pere frere soeur tante oncle asawa anak kapatid apo "
    "vo chong gai trai chau").split())
# Vietnamese given names are frequent words ("hoa", "minh": Zipf >= 5.5), so after a cue
# only the language's function words are no name ("con gái đang chờ"), accent-folded
_VI_FUNCTION = frozenset((
    "la đang đa se co khong đuoc o va cua thi cung van rat bi đen ve đi voi cho nay đo "
    "noi goi hoi ay ta nhung cac mot nha ngoai trong phong").split())
# Filipino: "si"/"ni"/"kay" (plural "sina"...) put a person's name after them, or a
# relative's word ("si lola"), which is no one's name
_ARTICLES = frozenset("si ni kay sina nina kina".split())
_KIN = frozenset(("lola lolo nanay tatay inay itay ate kuya tita tito ninang ninong ditse "
                  "diko misis mister doc dok doktor dra nurse baby bunso pasyente").split())
# Vietnamese surnames (about nine people in ten bear one), accent-folded as the view
# reads them; the ones that fold onto an everyday word ("lê", "võ", "hồ" -> "le", "vo",
# "ho") mark a name only before the middle name "thị"/"văn"
_VI_SURNAMES = "nguyen|tran|pham|hoang|huynh|phan|bui|trinh"
_VI_NAME = re.compile(
    rf"(?i)\b(?:(?:{_VI_SURNAMES})\s+\w+(?:\s+\w+)?|"
    rf"(?:{_VI_SURNAMES}|le|vo|vu|do|đo|ho|ly|ngo|duong|đang|dinh|đinh|truong|luong|cao|ha|lam)"
    r"\s+(?:thi|van)\s+\w+(?:\s+\w+)?)\b")


@cache
def _lines() -> tuple[dict[str, str], dict[str, str]]:
    """word -> its languages as written in the file, and the same for the accent-folded
    forms the engine's view reads ("está" -> "esta"): read on the first note that could
    need them (once per process; entries are parsed when looked up, ~0.05 s)."""
    raw: dict[str, str] = {}
    folded: dict[str, str] = {}
    with (lx.DATA_DIR / "foreign_words.txt").open(encoding="utf-8") as fh:
        for line in fh:
            if line[0] == "#":
                continue
            word, _, langs = line.rstrip("\n").partition(" ")
            raw[word] = langs
            if not word.isascii():
                f = charfold.accentless(word)
                if f != word:
                    folded[f] = f"{folded[f]} {langs}" if f in folded else langs
    return raw, folded


@lru_cache(maxsize=8192)
def _entries(word: str) -> tuple[tuple[str, int, bool], ...]:
    """(language, Zipf x10, tells the language) for a lower-case word; a folded form
    tells no language (the typed text, with its accents, does)."""
    raw, folded = _lines()
    out = [(code, int(z.rstrip("+")), z.endswith("+"))
           for code, _, z in (x.partition(":") for x in raw.get(word, "").split())]
    out += [(code, int(z.rstrip("+")), False)
            for code, _, z in (x.partition(":") for x in folded.get(word, "").split())]
    return tuple(out)


def languages(text: str) -> frozenset[str]:
    """The languages the note is (partly) written in, besides English."""
    raw = _lines()[0]
    seen: dict[str, set[str]] = {}
    # the note's words the file lists, filtered at C speed (most are not listed)
    for w in filter(raw.__contains__, set(map(str.lower, _WORD.findall(text)))):
        for code, _z, marker in _entries(w):
            if marker:
                seen.setdefault(code, set()).add(w)
    return frozenset(c for c, ws in seen.items() if len(ws) >= _MARKERS_NEEDED)


def _ordinary(word: str, langs: frozenset[str], flags_of: Callable[[str], int],
              opens: bool) -> bool:
    """`opens`: the word opens a sentence (a capital tells nothing there)."""
    low = word.lower()
    zipf = _zipf(low, langs)
    if not zipf:
        return False
    if word != low and (zipf < _GRAMMAR or not opens):
        return False
    f = flags_of(low)
    if not f & lx.NAMEISH or zipf >= _NAME_FIRST:
        return True
    # a rare name elsewhere, and a word that tells this language ("izquierdo", "esquerdo"):
    # the word, unless it is a frequent US given name or surname ("clara", "lópez")
    return zipf >= _RARE_NAME_WORD and not f & (lx.FIRST_TOP | lx.LAST_TOP) and any(
        m and code in langs for code, _z, m in _entries(low))


def drop(text: str, spans: list[Span], flags_of: Callable[[str], int],
         typed: str) -> list[Span]:
    """`spans` without the NAME/LOCATION spans made only of the note's foreign words;
    `text` is what the spans point into (the folded view), `typed` the note as typed (its
    accents tell the language)."""
    raw, folded = _lines()
    if not any(sp[2] in _DROPPED and not sp[3].startswith("case_") and all(
            w.lower() in raw or w.lower() in folded for w in _WORD.findall(text, sp[0], sp[1]))
            for sp in spans):
        return spans  # most notes: no span made only of listed words, no language to tell
    langs = languages(typed)
    if not langs:
        return spans
    names = [m.span() for m in _VI_NAME.finditer(text)] if "vi" in langs else []
    return [sp for sp in spans if not (
        sp[2] in _DROPPED and not sp[3].startswith("case_")
        and not any(s < sp[1] and sp[0] < e for s, e in names)
        and _plain(text, sp, langs, flags_of))]


def _plain(text: str, sp: Span, langs: frozenset[str], flags_of: Callable[[str], int]) -> bool:
    words = list(_WORD.finditer(text, sp[0], sp[1]))
    if _LIVES_IN.search(text, max(0, sp[0] - 48), sp[0]) is not None:
        return False
    if "fil" in langs and _after_article(text, sp[0], words):
        return False
    if not all(_ordinary(m.group(), langs, flags_of, _opens(text, m.start())) for m in words):
        return False
    # after a title or relation only grammar words ("la señora está en"): a name may be
    # a word there ("sra paz")
    cued = person_cues.before(text, sp[0]) or person_cues.word_before(text, sp[0]) in _FOREIGN_CUES
    # a cue inside the span ("se [chama pedro santos]"): the words after it are the name
    inner = next((k for k, m in enumerate(words[:-1]) if m.group().lower() in _FOREIGN_CUES),
                 None)
    if inner is not None:
        cued, words = True, words[inner + 1:]
    return not cued or all(_grammar(m.group().lower(), langs) for m in words)


def _grammar(low: str, langs: frozenset[str]) -> bool:
    if "vi" in langs and any(code == "vi" for code, _z, _m in _entries(low)):
        return low in _VI_FUNCTION
    return _zipf(low, langs) >= _GRAMMAR


def _after_article(text: str, s: int, words: list[re.Match[str]]) -> bool:
    """A Filipino personal article before the span or inside it, and a word after it that
    is no relative's."""
    low = [m.group().lower() for m in words]
    if person_cues.word_before(text, s) in _ARTICLES and low and low[0] not in _KIN:
        return True
    return any(a in _ARTICLES and b not in _KIN for a, b in pairwise(low))


def _zipf(low: str, langs: frozenset[str]) -> int:
    """Zipf x10 of a lower-case word in the note's languages (a folded entry may repeat an
    unfolded one: the highest counts), 0 when none has it."""
    return max((z for code, z, _m in _entries(low) if code in langs), default=0)


def _opens(text: str, s: int) -> bool:
    before = text[:s].rstrip(" \t")
    return not before or before[-1] in ".!?:;\n|-•*"
