"""The newer rules for identifiers that are neither names nor places (NEWER_RULES):
cars' plates, members' numbers with their payer's letters, days named by the week or by
today, licence numbers in groups, ages a person gives, numbers said in pieces, and the
words that lead a found number. Each only adds spans (or widens one) to `merged`.
"""

from __future__ import annotations

from . import (
    age_answers,
    day_dates,
    id_leads,
    licence_values,
    plan_prefixes,
    spelled_gaps,
    vehicle_marks,
)
from .covered import extend_unheld

Span = tuple[int, int, str, str, int]

NAMES = ("vehicle_marks", "day_dates", "licence_values", "age_answers", "plan_prefixes",
         "id_leads", "spelled_gaps")


def scan(text: str, merged: list[Span], fired: list[str]) -> bool:
    """Add what each rule finds to `merged`, naming in `fired` each that added something;
    whether any did."""
    added = False
    for name, found in (("vehicle_marks", vehicle_marks.scan(text)),
                        ("day_dates", day_dates.scan(text)),
                        ("licence_values", licence_values.scan(text))):
        if extend_unheld(merged, found):
            fired.append(name)
            added = True
    # the widenings read the findings so far, the ones above included
    for name, rule in (("age_answers", age_answers.scan), ("plan_prefixes", plan_prefixes.scan),
                       ("id_leads", id_leads.scan), ("spelled_gaps", spelled_gaps.scan)):
        if extend_unheld(merged, rule(text, merged)):
            fired.append(name)
            added = True
    return added
