"""Parsing JSON from the wire with bounds the standard parser lacks.

`json.loads` recurses once per nesting level (RecursionError near 1,000), refuses
integers over 4,300 digits with a bare ValueError, and accepts unpaired surrogate
escapes that no encoder takes later. `loads` checks the depth before parsing, refuses
unpaired surrogates, and turns every failure into one `JsonRejected` whose message
names the problem without quoting the input.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

MAX_DEPTH = 32  # request bodies nest 3-4 levels; anything deeper is not ours


class JsonRejected(ValueError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


_STRUCTURE = re.compile(rb'["\[\]{}]')
_STRING_REST = re.compile(rb'(?:[^"\\]++|\\.)*+"', re.DOTALL)


def too_deep(raw: bytes, limit: int) -> bool:
    """True when arrays/objects in the JSON text `raw` nest deeper than `limit`, found
    without parsing it: brackets are counted outside strings, and each string is skipped
    in one regex step. Request bodies and Kafka records both go through this."""
    if raw.count(b"[") + raw.count(b"{") <= limit:
        return False  # cannot nest deeper than it has brackets: the usual, cheap answer
    depth = 0
    position = 0
    while (found := _STRUCTURE.search(raw, position)) is not None:
        char = raw[found.start()]
        position = found.end()
        if char == 0x22:  # a string: jump past its closing quote
            rest = _STRING_REST.match(raw, position)
            if rest is None:
                return False  # unterminated: nothing after it nests; the parser refuses it
            position = rest.end()
        elif char in (0x5B, 0x7B):
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def loads(raw: str | bytes, *, max_depth: int = MAX_DEPTH) -> Any:
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError:
        raise JsonRejected("invalid_json", "body is not valid UTF-8") from None
    if too_deep(raw if isinstance(raw, bytes) else text.encode("utf-8", "surrogatepass"),
                max_depth):
        raise JsonRejected("json_too_deep", f"JSON nests deeper than {max_depth} levels")
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        raise JsonRejected("invalid_json", "body is not valid JSON") from None
    except RecursionError:  # unreachable below the depth limit; kept as a backstop
        raise JsonRejected("json_too_deep", "JSON nests too deeply") from None
    except ValueError:  # the only other one json raises: Python's integer digit limit
        raise JsonRejected("number_too_long", "a number has more than "
                           f"{sys.get_int_max_str_digits()} digits") from None
    if "\\u" in text and _has_lone_surrogate(value):
        raise JsonRejected("invalid_json", "a string holds an unpaired surrogate escape "
                           "(\\ud800-\\udfff); it is not text")
    return value


def _has_lone_surrogate(value: Any) -> bool:
    """json accepts "\\ud800" alone; it then fails whoever encodes it (a 500 later)."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
