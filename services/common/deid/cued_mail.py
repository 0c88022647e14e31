"""An e-mail address read out right after the word "email": "email is omar dot brisk at
lantern dot test", "e-mail: k marsh at example dot net", "quarry post dot net".

patterns' spoken-address rule knows an address by its ending (a generic or country
domain, a mail provider), since " at " and " dot " are ordinary words. After "email"
the cue says what follows is an address, so any short ending goes, a lone initial before
the name belongs to it, and the domain may be two words.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_DOT = r"(?:\s*(?:\(dot\)|\[dot\]|\[\.\]|\(\.\))\s*|\s+dot\s+|\.)"
_JOIN = r"(?:\s+(?:underscore|dash|hyphen)\s+|[._-])"
_PART = r"[a-z0-9+]+"
_CUED = re.compile(
    rf"(?i)\be-?mail(?:\s+address)?(?:\s+(?:is|was|to|at))?\s*[:=-]?\s*"
    rf"(?P<addr>(?:[a-z]\s+)?{_PART}(?:(?:{_DOT}|{_JOIN}){_PART})*"
    rf"\s+(?:at|\(at\)|\[at\])\s+[a-z0-9-]+(?:\s+[a-z0-9-]+)?(?:{_DOT}[a-z]{{2,10}}\b)+)")
_NOT_DOMAIN_END = frozenset(("m", "am", "pm"))  # "at 10 dot 30 pm"


def scan(text: str, low: str, out: list[Span]) -> None:
    """Append each read-out address after an e-mail cue to `out`."""
    if "mail" not in low or " at " not in low:
        return
    for m in _CUED.finditer(text):
        addr = m.group("addr")
        if addr.rsplit(None, 1)[-1].rsplit(".", 1)[-1].lower() in _NOT_DOMAIN_END:
            continue
        out.append((m.start("addr"), m.end("addr"), "EMAIL", "email_cued", 2))
