"""What the compliance API refuses (kinds and their HTTP answer: common/errors.py).

    DomainError
    ├── Unprocessable
    │   └── BadFilter        a query parameter this API does not take; the field names it
    └── NotFound
        └── NoRecords        the log holds nothing for that case

The log being away is `StoreUnavailable` (retriable): the read fails rather than go
unrecorded.
"""

from __future__ import annotations

from services.common.errors import NotFound, Unprocessable
from services.common.schemas import FieldError


class BadFilter(Unprocessable):
    def __init__(self, name: str, reason: str) -> None:
        super().__init__("invalid query parameter", fields=[FieldError(f"/{name}", reason)])


class NoRecords(NotFound):
    pass
