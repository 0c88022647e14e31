"""bench/deid_eval.py says how much of "PHI-free notes altered" is a staff member's name
hidden after their title (the engine's policy unless the name is on the staff roster) and how
much is something else taken for an identifier."""

from __future__ import annotations

import re
from typing import Any

from bench import deid_eval


def _hiding(*words: str) -> Any:
    def run(text: str, _case: Any) -> tuple[list[tuple[int, int, str]], str, str]:
        spans = [(m.start(), m.end(), "NAME") for w in words
                 for m in re.finditer(rf"\b{w}\b", text)]
        return spans, deid_eval._apply(text, spans), "redacted" if spans else "clean"
    return (lambda _case: None), run


def _rows(*texts: str) -> list[dict[str, Any]]:
    return [{"id": str(i), "text": t, "entities": [], "case": None, "style": "-"}
            for i, t in enumerate(texts)]


def test_names_after_a_staff_title_are_counted_apart() -> None:
    rows = _rows("Dr. Quandt asks for the mayfield in room 6",
                 "Scrub tech Ovell on break, RN Quandt covering",
                 "we may start at 0730")
    m = deid_eval.evaluate(rows, _hiding("Quandt", "Ovell", "may"))
    assert m["phi_free_altered"] == 1.0
    assert abs(m["phi_free_altered_staff"] - 2 / 3) < 1e-9


def test_a_note_with_one_other_false_alarm_is_not_counted_as_staff() -> None:
    rows = _rows("Dr. Quandt says we may start early")
    m = deid_eval.evaluate(rows, _hiding("Quandt", "may"))
    assert m["phi_free_altered"] == 1.0
    assert m["phi_free_altered_staff"] == 0.0


def test_a_title_inside_a_word_is_no_title() -> None:
    rows = _rows("the adr Quandt value", "mister Quandt waits")
    m = deid_eval.evaluate(rows, _hiding("Quandt"))
    assert m["phi_free_altered_staff"] == 0.0
