"""Who may see what of a case in ingest: the per-case boundary for coordinators.

| principal | submit | one update's status | the case's stream |
|---|---|---|---|
| admin, compliance | — | any | any |
| coordinator assigned to the case | yes | any of the case | every update |
| other coordinator, case with assignments | 403 | their own only | 403 |
| any coordinator, case without assignments (older data) | yes | their own only | their own only |

A status carries reject reasons and held-for-review reasons, so it goes only to
the people responsible for the case: its assigned coordinators and each
update's author.
"""

from __future__ import annotations

from services.common.auth import Principal, same_person
from services.common.cases_view import CaseState

from .errors import NotCaseCoordinator

OVERSEERS = frozenset({"admin", "compliance"})


def check_submit(case: CaseState, who: Principal) -> None:
    if case.coordinators and not case.assigned(who.sub):
        raise NotCaseCoordinator("you are not a coordinator assigned to this case")


def sees_whole_case(case: CaseState | None, who: Principal) -> bool:
    """Every update of the case (else, at most the principal's own)."""
    if who.role in OVERSEERS:
        return True
    return case is not None and case.assigned(who.sub)


def check_stream(case: CaseState, who: Principal) -> None:
    if case.coordinators and not sees_whole_case(case, who):
        raise NotCaseCoordinator("you are not a coordinator assigned to this case")


def may_read(case: CaseState | None, author_sub: str | None, who: Principal) -> bool:
    if sees_whole_case(case, who):
        return True
    return author_sub is not None and same_person({"sub": author_sub}, who.as_actor())
