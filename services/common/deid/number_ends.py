"""The last digits of a number, told as such: "his cell ends in 4471", "personal cell
ending 3318", "social security number ... ends in four four one nine".

Three to four digits (or digit words) after "ends in", "ending (in)" or "last four", with
a word for a phone, social security, record, account or card number a few words before,
identify as much as the whole number does to anyone holding the rest of the record.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_KINDS = {
    "PHONE": r"cell|cellphone|phone|mobile|tel|telephone|landline|number|pager|extension|ext",
    "SSN": r"ssn|social",
    "MRN": r"mrn|chart|record",
    "ACCOUNT": r"account|acct|card|policy|member",
}
_KIND = re.compile(r"(?i)\b(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _KINDS.items()) + r")\b")
_ENDS = re.compile(
    r"(?i)(?:\b(?:ends?|ending)(?:\s+(?:in|with))?"
    r"|\blast\s+(?:4|four)(?:\s+digits)?(?:\s+(?:are|is|of))?)"
    rf"\s*[:=]?\s*(?P<v>\d{{3,4}}|{_DIGIT_WORD}(?:[\s,-]+{_DIGIT_WORD}){{2,3}})(?![\w-])")
_WINDOW = 48
_STOP = re.compile(r"[.;\n]")


def scan(text: str, out: list[Span]) -> None:
    """Append each such number's last digits to `out`, of the kind the cue names."""
    for m in _ENDS.finditer(text):
        before = text[max(0, m.start() - _WINDOW):m.start()]
        cues = list(_KIND.finditer(before))
        if not cues or _STOP.search(before, cues[-1].end()):
            continue
        # "social security number ... ends in": the kind word, not the generic "number"
        named = [c for c in cues if c.group().lower() != "number"]
        cue = named[-1] if named else cues[-1]
        out.append((m.start("v"), m.end("v"), cue.lastgroup or "ID", "number_end", 2))
