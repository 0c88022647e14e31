"""Word lists under services/common/deid/data, folded into one word -> flags table.

One dict lookup per note token tells the name rules everything they need; the
table is built once per Engine (about 0.2 s, 20 MB), never at import.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import LexiconError

DATA_DIR = Path(__file__).resolve().parent / "data"

FIRST = 1 << 0        # census given name
FIRST_TOP = 1 << 1    # among the 1,200 most frequent given names
LAST = 1 << 2         # census surname, rank < 40,000
LAST_TOP = 1 << 3     # rank < 5,000
ENGLISH = 1 << 4      # ordinary English word (lower-case entry in SCOWL)
MEDICAL = 1 << 5      # OR vocabulary, abbreviation, drug, device, brand
EPONYM = 1 << 6       # eponym kept as is
EPONYM_CTX = 1 << 7   # eponym that is also a common surname: kept only in instrument context
CITY = 1 << 8         # one-word city
CITY_HEAD = 1 << 9    # first word of a multi-word city
STATE = 1 << 10       # US state name or postal abbreviation
LABEL = 1 << 11       # first word of an identifier label (MRN, acct, serial...)
MONTH = 1 << 12       # month name or abbreviation
CUE = 1 << 13         # a word that announces a name (Dr, wife, RN, pt, per)
STREET = 1 << 14      # street-type word (St, Ave, Road, Box)
PHRASE = 1 << 15      # first word of a multi-word eponym or brand (Jackson-Pratt, Da Vinci)
TOWN = 1 << 16        # one-word place below state level (GeoNames, any size >= 500 in the US)
TOWN_HEAD = 1 << 17   # first word of a multi-word place or county (Coos Bay, Grays Harbor)
COUNTY = 1 << 18      # US county name without the word "County"
COUNTRY = 1 << 19     # country name: above state level, never redacted as a place
COMMON = 1 << 20      # English word with Zipf frequency >= 4.5 (wordfreq): "hope", "lake"
VERY_COMMON = 1 << 21  # Zipf >= 5.5: grammar and everyday words ("will", "may", "on")
WEEKDAY = 1 << 22     # day of the week
PICK = 1 << 23        # set per typed form (not here): a name/place rule may fire on it

# how the name of a procedure ends ("prostatectomy", "craniotomy"): the word lists hold few
# of them, and a procedure in a name's slot is no name
PROCEDURE_ENDINGS = ("ectomy", "otomy", "ostomy", "plasty", "pexy", "rrhaphy", "desis",
                     "plication", "scopy")

NAMEISH = FIRST | LAST
NOT_NAME = MEDICAL | EPONYM
PLACE = CITY | CITY_HEAD | TOWN | TOWN_HEAD | COUNTY
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()

STATES = (
    "al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj "
    "nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc "
    "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia "
    "hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts "
    "michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon "
    "pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming"
).split()


def _lines(name: str) -> Iterator[str]:
    path = DATA_DIR / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"cannot read lexicon {name}") from exc
    yield from [x for x in map(str.strip, text.split("\n")) if x and x[0] != "#"]


def _mark_all(flags: dict[str, int], words: Iterable[str], bit: int) -> None:
    """flags[w] |= bit for every word; one loop, no call per word (start-up time)."""
    new = dict.fromkeys(words, bit)
    for w in new.keys() & flags.keys():  # the few already known keep their bits
        new[w] |= flags[w]
    flags.update(new)


@dataclass(frozen=True, slots=True)
class Lexicon:
    flags: dict[str, int]
    multi_cities: dict[str, tuple[tuple[str, ...], ...]]  # head word -> remaining words
    # towns and counties: "first second" -> the words after those two, longest first
    multi_towns: dict[str, tuple[tuple[str, ...], ...]]
    eponym_phrases: frozenset[str]  # hyphenated / multi-word eponyms, lower case

    @classmethod
    def load(cls, extra: dict[int, Iterable[str]] | None = None) -> Lexicon:
        """Read every list; `extra` adds flag bits for caller-defined word sets."""
        # ~300k strings and tuples, none of them cyclic: the collector would only rescan
        # them over and over while they are built (a sixth of start-up time).
        enabled = gc.isenabled()
        gc.disable()
        try:
            return cls._load(extra)
        finally:
            if enabled:
                gc.enable()

    @classmethod
    def _load(cls, extra: dict[int, Iterable[str]] | None) -> Lexicon:
        flags: dict[str, int] = {}

        def mark(word: str, bit: int) -> None:
            flags[word] = flags.get(word, 0) | bit

        _mark_all(flags, _lines("english_words.txt"), ENGLISH)
        given = list(_lines("first_names.txt"))  # most frequent first
        _mark_all(flags, given[:1200], FIRST | FIRST_TOP)
        _mark_all(flags, given[1200:], FIRST)
        surnames = list(_lines("surnames.txt"))
        _mark_all(flags, surnames[:5000], LAST | LAST_TOP)
        _mark_all(flags, surnames[5000:40000], LAST)
        for word in _lines("medical_terms.txt"):
            mark(word, MEDICAL)
        phrases: set[str] = set()
        for line in _lines("eponyms.txt"):
            star = line.endswith(" *")
            word = line[:-2] if star else line
            if "-" in word or " " in word:
                phrases.add(word)
                word = word.replace("-", " ").split()[0]
                # the compound is kept whole by the phrase rule; its first word alone
                # ("Smith", "Van", "Brown") stays a possible name
                mark(word, PHRASE | EPONYM_CTX)
                continue
            mark(word, EPONYM_CTX if star else EPONYM)
        # Package-derived lists (scripts/build_deid_lexicons.py): names of every country,
        # places below state level, and how common each such word is as an English word.
        # A word of English that only another country's name list holds ("Closure",
        # "Specimen") is the word: the world lists add names, not readings of words.
        for name, bit in (("world_given_names.txt", FIRST), ("world_surnames.txt", LAST)):
            _mark_all(flags, [w for w in _lines(name)
                              if not flags.get(w, 0) & ENGLISH or flags.get(w, 0) & NAMEISH], bit)
        for line in _lines("word_zipf.txt"):
            word, _, z = line.rpartition(" ")
            zipf = int(z)
            if zipf >= 45:
                mark(word, COMMON | (VERY_COMMON if zipf >= 55 else 0))
        for word in _lines("given_names_not_words.txt"):
            if word in flags:
                flags[word] &= ~ENGLISH
        multi: dict[str, list[tuple[str, ...]]] = {}
        for line in _lines("cities.txt"):
            words = tuple(w for w in line.replace(".", " ").replace("-", " ").split())
            if len(words) == 1:
                mark(words[0], CITY)
            else:
                mark(words[0], CITY_HEAD)
                multi.setdefault(words[0], []).append(words[1:])
        # keyed by the first two words: "new" alone heads thousands of places
        pairs: dict[str, list[tuple[str, ...]]] = {}
        for name, bit in (("towns.txt", TOWN), ("counties.txt", COUNTY)):
            lines = list(_lines(name))
            _mark_all(flags, [x for x in lines if " " not in x], bit)
            multi_words = [x.split() for x in lines if " " in x]
            _mark_all(flags, [w[0] for w in multi_words], TOWN_HEAD)
            for w in multi_words:
                pairs.setdefault(f"{w[0]} {w[1]}", []).append(tuple(w[2:]))
        for line in _lines("countries.txt"):
            if " " not in line:
                mark(line, COUNTRY)
        for word in WEEKDAYS:
            mark(word, WEEKDAY)
        for word in STATES:
            mark(word, STATE)
        for bit, extra_words in (extra or {}).items():
            for word in extra_words:
                mark(word, bit)
        if len(flags) < 1000:
            raise LexiconError("lexicons look truncated")
        ordered = {h: tuple(sorted(v, key=len, reverse=True)) for h, v in multi.items()}
        by_len = {h: tuple(v) if len(v) == 1 else tuple(sorted(set(v), key=len, reverse=True))
                  for h, v in pairs.items()}
        return cls(flags=flags, multi_cities=ordered, multi_towns=by_len,
                   eponym_phrases=frozenset(phrases))
