"""A link's query pasted URL-encoded whole, its "=" and "&" encoded too
("ref%3DA-1%26pt%3DKowalski%2C%20Jan%26mrn%3D…"): after a name's or a phone's key and
"%3D", the value up to the next "%26" (or blank, "&", quote) is that person's name or
phone. record_fields.py reads "name=Jan%20Kowalski" with a plain "="; with the "=" encoded
it sees one long word. Kept: other keys ("room%3D", "status%3D", "ref%3D"), a name's
value with no letter once decoded or a placeholder ("unknown"), a phone's with fewer than
seven digits, a name's value that url_names would not read as a name ("name%3DLaparotomy"
is a case's, "name%3DReady" a status), a font's "family" beside its size, weight or style
("family%3DTahoma%26size%3D12").

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import unquote

from .url_names import font_family, name_shaped

RULE = "encoded_query"
_PRIO = 2

Span = tuple[int, int, str, str, int]

_NAME_KEYS = ("name", "pt", "patient", "ptname", "pt_name", "patient_name", "fullname",
              "full_name", "surname", "lname", "fname", "given", "family", "nok", "kin",
              "guardian", "contact", "caller", "wife", "husband", "spouse", "mother",
              "father")
_PHONE_KEYS = ("phone", "tel", "telephone", "mobile", "cell", "handy", "ph")
_FAX_KEYS = ("fax",)
_KEY_CAT = {**{k: "NAME" for k in _NAME_KEYS}, **{k: "PHONE" for k in _PHONE_KEYS},
            **{k: "FAX" for k in _FAX_KEYS}}
_PAIR = re.compile(
    r"(?i)(?:(?<=%26)|(?<=%3f)|(?<=%20)|(?<![A-Za-z0-9%_]))"
    rf"(?P<key>{'|'.join(sorted(_KEY_CAT, key=len, reverse=True))})%3d"
    r"(?P<val>(?:[^\s%&\"'<>]|%(?!26|3d|3f)[0-9a-f]{2}){1,120})")
_PLACEHOLDER = frozenset(("unknown", "none", "null", "n/a", "na", "tbd", "pending", "test",
                          "redacted", "self"))


def scan(text: str, plain_word: Callable[[str], bool]) -> list[Span]:
    """The values of names' and phones' keys in a URL-encoded query."""
    if "%3D" not in text and "%3d" not in text:
        return []
    found: list[Span] = []
    for m in _PAIR.finditer(text):
        cat = _KEY_CAT[m.group("key").lower()]
        value = unquote(m.group("val")).strip(" ,")
        if cat == "NAME":
            if m.group("key").lower() == "family" and font_family(text, m.start(), m.end()):
                continue
            if not any(c.isalpha() for c in value) or value.lower() in _PLACEHOLDER \
                    or not name_shaped(value, plain_word):
                continue
        elif sum(c.isdigit() for c in value) < 7:
            continue
        found.append((m.start("val"), m.end("val"), cat, RULE, _PRIO))
    return found
