"""The courtesy title before a name and the dot of a generational suffix after it
("[Mrs. Ferrand]", "[Mister Obi]", "[Herr Lenz]", "[Colby Rusk Jr.]").

Why: the title is part of the name as typed; left beside "[NAME]" it still tells the
patient's sex or marital status, and a reader sees where the name was cut short. "Dr."
is a member of staff's title and stays ("Dr. [NAME]" teaches who operated).

Runs on the engine's merged spans; widens NAME spans in place, never adds one: a title
with no name found after it ("Mr. Clean", "Ms. Pacman") stays as typed.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

# "Mrs. ", "mrs ", "Mister ", "Herr ", "Mme ", "Señora ": a whole word right before the
# name; the abbreviations in any case, the words capitalised ("we miss Ruiz" keeps "miss")
_WORDS = ("Miss|Mister|Missus|Herr|Frau|Monsieur|Madame|Madam|Señora?|Senora?|Senhora|"
          "Signora|Signor")
# the title with its dot and the blanks after it
_TITLED = r"(?:(?i:mrs?|ms|mx|mme|mlle|sra)|" + _WORDS + "|" + _WORDS.upper() + r")\.?[ \t]+"
_TITLE = re.compile(r"(?<![\w'’.-])" + _TITLED + "$")
_WINDOW = 12  # the longest title, its dot and a little space
# the dot that ends a generational suffix the name rule took without it ("[… Jr]." )
_SUFFIX_END = re.compile(r"(?i)(?<![\w'’])(?:jr|sr)$")


def widen(text: str, spans: list[Span]) -> bool:
    """Widen NAME spans over a courtesy title before them and a suffix's dot after;
    True when one grew."""
    grew = False
    for k, (s, e, cat, rule, prio) in enumerate(spans):
        if cat != "NAME":
            continue
        start, end = s, e
        m = _TITLE.search(text, max(0, s - _WINDOW), s)
        # never over the span before ("Lot [44561234/Mr] Smith": the lot took the title)
        if m is not None and (k == 0 or m.start() >= spans[k - 1][1]):
            start = m.start()
        if text[e:e + 1] == "." and _SUFFIX_END.search(text, max(s, e - 3), e) \
                and (k + 1 == len(spans) or spans[k + 1][0] > e):
            end = e + 1
        if (start, end) != (s, e):
            spans[k] = (start, end, cat, rule, prio)
            grew = True
    return grew


# a title at the start of a widened span (for the share of a note that is identifiers)
_LEAD = re.compile(_TITLED)


def title_length(text: str, start: int, end: int) -> int:
    """The length of the courtesy title that opens the span, 0 if none: a title is no
    identifier, so a short note's share of identifiers must not count it ("Mrs Ruiz 95"
    is no denser than "Mrs [NAME] 95" was)."""
    m = _LEAD.match(text, start, end)
    return 0 if m is None else m.end() - start - m.group().count(" ")  # as `hidden` counts
