"""A name in a URL's query string copied with its separators percent-encoded as well:
"pt%3DBo%20Yun%26mrn%3D...", "name%3DS%C3%B8rensen%2C%20Maja%26room...". record_fields
reads "name=Jan%20Kowalski" with a plain "=", and the name scanner sees only the pieces
between the escapes ("S%C3%B8rensen"), so the value is taken whole: from the name key's
"%3D" to the next "%26", "&", "#" or space, when it decodes to a name's shape: letters,
no digits, no title, no procedure ("name%3DLaparotomy" is a case's), two capitalised
words or one word that is no plain word ("name%3DReady" is a status), but not a font's
family beside its size or style ("family%3DTahoma%26size%3D12"); three or more plain
words of four letters or more are an order set's or a pathway's name
("name%3DChest%20Pain%20Pathway"; "L%C3%AA%20V%C4%83n%20An" stays a name).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import unquote

Span = tuple[int, int, str, str, int]
Plain = Callable[[str], bool]
RULE = "url_names"

_KEY = (r"(?:pt|patient|name|given|family|surname|(?:pt|patient|first|last|full|given|family"
        r"|sur)[_.-]?name)")
_PAIR = re.compile(
    rf"(?:^|(?<=[\s?&#;\"'(])|(?<=%26)|(?<=%3[Ff])|(?<=%20))(?i:{_KEY})%3[Dd]"
    r"((?:%(?!26|23|3[Bb]|3[Dd])[0-9A-Fa-f]{2}|[^\s%&#\"'<>;=])++)")
_LETTERS = re.compile(r"[^\W\d_]+")
_NOT_NAME = re.compile(r"(?i)\d|[_@/:=]|(?<!\w)(?:dr|rn|crna|md|np|prof)\b|(?:ectomy|otomy"
                       r"|ostomy|plasty|scopy|pexy|rrhaphy|graphy|lysis|desis|centesis|tripsy)\b")
_MAX_WORDS = 6
_FONT = re.compile(r"(?i)font|(?:size|weight|style)%3d")


def font_family(text: str, start: int, end: int) -> bool:
    """Whether a "family" key's value at start..end is a font's, beside its size, weight or
    style ("family%3DTahoma%26size%3D12")."""
    return _FONT.search(text, max(0, start - 60), end + 60) is not None


def scan(text: str, plain_word: Plain) -> list[Span]:
    """The names above, as spans."""
    found: list[Span] = []
    if "%3" not in text:  # ("%3D", "%3d" and "%3F" all hold it)
        return found
    for m in _PAIR.finditer(text):
        if m.group(0)[:6].lower() == "family" and font_family(text, m.start(), m.end()):
            continue
        if name_shaped(unquote(m.group(1).replace("+", " ")), plain_word):
            found.append((m.start(1), m.end(1), "NAME", RULE, 1))
    return found


def name_shaped(value: str, plain_word: Plain) -> bool:
    """Whether a query's decoded value reads as a name: letters, no digits, no title, no
    procedure, two capitalised words or a word that is no plain word ("name%3DReady" is a
    status; "L%C3%AA%20V%C4%83n%20An" is a name)."""
    words = _LETTERS.findall(value)
    plain = all(map(plain_word, words))
    return 0 < len(words) <= _MAX_WORDS and _NOT_NAME.search(value) is None \
        and not (plain and (sum(w[0].isupper() for w in words) < 2
                            or (len(words) >= 3 and min(map(len, words)) >= 4)))
