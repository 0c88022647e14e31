"""Turn an approved update into post text that fits one channel, measured its way.

Each network counts differently, and a post one unit too long is refused
outright, so every candidate text is measured whole with the channel's own
function before it is chosen:

| channel | unit | limit |
|---|---|---|
| Mastodon | grapheme clusters; an http(s) URL counts `characters_reserved_per_url` | instance |
| Bluesky | grapheme clusters, and ≤ 10 UTF-8 bytes per unit (the 3000-byte cap) | 300 |
| X | twitter-text v3 weights: 1 for Latin etc., 2 for CJK and emoji; URLs 23 | 280 |

Grapheme clusters follow UAX #29 closely enough for post text (combining
marks, ZWJ emoji sequences, flags, Hangul jamo) without a dependency; the
`regex` module's `\\X` would make them exact. Where a network might or might
not treat a token as a link, we count whichever is longer, so we may fit a
little short but never over.

Fitting drops trailing hashtags first, then shortens the note at a word
boundary with "…", then the header; a word or hashtag is never cut in half.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .adapters.base import TextLimits

ELLIPSIS = "…"
URL_WEIGHT = 23  # t.co length; Mastodon's default characters_reserved_per_url

# --- grapheme clusters ------------------------------------------------------

_CR, _LF, _ZWJ = 0x0D, 0x0A, 0x200D
_PICTOGRAPHIC = (
    (0x00A9, 0x00A9), (0x00AE, 0x00AE), (0x203C, 0x203C), (0x2049, 0x2049),
    (0x2122, 0x2122), (0x2139, 0x2139), (0x2194, 0x21AA), (0x231A, 0x23FF),
    (0x24C2, 0x24C2), (0x25AA, 0x25FE), (0x2600, 0x27BF), (0x2934, 0x2935),
    (0x2B05, 0x2B55), (0x3030, 0x3030), (0x303D, 0x303D), (0x3297, 0x3299),
    (0x1F000, 0x1FAFF),
)  # fmt: skip


def _pictographic(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in _PICTOGRAPHIC)


def _regional(cp: int) -> bool:
    return 0x1F1E6 <= cp <= 0x1F1FF


def _control(cp: int) -> bool:
    return unicodedata.category(chr(cp)) in ("Cc", "Zl", "Zp")


def _extend(cp: int) -> bool:
    if cp in (_ZWJ, 0x200C) or 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F:
        return True
    return unicodedata.category(chr(cp)) in ("Mn", "Me", "Mc")


def _hangul(cp: int) -> str:
    if 0x1100 <= cp <= 0x115F or 0xA960 <= cp <= 0xA97C:
        return "L"
    if 0x1160 <= cp <= 0x11A7 or 0xD7B0 <= cp <= 0xD7C6:
        return "V"
    if 0x11A8 <= cp <= 0x11FF or 0xD7CB <= cp <= 0xD7FB:
        return "T"
    if 0xAC00 <= cp <= 0xD7A3:
        return "LV" if (cp - 0xAC00) % 28 == 0 else "LVT"
    return ""


def _joins(prev: int, cp: int, regional_run: int) -> bool:
    if prev == _CR and cp == _LF:
        return True
    if _control(prev) or _control(cp):
        return False
    a, b = _hangul(prev), _hangul(cp)
    if (a == "L" and b in ("L", "V", "LV", "LVT")) or (a in ("LV", "V") and b in ("V", "T")):
        return True
    if a in ("LVT", "T") and b == "T":
        return True
    if _extend(cp):
        return True
    if prev == _ZWJ and _pictographic(cp):
        return True
    return _regional(prev) and _regional(cp) and regional_run % 2 == 1


def graphemes(text: str) -> list[str]:
    clusters: list[str] = []
    regional_run = 0
    for ch in text:
        cp = ord(ch)
        if clusters and _joins(ord(clusters[-1][-1]), cp, regional_run):
            clusters[-1] += ch
        else:
            clusters.append(ch)
        regional_run = regional_run + 1 if _regional(cp) else 0
    return clusters


def grapheme_count(text: str) -> int:
    return len(graphemes(text))


# --- URLs ---------------------------------------------------------------------

# A link ends before trailing punctuation and starts after a space or bracket,
# as in twitter-text (which both Mastodon and X use).
_TRAIL = r"(?=[.,;:!?'\")\]]*(?:\s|$))"
_DOMAIN = r"(?:[\w-]+\.)+(?P<tld>[a-z]{2,63})(?::\d{1,5})?(?:[/?#]\S*?)?"
_SCHEME_LINK = re.compile(r"https?://\S+?" + _TRAIL, re.IGNORECASE)
_ANY_LINK = re.compile(r"https?://\S+?" + _TRAIL + "|" + _DOMAIN + _TRAIL, re.IGNORECASE)
_DOTTED = re.compile(r"(?P<scheme>https?://)?" + _DOMAIN, re.IGNORECASE)
# TLDs every network recognises; with any other, a token may or may not be a link.
_KNOWN_TLDS = frozenset(
    "com org net edu gov mil int io co dev app health social info me ly uk us ca de fr nl"
    " es it ch at be se no dk fi ie au nz jp in br eu".split()
)


def _url_weighted(text: str, unit: Callable[[str], int], weight: int, *, bare: bool) -> int:
    """`unit` over plain text, links at `weight`. A token that the network may
    not take for a link counts the longer of the two. `bare`: domains without a
    scheme are links too (X)."""
    total, pos = 0, 0
    for m in (_ANY_LINK if bare else _SCHEME_LINK).finditer(text):
        before = text[m.start() - 1] if m.start() else " "
        if before.isalnum() or before in "@$#＠＃_":
            continue  # inside a word or an e-mail address: plain text
        token = m.group(0)
        dotted = _DOTTED.fullmatch(token)
        certain = dotted is not None and dotted.group("tld").lower() in _KNOWN_TLDS
        total += unit(text[pos : m.start()]) + (weight if certain else max(weight, unit(token)))
        pos = m.end()
    return total + unit(text[pos:])


def link_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of http(s) links, for networks that need link markup (Bluesky)."""
    spans = []
    for m in _SCHEME_LINK.finditer(text):
        before = text[m.start() - 1] if m.start() else " "
        if not (before.isalnum() or before in "@$#＠＃_"):
            spans.append(m.span())
    return spans


# --- per-network length -------------------------------------------------------


def mastodon_measure(url_weight: int = URL_WEIGHT) -> Callable[[str], int]:
    def measure(text: str) -> int:
        return _url_weighted(text, grapheme_count, url_weight, bare=False)

    return measure


def bluesky_length(text: str) -> int:
    return max(grapheme_count(text), math.ceil(len(text.encode("utf-8")) / 10))


_X_LIGHT = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))  # weight 1; else 2


def _x_units(text: str) -> int:
    total = 0
    for cluster in graphemes(text):
        cps = [ord(c) for c in cluster]
        if any(_pictographic(cp) or _regional(cp) or cp == 0x20E3 for cp in cps):
            total += 2  # emojiParsingEnabled: one emoji, however many code points
        else:
            total += sum(1 if any(lo <= cp <= hi for lo, hi in _X_LIGHT) else 2 for cp in cps)
    return total


def x_length(text: str) -> int:
    return _url_weighted(unicodedata.normalize("NFC", text), _x_units, URL_WEIGHT, bare=True)


# --- fitting --------------------------------------------------------------------


class FitError(ValueError):
    """Not even the first word of the header fits; the limit is absurdly small."""


@dataclass(frozen=True, slots=True)
class Update:
    procedure: str
    milestone: str
    note: str = ""
    hashtags: Sequence[str] = ()
    link: str | None = None


def normalize_tag(tag: str) -> str:
    word = re.sub(r"\W", "", tag)
    return "#" + word if word else ""


def render(update: Update, limits: TextLimits) -> str:
    return fit(update, max_length=limits.max_length, measure=limits.measure)


def fit(update: Update, *, max_length: int, measure: Callable[[str], int]) -> str:
    def fits(text: str) -> bool:
        return measure(text) <= max_length

    header_words = f"{update.procedure} — {update.milestone}".split()
    if not update.procedure.strip() or not update.milestone.strip():
        header_words = f"{update.procedure} {update.milestone}".split()
    header = " ".join(header_words)
    note_words = update.note.split()
    tags = [t for t in dict.fromkeys(map(normalize_tag, update.hashtags)) if t]
    link = (update.link or "").strip() or None

    for keep in range(len(tags), -1, -1):
        text = _compose(header, " ".join(note_words), link, tags[:keep])
        if fits(text):
            return text
    shortened = _shorten(note_words, lambda note: _compose(header, note, link, ()), fits)
    if shortened is not None:
        return shortened
    for kept_link in dict.fromkeys((link, None)):
        text = _compose(header, "", kept_link, ())
        if fits(text):
            return text
        build = functools.partial(_compose, note="", link=kept_link, tags=())
        shortened = _shorten(header_words, build, fits)
        if shortened is not None:
            return shortened
    raise FitError(f"nothing fits in {max_length}")


def _compose(header: str, note: str, link: str | None, tags: Sequence[str]) -> str:
    text = "\n".join(part for part in (header, note, link) if part)
    if tags:
        text += ("\n\n" if text else "") + " ".join(tags)
    return text


def _shorten(
    words: Sequence[str], build: Callable[[str], str], fits: Callable[[str], bool]
) -> str | None:
    """The longest "w1 … wn…" (n < len) that fits, by binary search over n.

    Our measures grow with n, so the search finds the longest; only a measured
    fit is ever returned either way."""

    def candidate(n: int) -> str:
        return build(" ".join(words[:n]) + ELLIPSIS)

    if len(words) < 2 or not fits(candidate(1)):
        return None
    lo, hi = 1, len(words) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(candidate(mid)):
            lo = mid
        else:
            hi = mid - 1
    return candidate(lo)
