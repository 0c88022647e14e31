"""A public role or a unique job names one person (Safe Harbor item R, "any other unique
identifying characteristic"): "the mayor of Hibbing", "head coach at Red Mesa High",
"the Okeechobee postmaster". The role and its place go together, as one ROLE span.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_ROLES = (r"mayor|sheriff|(?:fire|police)\s+chief|chief\s+of\s+police|"
          r"(?:head\s+|assistant\s+)?(?:football\s+|basketball\s+|baseball\s+|hockey\s+)?coach|"
          r"principal|pastor|priest|rabbi|imam|postmaster|superintendent|ceo|cfo|coo|cto|president|"
          r"founder|chairman|chairwoman|governor|senator|"
          r"congress(?:wo)?man|judge|city\s+manager|town\s+clerk|county\s+clerk|owner|"
          r"district\s+attorney|(?:county\s+)?coroner|harbou?r\s*master|rector|vicar|alderman|"
          r"selectman|(?:tribal\s+|city\s+|town\s+)?council\s*(?:member|man|woman)")
# Substrings that no common word holds ("doctor" holds "cto", "chief complaint" "chief")
_HINTS = ("mayor", "sheriff", "fire chief", "police chief", "chief of police", "coach",
          "principal", "pastor", "priest", "rabbi", "imam ", "postmaster", "superintendent",
          "ceo ", "cfo ", "coo ", "cto ", "president", "founder", "chairman", "chairwoman",
          "governor", "senator", "congress", "judge", "city manager", "clerk", "owner of",
          "owner at", "district attorney", "coroner", "harbor master", "harbour master",
          "harbormaster", " rector", "vicar", "alderman", "selectman", "council m",
          "councilm", "council w", "councilw")
# Where the place ends: punctuation, or a word that goes on with the sentence.
_PLACE = (r"(?:the\s+)?[A-Za-z][\w'&.-]*"
          r"(?:\s+(?!(?:so|and|please|who|per|with|has|is|was|keep|team|for|in|but|comma|"
          r"period|says|said|wants|asked|here|today|now|at)\b)[A-Za-z][\w'&-]*){0,4}")
_ROLE_OF = re.compile(rf"\b(?:{_ROLES})\s+(?:of|at|for)\s+{_PLACE}", re.I)
# In a note written in both cases the place is its capitalised words ("of the Kettle Ridge
# Band"), and it may go on "in Town" or "on Route 9": "owner of Marlow's Tap House on
# Route 12 in Sugar Notch" is one description; lowercase words after it are the sentence.
_CAP = r"(?-i:[A-Z0-9][\w'&.-]*)"
_CAP_PLACE = (rf"(?:the\s+)?{_CAP}(?:\s+(?:(?:of|the|de|del|la|and|&)\s+)?{_CAP}){{0,5}}")
_ROLE_OF_CASED = re.compile(
    rf"\b(?:{_ROLES})\s+(?:of|at|for)\s+{_CAP_PLACE}"
    rf"(?:,?\s+(?:in|on)\s+{_CAP_PLACE}){{0,2}}", re.I)
_PLACE_ROLE = re.compile(
    r"\bthe\s+((?!the\b)(?:[A-Z][\w'-]+\s+){1,3}(?:mayor|sheriff|postmaster|fire\s+chief|police\s+chief|"
    r"superintendent))\b", re.I)
_NOT_PLACE = frozenset(("the", "a", "an", "his", "her", "their", "this", "our", "surgery",
                        "anesthesia", "medicine", "nursing", "the day", "record"))


# "the", "our", "a former" before the role belong to the description: a reader counts
# "the mayor of Hibbing" as the identifier, article and all.
# A rank word goes with it too ("the senior pastor", "a long-time assistant principal").
_ARTICLE_BEFORE = re.compile(
    r"(?i)\b(?:the|our|their|a|an)(?:\s+(?:former|senior|associate|assistant|head|lead|"
    r"long-?time|well-known|elected))*\s+$|\bformer\s+$")


def _with_article(text: str, s: int) -> int:
    a = _ARTICLE_BEFORE.search(text, max(0, s - 40), s)
    return a.start() if a is not None else s


def scan(text: str, low: str, out: list[Span]) -> None:
    if not any(h in low for h in _HINTS):
        return
    cased = not text.islower() and not text.isupper()
    for m in (_ROLE_OF_CASED if cased else _ROLE_OF).finditer(text):
        words = m.group().split()
        tail = words[-1].lower().strip(".,")
        if tail in _NOT_PLACE:
            continue
        if not cased and re.match(r"(?:\S+\s+){1,4}?(?:of|at|for)\s+the\s", m.group(), re.I):
            continue  # "owner of the scrub machine": in one case, nothing marks a name

        out.append((_with_article(text, m.start()), m.end(), "ROLE", "public_role", 1))
    for m in _PLACE_ROLE.finditer(text):
        place = m.group(1).split()[0].lower()
        if place not in _NOT_PLACE:
            out.append((m.start(), m.end(1), "ROLE", "public_role", 1))
