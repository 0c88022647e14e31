"""Is a note made only of the procedure's pre-approved phrases?

The tablet marks phrase insertions with `phrase_ids`, but a flag is not proof:
the policy may let such a note out to the public without a human only when its
text is exactly those phrases' texts, in order, and nothing else (the script the
hospital signed off in advance).
"""

from __future__ import annotations

from collections.abc import Sequence

from services.common.procedures import phrase_texts


def _squash(text: str) -> str:
    return " ".join(text.split())


def only_phrases(procedure: str, phrase_ids: Sequence[str], text: str) -> bool:
    if not phrase_ids:
        return False
    known = phrase_texts(procedure)
    if any(pid not in known for pid in phrase_ids):
        return False
    parts = [known[pid] for pid in phrase_ids]
    return _squash(text) in (_squash(" ".join(parts)), _squash("".join(parts)))
