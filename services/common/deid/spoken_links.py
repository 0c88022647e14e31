"""A web address read out or typed with spaces, path and all: "w w w dot example dot org
slash smith", "https colon slash slash live dot example dot com slash bront" (the view
joins spaced letters), "www . site . example . org / visit / name". patterns.py finds
links typed whole and e-mails said aloud; a link said aloud kept its path (a name).

It must start with "www" or a scheme and "colon slash slash", so "the dot on the skin"
and "slash the fascia" stay.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_DOT = r"(?:\s+dot\s+|\s*[.·]\s*)"
_SLASH = r"(?:\s+slash\s+|\s*/\s*)"
_WORD = r"[a-z0-9-]+"
_LINK = re.compile(
    r"(?i)\b(?:(?:https?|h\s?t\s?t\s?p\s?s?)\s+colon\s+slash\s+slash\s+(?:" + _WORD
    + r"\s+){0,3}?|(?:www|w\s?w\s?w)" + _DOT + r")" + _WORD + r"(?:" + _DOT + _WORD + r")+"
    r"(?:" + _SLASH + _WORD + r")*")


def scan(text: str, out: list[Span]) -> None:
    """Add URL spans for the links above."""
    low = text.lower()
    if ("www" not in low and "w w w" not in low and "colon slash" not in low) \
            or ("dot" not in low and "." not in low and "·" not in low):
        return
    out.extend((m.start(), m.end(), "URL", "url_spoken", 2) for m in _LINK.finditer(text))
