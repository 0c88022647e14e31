"""A found town after a place cue takes the direction word before it and the place word
after it ("from East [St. Louis]", "from Southwest [Denver]", "from Upper [Darby]",
"from [Jackson] Heights"): the name lists hold "St. Louis" and "Darby", not every
"East"/"Upper"/"Heights" form, and half a town name left in says where the patient lives.
Only after a place cue ("from", "frm", "in", "near", "to", "of", "at"), so "Dr. Jackson"
and "upper GI" stay as they were.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_DIRECTION = (r"(?:(?:north|south)(?:east|west)|east|west|north|south|upper|lower|old|fort|"
              r"port|mount|mt\.?|lake|downtown)")
_CUE = r"(?:from|frm|in|near|to|of|at|outside)"
_BEFORE = re.compile(r"(?i)\b" + _CUE + r"\s+(" + _DIRECTION + r")\s+$")
_CUE_BEFORE = re.compile(r"(?i)\b" + _CUE + r"\s+$")
_AFTER = re.compile(
    r"(?i)\s+(?:heights|falls|springs|hills|park|village|beach|harbor|harbour|valley|junction|"
    r"city|creek|grove|gardens|ridge|bluffs|rapids|crossing|landing|point|center|centre)\b")
_WIDENED = frozenset(("NAME", "LOCATION"))
_WORDS = frozenset((
    "east west north south northeast northwest southeast southwest downtown "
    "upper lower old fort port mount mt lake heights falls springs "
    "hills park village beach harbor harbour valley junction city creek grove gardens ridge "
    "bluffs rapids crossing landing point center centre").split())


def widen(text: str, words: set[str], spans: list[Span]) -> bool:
    """Widen NAME/LOCATION spans in `spans` in place; whether any changed. `words`: the
    note's norms, which must hold a direction or place word."""
    if _WORDS.isdisjoint(words):
        return False
    changed = False
    for k, (s, e, cat, rule, prio) in enumerate(spans):
        if cat not in _WIDENED:
            continue
        b = _BEFORE.search(text, max(0, s - 24), s)
        ns = b.start(1) if b else s
        if b is None and not _CUE_BEFORE.search(text, max(0, s - 12), s):
            continue
        a = _AFTER.match(text, e)
        ne = a.end() if a else e
        if (ns, ne) != (s, e):
            spans[k] = (ns, ne, "LOCATION", rule, prio)
            changed = True
    return changed


# The town after a street address: ", Wexbury" or " in Quarrington", in title case; not
# the address's own unit ("Apt 2") or a word that goes on with the sentence.
_TOWN_AFTER = re.compile(r"(?:,[ \t]*|[ \t]+in[ \t]+)((?-i:[A-Z][a-z][\w'’-]*)"
                         r"(?:[ \t]+(?-i:[A-Z][a-z][\w'’-]*)){0,2})")
_NOT_TOWN = frozenset((
    "apt apartment unit suite ste floor fl room rm bldg building box lot po the pt patient "
    "and but with per wife husband son daughter mother father call please pls he she they "
    "lives home cell phone tel ph").split())


def town_after_street(text: str, spans: list[Span]) -> bool:
    """Add the town written right after each ADDRESS span, or a street's ("Rural Route 7,
    Wexbury"); whether any was added."""
    added = False
    for _s, e, cat, rule, _prio in list(spans):
        if not ((cat == "ADDRESS" and not text[e - 1:e].isdigit())
                or (cat == "LOCATION" and rule.startswith("street"))):
            continue  # an address that ends in its postcode has had its town
        m = _TOWN_AFTER.match(text, e)
        if m is None:
            continue
        end = m.start(1)
        for w in re.finditer(r"\S+", m.group(1)):
            if w.group().lower().strip("'’") in _NOT_TOWN:
                break
            end = m.start(1) + w.end()
        if end == m.start(1):
            continue
        spans.append((m.start(1), end, "LOCATION", "town_after_street", 1))
        added = True
    return added
