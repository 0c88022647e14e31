"""A phone or fax number half read out in words: the scanners find the part the view
reads as one number, and the digits and digit words around it are the rest of it
("[…] one 4 six", "three one two, one, […]", "[…], extension two one four"), as are the
words that open a number ("plus […]", "area code […]").

Only two or more pieces, or pieces after "ext"/"extension", are taken: "[…] one more
time" keeps its "one".
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_PIECE = r"(?:\d{1,4}|zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_GAP = r"(?:,?[ \t]+|[ \t]*-[ \t]*)"
# after a number a comma may start another one ("[…], four one nine" stays for a human)
_GAP_ON = r"(?:[ \t]+|[ \t]*-[ \t]*)"
_AFTER = re.compile(
    rf"(?i)(?:{_GAP_ON}{_PIECE}(?![\w-])){{2,}}|"
    rf",?[ \t]+(?:ext(?:ension)?\.?|x)[ \t]*{_PIECE}(?:{_GAP}{_PIECE}(?![\w-]))*(?![\w-])")
_BEFORE = re.compile(rf"(?i)(?<![\w-])(?:{_PIECE}{_GAP}){{2,}}$")
_OPENING = re.compile(r"(?i)\b(?:plus|area[ \t]+code|\+)[ \t]*$")
_KINDS = frozenset(("PHONE", "FAX", "ID"))
_LOOKBACK = 80


def widen(text: str, spans: list[Span]) -> bool:
    """Widen PHONE/FAX/ID spans in `spans` in place; whether any changed."""
    changed = False
    for k, (s, e, cat, rule, prio) in enumerate(spans):
        if cat not in _KINDS:
            continue
        ns, ne = s, e
        b = _BEFORE.search(text, max(0, s - _LOOKBACK), s)
        if b is not None:
            ns = b.start()
        o = _OPENING.search(text, max(0, ns - 16), ns)
        if o is not None:
            ns = o.start()
        a = _AFTER.match(text, e)
        if a is not None:
            ne = a.end()
        if (ns, ne) != (s, e):
            spans[k] = (ns, ne, cat, rule, prio)
            changed = True
    return changed
