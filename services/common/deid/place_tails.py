"""The rest of a town after a place cue that the lists found only in part: a place-kind
word ("from [Aldmoor] Township", "from [Brisk] county", "from [Fenby] Wells", "di
[Corvale] Heights") or a capitalised part glued on with a hyphen ("from [Quarry]-Linden",
"from [Tal]-i-Sarab"). Half a town name left in still says where the patient lives.

place_edges takes the common kinds after its English cues; this adds the kinds it has
not (county, township, parish, ranch, wells, ...), cues in other languages ("di", "de",
"desde"), and the hyphened part. Only a LOCATION or NAME span after the cue grows (many
towns are on the name lists; it keeps its category), only over what touches it, never
over the next span: "Dr. [Jackson] Heights" and "from [Rome] today" stay as they were.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_CUE_BEFORE = re.compile(r"(?i)(?<![\w'’])(?:from|frm|in|near|to|of|at|outside|di|de|da|"
                         r"desde|aus|von|vers)[ \t]+$")
_KIND_AFTER = re.compile(
    r"(?i)[ \t]+(?:county|township|twp|parish|borough|ranch|wells|estates|shores|mills|"
    r"corners|hollow|heights|falls|springs|hills|village|beach|valley|junction|city|"
    r"creek|ridge|bluffs|rapids|crossing|landing)(?![\w'’-])")
_WIDENED = frozenset(("LOCATION", "NAME"))  # a town the name lists took for a person
_HYPHENED = re.compile(r"-(?:[a-z]{1,3}-)?[A-Z][a-z]{2,}+(?![\w'’-])")


def widen(text: str, spans: list[Span]) -> bool:
    """Widen cued LOCATION or NAME spans in `spans` (sorted and apart) in place; whether any
    grew."""
    grew = False
    for k, (s, e, cat, rule, prio) in enumerate(spans):
        if cat not in _WIDENED or _CUE_BEFORE.search(text, max(0, s - 10), s) is None:
            continue
        m = _HYPHENED.match(text, e) or _KIND_AFTER.match(text, e)
        if m is None:
            continue
        end = m.end()
        if k + 1 < len(spans) and spans[k + 1][0] < end:
            # the part after the hyphen is a span of its own: take the hyphen between
            end = spans[k + 1][0] if text[e:e + 1] == "-" and spans[k + 1][0] > e else e
        if end != e:
            spans[k] = (s, end, cat, rule, prio)
            grew = True
    return grew
