"""An initial said to be one ("initial only: R.", "initials: V.T."): the word "initial"
names what follows as a person's, so one capital with its full stop, or two or three
dotted ones, after it (and "only", "is", a colon) is a NAME. The name rules read a lone
capital as a word or a list mark, with no such cue.

`undotted`: two or three capitals with no stops after "initials" ("initials: KWT",
'"pt_initials": "KWT"' in a bed board's JSON): a person's, unless they spell a word, a
clinical or label abbreviation or a state ("initials: N/A", "initials OK").
"""

from __future__ import annotations

import re
from collections.abc import Callable

Span = tuple[int, int, str, str, int]

_AFTER = re.compile(r"(?i)\binitials?(?:[ \t]++(?:only|is|are|of))?(?:[ \t]*+[:=-])?[ \t]*+"
                    r"(?-i:([A-Z]\.(?:[ \t]?[A-Z]\.){0,2}))(?![\w])")
# led by any mark but a letter or digit: a JSON key's "pt_initials" too
_UNDOTTED = re.compile(r"(?i)(?<![^\W_])initials[\"']?(?:[ \t]++(?:are|of[ \t]+pt))?[ \t]*+[:=-]?"
                       r"[ \t]*+[\"']?(?-i:([A-Z]{2,3}))(?![\w/.&-])")
_NOT_YET = frozenset(("TBD", "TBC", "UNK", "NIL", "NKA"))  # "initials: TBD"
# the gate, as case-blind as _AFTER ("InItial", "iNitials")
HINT = re.compile(r"(?i)nitial")


def scan(text: str, spans: list[Span]) -> bool:
    """Append the initials above to `spans`; True when it grew."""
    taken = [(s, e) for s, e, *_ in spans]
    new = [(m.start(1), m.end(1), "NAME", "initial_named", 1) for m in _AFTER.finditer(text)
           if not any(s <= m.start(1) < e for s, e in taken)]
    spans.extend(new)
    return bool(new)


def undotted(text: str, spans: list[Span], known: Callable[[str], bool]) -> bool:
    """Append the undotted initials above to `spans` (`known`: a word or abbreviation the
    capitals may spell); True when it grew."""
    taken = [(s, e) for s, e, *_ in spans]
    new = [(m.start(1), m.end(1), "NAME", "initials_undotted", 1)
           for m in _UNDOTTED.finditer(text)
           if m.group(1) not in _NOT_YET and not known(m.group(1).lower())
           and not any(s <= m.start(1) < e for s, e in taken)]
    spans.extend(new)
    return bool(new)
