"""The value of an address field, in the shapes of other countries: the street before
its number ("Lindenweg 7b", "Calle Pino 9, 2º A"), the postcode after the town
("Grünau 40231"); and a ZIP after a state between slashes ("/ NH / 03820").

After the label ("address", "addr", "dirección", "adresse", "anschrift") the value runs
over comma-separated pieces, each one with a digit or in title case, and ends after the
piece with a postcode; at most four pieces. A value without a digit is no address
("address verified with patient").
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_LABEL = re.compile(r"(?i)\b(?:home\s+)?(?:address|addr|direcci[oó]n|adresse|anschrift|"
                    r"endere[cç]o|indirizzo)\b\.?[ \t]*[:=-]?[ \t]*")
_PIECE = re.compile(r"(?:[^,|;\n.]|\.(?=\S)){1,40}")  # not across a sentence end
_POSTCODE = re.compile(r"\b\d{4,6}(?:-\d{3,4})?$|\b[A-Z]\d[A-Z] ?\d[A-Z]\d$")
_TITLE_WORD = re.compile(r"(?:[A-ZÀ-Þ][\w'’.-]*|de|del|la|le|des|du|von|van|der|am|an|"
                         r"\d[\wº°ª]*|[A-Z])$")
# "/" first: the regex engine skips ahead to each slash
_SLASH_ZIP = re.compile(r"/[ \t]*[A-Z]{2}[ \t]*/[ \t]*(?P<zip>\d{5}(?:-\d{4})?)\b")


def scan(text: str, low: str, out: list[Span]) -> None:
    """Append each address value (and slash-separated ZIP) to `out`."""
    if "/" in text:
        out.extend((m.start("zip"), m.end("zip"), "ZIP", "zip_after_slash", 1)
                   for m in _SLASH_ZIP.finditer(text))
    if "addr" not in low and "direcci" not in low and "adresse" not in low \
            and "anschrift" not in low and "endere" not in low and "indirizzo" not in low:
        return
    for m in _LABEL.finditer(text):
        pos, end = m.end(), -1
        for _ in range(4):
            p = _PIECE.match(text, pos)
            if p is None:
                break
            piece = p.group().strip()
            words = piece.split()
            digit = any(c.isdigit() for c in piece)
            if not words or not ((digit and len(words) <= 5)
                                 or all(_TITLE_WORD.match(w) for w in words)):
                break
            end = p.start() + len(p.group().rstrip())
            if _POSTCODE.search(piece):
                break
            if text[p.end():p.end() + 1] != ",":
                break
            pos = p.end() + 1
        if end > m.end() and any(c.isdigit() for c in text[m.end():end]):
            out.append((m.end(), end, "ADDRESS", "address_field", 1))
