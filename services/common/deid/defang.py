"""Addresses written so that no program links them: "hxxp://", "example[.]org",
"www(dot)site(dot)org", "10[.]22[.]4[.]117", "192 . 168 . 1 . 44".

Security staff and careful writers "defang" links and addresses this way; read back, they
are URLs, e-mails and IP addresses like any other. Each piece is (start, end, what it
stands for) in the view, for normalise._apply_pieces.
"""

from __future__ import annotations

import re

_SIGNS = ("[.]", "(.)", "{.}", "dot)", "dot]", "dot}", "hxxp", " . ")


def hinted(text: str) -> bool:
    """A cheap test first (plain substring checks): most notes hold none of these."""
    low = text.lower()
    return any(map(low.__contains__, _SIGNS))


_BRACKETED = re.compile(r"[\[({](?:\.|dot)[\])}]", re.I)
_TOKEN = re.compile(r"\S+")
_LINK = re.compile(r"(?i)(?:https?://|www\.)")
_IP = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
_HXXP = re.compile(r"\bhxxp(s?)(?=:)", re.I)
# an IPv4 address with a space either side of each dot
# (a run of single characters may already be joined: "0 . 9" reads "0.9")
_SPACED_IP = re.compile(r"(?<![\d.])\d{1,3}(?: ?\. ?\d{1,3}){3}(?![\d.])")


def pieces(out: str) -> list[tuple[int, int, str]]:
    """(start, end, value) for each defanged piece of a link or an IP address in `out`.
    E-mails written "name (at) mail dot com" are read by the e-mail rule as they stand."""
    found: list[tuple[int, int, str]] = []
    for tok in _TOKEN.finditer(out):
        word = tok.group()
        read = _HXXP.sub(lambda m: "http" + m.group(1), _BRACKETED.sub(".", word))
        if "@" in word or not (_LINK.match(read) or _IP.fullmatch(read)):
            continue
        base = tok.start()
        for m in _BRACKETED.finditer(word):
            found.append((base + m.start(), base + m.end(), "."))
        for m in _HXXP.finditer(word):
            found.append((base + m.start(), base + m.end(), "http" + m.group(1)))
    for m in _SPACED_IP.finditer(out):
        if " " in m.group():
            found.append((m.start(), m.end(), m.group().replace(" ", "")))
    return found
