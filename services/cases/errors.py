"""What the consent registry refuses (kinds and their HTTP answer: common/errors.py).

    DomainError
    ├── NotFound
    │   └── CaseNotFound        no case by that id
    ├── Conflict
    │   ├── WrongCaseState      the case or its consent does not allow this change now
    │   └── ConcurrentChange    another writer kept winning; try again
    └── Unprocessable
        └── InvalidCase         fields point at what is wrong in a registration
"""

from __future__ import annotations

from services.common.errors import Conflict, NotFound, Unprocessable


class CaseNotFound(NotFound):
    pass


class WrongCaseState(Conflict):
    pass


class ConcurrentChange(Conflict):
    code = "concurrent_change"


class InvalidCase(Unprocessable):
    pass
