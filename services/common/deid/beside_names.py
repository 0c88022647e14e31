"""Words beside a name already found that are the same person's:

- a nickname in brackets between the given name and the surname: "Tomasz (Tom) [Wek]";
- the name written in another script right before it in brackets, or after a "name …:"
  label: "ليلى حداد ([Mrs Layla Haddad])", "Greek name on card: Νίκος Παππάς";
- a word a web page's HTML entities mangled right before it: "Br&eacute;nda [Kolt]";
- the name clipped in capitals, as a field too short prints it: "[Ms Tahu Wharerau…]
  … truncated to WHARERA" (six letters or more, the start of a word of the name).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from . import lexicon as lx

Span = tuple[int, int, str, str, int]
Flags = Callable[[str], int]
RULE = "beside_names"
# a word that is never a name's: ordinary, clinical, a cue or a label ("patie&#39;nt")
_PLAIN = (lx.ENGLISH | lx.COMMON | lx.VERY_COMMON | lx.MEDICAL | lx.LABEL | lx.CUE
          | lx.MONTH | lx.WEEKDAY | lx.EPONYM)

_NICK = re.compile(r"[ \t]*+\(([A-Z][a-z]{1,11}+)\)[ \t]++")
_X = r"[^\W\d_A-Za-z\u00c0-\u024f]"  # a letter of another script
_SCRIPT_RUN = re.compile(rf"{_X}++(?:[ ]{_X}++){{1,3}}")
_SCRIPT_BEFORE = re.compile(rf"({_X}++(?:[ ]{_X}++){{1,3}})[ \t]*+\([ \t]*+"
                            r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]++)?$")
_NAME_LABEL = re.compile(rf"(?i:\bname\b)[^:\n]{{0,24}}:[ \t]*+({_X}++(?:[ ]{_X}++){{1,3}})")
_ENTITY_WORD = re.compile(r"[A-Za-z]++(?:&(?:[a-z]{2,8}|#\d{2,4});[A-Za-z]++)++[ \t]++$")
_LONG_WORD = re.compile(r"[A-Za-z]{7,}")
_SIX_CAPS = re.compile(r"[A-Z]{6}")  # (_CAPS's, found fast: a capital first)
_CAPS = re.compile(r"(?<![\w'’-])[A-Z]{6,}+(?![\w'’-])")


def _cased_name(words: str) -> bool:
    """Each word opens with a capital, or its script has no capitals (a name's way)."""
    return all(w[0].isupper() or w[0].lower() == w[0].upper() for w in words.split())


def _mangled_name(word: str, flags_of: Flags) -> bool:
    """The entity-mangled word, decoded, is a name's: three letters or more, no cue,
    relation or ordinary word ("husb&#39;and", "Q&amp;A" are not)."""
    letters = "".join(c for c in html.unescape(word) if c.isalpha())
    if len(letters) < 3:
        return False
    f = flags_of(letters.lower())
    return not f & _PLAIN or bool(f & lx.FIRST and not f & (lx.CUE | lx.LABEL))


def _nickname(nick: str, before: str, flags_of: Flags) -> bool:
    """A listed given name, or the start of the name word before it ("Tomasz (Tom)")."""
    f = flags_of(nick.lower())
    if f & (lx.MEDICAL | lx.LABEL | lx.CUE):
        return False
    words = before.split()
    return bool(f & lx.FIRST) or (bool(words) and words[-1][:2].lower() == nick[:2].lower())


def scan(text: str, merged: list[Span], flags_of: Flags) -> list[Span]:
    """The words above, as spans."""
    names = [sp for sp in merged if sp[2] == "NAME"]
    if not names:
        return []
    found: list[Span] = []
    starts = {sp[0] for sp in names}
    for s, e, *_ in names:
        lead = text[max(0, s - 60):s]
        if not lead.isascii() and (m := _SCRIPT_BEFORE.search(lead)) is not None \
                and _cased_name(m.group(1)):
            base = s - len(lead)
            found.append((base + m.start(1), base + m.end(1), "NAME", RULE, 1))
        if "&" in lead and (m := _ENTITY_WORD.search(lead)) is not None and m.group().strip() \
                and _mangled_name(m.group().strip(), flags_of):
            found.append((s - len(lead) + m.start(), e, "NAME", RULE, 1))
        if (m := _NICK.match(text, e)) is not None and m.end() in starts \
                and _nickname(m.group(1), text[s:e], flags_of):
            found.append((m.start(1), m.end(1), "NAME", RULE, 1))
    # (another script's words: none in an ASCII note)
    for m in _NAME_LABEL.finditer(text) if not text.isascii() else ():
        if _cased_name(m.group(1)):
            found.append((m.start(1), m.end(1), "NAME", RULE, 1))
    words = {w.upper() for s, e, *_ in names for w in _LONG_WORD.findall(text, s, e)}
    if words and _SIX_CAPS.search(text) is not None:
        for m in _CAPS.finditer(text):
            clip = m.group()
            if any(w.startswith(clip) and w != clip for w in words) \
                    and not flags_of(clip.lower()) & _PLAIN:
                found.append((m.start(), m.end(), "NAME", RULE, 1))
    return found
