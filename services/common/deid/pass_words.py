"""A password or code word a family gives for updates ("password \"marigold\"", "family
passcode: lantern-77", "code word is PEBBLE9"): whoever holds it is told about the
patient, so it identifies them like a number on a wristband. It is often an ordinary
word, so no shape finds it: the value stands quoted after the word, or after a colon,
"=" or "is" a few words on. Words that say what became of a password ("needed", "set",
"none") are no value.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

# the note's words (lower case) that call this scan; "code" only with its "word"
WORDS = frozenset(("password", "passwords", "passcode", "passcodes", "passphrase", "passphrases",
                   "codeword", "codewords", "safeword", "safewords", "code-word", "safe-word"))
_KEY = r"(?i:pass(?:word|code|phrase)s?|code[ -]?word|safe[ -]?word)"
_QUOTED = re.compile(rf"(?<![\w-]){_KEY}(?![\w-])[^\n\"“”]{{0,40}}?"
                     r"[\"“](?P<v>[^\"”\n]{1,40})[\"”]")
_LABELLED = re.compile(rf"(?<![\w-]){_KEY}(?![\w-])[^\n:=\"“]{{0,40}}?(?:[ \t]*[:=]|[ \t]+(?i:is))"
                       r"[ \t]+(?P<v>[^\s,;\"“]{3,30})")
# what is said of a password, not the password
_NO_VALUE = frozenset(
    "needed required set changed reset none given pending unknown same protected "
    "on off file the a an not to be in at for expired updated verified confirmed "
    "n/a na tbd".split())


def hinted(words: set[str]) -> bool:
    """A word of this scan's among the note's (lower case)."""
    return not WORDS.isdisjoint(words) or ("word" in words and (
        "code" in words or "safe" in words))


def scan(text: str, spans: list[Span]) -> None:
    """Append each password's value to `spans` as an identifier."""
    for rx in (_QUOTED, _LABELLED):
        for m in rx.finditer(text):
            v = m.group("v").rstrip(".").strip()
            if not v or v.lower() in _NO_VALUE:
                continue
            s = m.start("v") + (len(m.group("v")) - len(m.group("v").lstrip()))
            spans.append((s, s + len(v), "ID", "pass_word", 2))
