"""A cardinal number spelled with "thousand" ("forty eight thousand two hundred thirteen"
-> 48213), for the view's number words (attack/report.md H5): the digit-by-digit reading
there stops at a "thousand" after a tens word and gave up on the whole run."""

from __future__ import annotations

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine".split())}
TEENS = {w: i + 10 for i, w in enumerate(
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: (i + 2) * 10 for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}


def cardinal(words: list[str]) -> str | None:
    """Digits of a run with "thousand" read as one number, or None when it is not one
    well-formed cardinal (then the caller reads it its own way)."""
    if "thousand" not in words:
        return None
    total = current = 0
    last = ""  # the kind of the word before: unit, teen, tens, hundred, thousand
    for w in words:
        if w in UNITS and last in ("", "tens", "hundred", "thousand"):
            current, last = current + UNITS[w], "unit"
        elif w in TEENS and last in ("", "hundred", "thousand"):
            current, last = current + TEENS[w], "teen"
        elif w in TENS and last in ("", "hundred", "thousand"):
            current, last = current + TENS[w], "tens"
        elif w == "a" and last in ("", "thousand"):
            current, last = 1, "unit"
        elif w == "hundred" and last in ("unit", "") and current < 10:
            current, last = (current or 1) * 100, "hundred"
        elif w == "thousand" and last != "thousand" and total == 0:
            total, current, last = (current or 1) * 1000, 0, "thousand"
        else:
            return None
    return str(total + current)
