"""Words typed with digits for letters, read back as letters for the mention rules:
"t4tt00 of a r4tt13sn4k3", "ph0t0 0f th3 pt's f4c3".

The normalised view folds a digit only between two letters (a code such as "C5-6" or
"NANA4EVR" keeps its digits); a digit at a word's edge ("ph0t0", "0f", "th3") stays a
digit there. The tattoo and photo rules look for words, not codes, so they also read a
copy in which every token that mixes letters with the digits writers use for letters
(0 1 3 4 5 7) has them read as letters. The copy is as long as the text, so a finding
on it is at the same offsets.
"""

from __future__ import annotations

import re

AS_LETTER = str.maketrans("013457", "oleast")  # also name_sweep's reading of "Zebu1on"
_AS_LETTER_BYTES = bytes.maketrans(b"013457", b"oleast")  # the test below, at C speed
_MIXED = re.compile(r"(?<![\w])(?=[013457]*[A-Za-z])(?=[A-Za-z]*[013457])[A-Za-z013457]{2,}(?!\w)")


def fold(text: str, low: str, keys: tuple[bytes, ...]) -> str | None:
    """`text` with its mixed tokens read as letters, or None when that shows none of
    `keys` (lower-case words the caller looks for) that `low` (text.lower()) lacks.

    The test reads every look-alike digit of the note as a letter at C speed; most notes
    gain no key word that way and stop here."""
    raw = low.encode("utf-8", "surrogatepass")  # a lone surrogate is text too
    rough = raw.translate(_AS_LETTER_BYTES)
    if rough == raw:
        return None
    for k in keys:  # a plain loop: this runs for nearly every note
        if k in rough and rough.count(k) > raw.count(k):
            break
    else:
        return None
    pieces: list[str] = []
    pos = 0
    for m in _MIXED.finditer(text):
        pieces.append(text[pos:m.start()])
        pieces.append(m.group().translate(AS_LETTER))
        pos = m.end()
    if not pieces:
        return None
    pieces.append(text[pos:])
    return "".join(pieces)
