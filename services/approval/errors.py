"""What the approval gate refuses (kinds and their HTTP answer: common/errors.py).

    DomainError
    ├── Refused               a decision that cannot apply to a review row (`code` says why)
    │   ├── NotAllowed        (a Forbidden) not_author, four_eyes
    │   └── NotNow            (a Conflict) not_pending, expired, stale_revision,
    │                         edit_pending, already_approved, text_withheld, case_stopped
    ├── ReviewNotFound        (a NotFound) no such update in review, or none of yours
    ├── CommentIdentifies     (an Unprocessable) a rejection comment that could identify
    │                         someone; the field is /comment
    └── CaseNotReady          (a ServiceUnavailable, retriable) the case or its
                              identifiers are not readable here yet; nothing was decided
"""

from __future__ import annotations

from services.common.errors import (
    Conflict,
    DomainError,
    Forbidden,
    NotFound,
    ServiceUnavailable,
    Unprocessable,
)


class Refused(DomainError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message, code=code)


class NotAllowed(Refused, Forbidden):
    pass


class NotNow(Refused, Conflict):
    pass


class ReviewNotFound(NotFound):
    pass


class CommentIdentifies(Unprocessable):
    pass


class CaseNotReady(ServiceUnavailable):
    pass
