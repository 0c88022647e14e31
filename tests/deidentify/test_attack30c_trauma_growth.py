"""attack30c: aliases.trauma_codes (b296012) compiles a pattern for each distinct code it
found and searches the whole note with each ('the same word and number again anywhere'):
a note of many distinct codes ('TRAUMA QUEBEC-14 seen. TRAUMA ROMEO-15 seen. ...') costs
codes x length, the square of the note. Measured alone: about 52x the time for 8x the
text (0.3 ms -> 16 ms). NEW: base 6bf8130 had no such scan. Values invented."""

from __future__ import annotations

from services.common.deid import aliases

from .growth import assert_grows_linearly

_WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike "
          "november oscar papa quebec romeo sierra tango uniform victor whiskey yankee "
          "zulu").upper().split()


def _codes(length: int) -> str:
    parts: list[str] = []
    size = 0
    i = 0
    while size < length:
        part = f"TRAUMA {_WORDS[i % len(_WORDS)]}-{i % 1000} seen. "
        parts.append(part)
        size += len(part)
        i += 1
    return "".join(parts)[:length]


def test_many_trauma_codes_scan_in_proportion_to_the_note() -> None:
    assert_grows_linearly(lambda note: aliases.trauma_codes(note, []), _codes)
