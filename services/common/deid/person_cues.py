"""A person cue right before a span: a title, a relation, "pt" (names.CUES), or a form's
field for a person ("Guardian:", "Visitor:", "daughter-in-law"). The word after one is a
name, even when a "not an identifier" rule knows it as a label, a language or an eponym's
head noun ("brother Lima", "Mr. Loi", "son Asa").
"""

from __future__ import annotations

import re

from .names import CUES, PATIENT, RELATION, TITLE

# the word before a span, past a possessive and its "." or ":"
_WORD_BEFORE = re.compile(r"([^\W\d_]+)(?:['’]s)?[.:]?\s*$")
# the name scanner's own cues for a person: titles, relations, "pt"
NAME_CUES = frozenset(w for w, kind in CUES.items() if kind in (TITLE, RELATION, PATIENT))
# "Attn: Surgery" addresses a department
WORDS = (NAME_CUES
         | frozenset(("name surname guarantor subscriber insured policyholder kin nok "
                      "visitor caller contact escort poa proxy law").split())) - {"attn"}


def word_before(text: str, s: int) -> str | None:
    """The word right before offset `s` (lower case), or None."""
    m = _WORD_BEFORE.search(text, max(0, s - 24), s)
    return m.group(1).lower() if m is not None else None


def before(text: str, s: int) -> bool:
    """A person cue stands right before offset `s`."""
    return word_before(text, s) in WORDS
