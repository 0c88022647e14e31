"""A lower-case word one slip away from an ordinary word is a typo, not a name.

"pt aslep", "attending scrubed", "pt extubaetd": words no list knows, taken for a name
after "pt" or a role. One keystroke undone (a letter dropped, doubled or two swapped)
turns each into a known word ("asleep", "scrubbed", "extubated"), which a name rarely
does. Only guesses about single lower-case words that no list holds (no word, given
name or surname) are undone, and not when the slip undone gives a frequent surname or
given name as well ("pt smiht", "pt wilsno", "pt dvais"): a name mistyped is a name.
"""

from __future__ import annotations

from collections.abc import Callable
from string import ascii_lowercase

Span = tuple[int, int, str, str, int]

# The rules that name a lower-case word no list knows as a person
RULES = frozenset(("guess_patient", "lexicon_name_lower", "cue_role", "cue_patient",
                   "guess_name_then_verb"))


def one_slip(word: str) -> list[str]:
    """Every word one dropped, doubled or swapped letter away from `word`."""
    n = len(word)
    out = [word[:k] + word[k + 1:] for k in range(n)]  # a letter typed twice or extra
    out += [word[:k] + word[k + 1] + word[k] + word[k + 2:] for k in range(n - 1)]  # swapped
    out += [word[:k] + c + word[k:] for k in range(n + 1) for c in ascii_lowercase]  # dropped
    return out


def drop(text: str, spans: list[Span], known: Callable[[str], bool],
         listed: Callable[[str], bool],
         frequent_name: Callable[[str], bool] = lambda _w: False) -> list[Span]:
    """The spans left once lower-case typos of known words are taken out;
    `frequent_name`: a frequent given name or surname."""
    kept: list[Span] = []
    for sp in spans:
        word = text[sp[0]:sp[1]]
        if sp[2] == "NAME" and sp[3] in RULES and len(word) >= 4 and word.isascii() \
                and word.isalpha() and word.islower() and not listed(word):
            undone = [w for w in one_slip(word) if known(w)]
            if undone and not any(map(frequent_name, undone)):
                continue
        kept.append(sp)
    return kept
