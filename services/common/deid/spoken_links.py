"""Web addresses said aloud: "caring bridge dot org slash visit slash nanaflo",
"w w w dot gofundme dot com slash f slash help grandpa lou"; and, from the start of the
scan (`scan_spelled`), links read out or typed with spaces after "www" or a scheme.

A domain said with "dot" before a known ending, and any path said with "slash", "dash"
and "underscore", is one URL; the path's words run on until a word of ordinary grammar
("that", "for", "and") or the clause's end. A word said before the domain joins it when
it is no word of grammar ("caring bridge"): a site's name is often said as two words.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_END = (r"(?:com|org|net|edu|gov|io|co|us|uk|ca|info|me|de|fr|ru|nl|it|es|au|ch|se|no|ie|"
        r"nz|in|jp|br)")
_W = r"[A-Za-z0-9][A-Za-z0-9-]*"
_LINK = re.compile(
    rf"(?<![\w.])(?:(?:w\s+w\s+w|www)\s+dot\s+)?{_W}(?:\s+dot\s+{_W})*\s+dot\s+{_END}\b"
    rf"(?P<path>(?:\s+slash\s+{_W}(?:\s+(?:dash|underscore|dot)\s+{_W})*)*)", re.I)
_MORE = re.compile(rf"\s+({_W})")
_STOP = frozenset(
    "a an and are as at be but by for from has have he her his in is it its of on or our "
    "please pls she so that the their them then they this to was we were which who will "
    "with you your".split())
_MAX_MORE = 3


def scan(text: str, out: list[Span]) -> None:
    """Append each spoken web address as URL."""
    for m in _LINK.finditer(text):
        start, end = m.start(), m.end()
        if m.group("path"):
            for _ in range(_MAX_MORE):  # "slash help grandpa lou": the path said as words
                w = _MORE.match(text, end)
                if w is None or w.group(1).lower() in _STOP:
                    break
                end = w.end()
        before = re.search(rf"({_W})\s+$", text[max(0, start - 24):start])
        if before is not None and before.group(1).lower() not in _STOP \
                and not before.group(1).isdigit():
            start -= len(before.group(0))
        out.append((start, end, "URL", "url_spoken", 2))


_DOT = r"(?:\s+dot\s+|\s*[.·]\s*)"
_SLASH = r"(?:\s+slash\s+|\s*/\s*)"
_WORD = r"[a-z0-9-]+"
_SPELLED = re.compile(
    r"(?i)\b(?:(?:https?|h\s?t\s?t\s?p\s?s?)\s+colon\s+slash\s+slash\s+(?:" + _WORD
    + r"\s+){0,3}?|(?:www|w\s?w\s?w)" + _DOT + r")" + _WORD + r"(?:" + _DOT + _WORD + r")+"
    r"(?:" + _SLASH + _WORD + r")*")


def scan_spelled(text: str, out: list[Span]) -> None:
    """A link read out or typed with spaces, path and all: "w w w dot example dot org
    slash smith", "https colon slash slash live dot example dot com slash bront", "www .
    site . example . org / visit / name". It must start with "www" or a scheme and "colon
    slash slash", so "the dot on the skin" and "slash the fascia" stay."""
    low = text.lower()
    if ("www" not in low and "w w w" not in low and "colon slash" not in low) \
            or ("dot" not in low and "." not in low and "·" not in low):
        return
    out.extend((m.start(), m.end(), "URL", "url_spoken", 2) for m in _SPELLED.finditer(text))
