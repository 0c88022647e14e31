"""A name found once, echoed in a form the older rules do not read:

- with its initial after a comma, as a header prints it: "hart, e" (a NAME found as
  "hart", then ", e" and the closing quote);
- garbled by a wrong encoding: "Sørensen" read back as "SÃ¸rensen" (UTF-8 taken for
  Latin-1); the garbled word is a name when its repair is one found in the note.

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re
import unicodedata

Span = tuple[int, int, str, str, int]
_PRIO = 2

_INITIAL_AFTER = re.compile(r",[ \t]?[A-Za-z]\.?(?=[\"”'’])")
# a word holding a two-byte UTF-8 sequence read as Latin-1 or Windows-1252
_GARBLED = re.compile(r"[A-Za-z]*(?:[ÃÅÄ][\u0080-\u00bf\u0152-\u2122])[A-Za-z\u0080-\u00ff]*")


def scan(text: str, spans: list[Span]) -> list[Span]:
    """The echoes above of the NAME spans in `spans`."""
    names = [sp for sp in spans if sp[2] == "NAME"]
    if not names:
        return []
    out: list[Span] = []
    if "," in text:
        for s, e, *_ in names:
            m = _INITIAL_AFTER.match(text, e)
            if m is not None:
                out.append((s, m.end(), "NAME", "name_initial_after", _PRIO))
    if "Ã" in text or "Å" in text or "Ä" in text:
        found = {unicodedata.normalize("NFC", text[s:e]).lower() for s, e, *_ in names}
        for m in _GARBLED.finditer(text):
            fixed = _repair(m.group())
            if fixed is not None and fixed.lower() in found:
                out.append((m.start(), m.end(), "NAME", "name_garbled", _PRIO))
    return out


def _repair(word: str) -> str | None:
    for enc in ("cp1252", "latin-1"):
        try:
            return unicodedata.normalize("NFC", word.encode(enc).decode("utf-8"))
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return None
