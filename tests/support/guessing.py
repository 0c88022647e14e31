"""An engine that is unsure of chosen words: the real engine, plus a `guess_…` finding
for each of them, so a test gets a `review` verdict through the real pipeline today
(the engine's own guess rules are being written in parallel)."""

from __future__ import annotations

import re
from typing import Any

from services.common.deid import CaseIdentifiers, Engine, Finding, Result
from services.deidentify.app import GATE

GUESS_RULE = "guess_capitalised_word"


class GuessingEngine:
    def __init__(self, real: Engine, unsure_of: tuple[str, ...]) -> None:
        self._real = real
        self._unsure = unsure_of

    def deidentify(self, text: str, case: CaseIdentifiers | None = None) -> Result:
        real = self._real.deidentify(text, case)
        if real.verdict == "quarantine":
            return real
        taken = [(f.start, f.end) for f in real.findings]
        extra = [Finding(m.start(), m.end(), "NAME", GUESS_RULE, confident=False)
                 for word in self._unsure for m in re.finditer(re.escape(word), text)
                 if not any(s < m.end() and m.start() < e for s, e in taken)]
        if not extra:
            return real
        findings = tuple(sorted((*real.findings, *extra), key=lambda f: f.start))
        pieces, counts, at = [], {}, 0
        for f in findings:
            pieces += [text[at:f.start], f"[{f.category}]"]
            counts[f.category] = counts.get(f.category, 0) + 1
            at = f.end
        pieces.append(text[at:])
        return Result(text="".join(pieces), findings=findings, verdict="review",
                      counts=counts, reasons=real.reasons)


def make_unsure(app: Any, *words: str) -> None:
    """Make the running stack's de-identification gate unsure of `words`."""
    gate = app[GATE]
    gate._engine = GuessingEngine(Engine(), words)
