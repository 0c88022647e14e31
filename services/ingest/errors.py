"""What ingest refuses (kinds and their HTTP answer: common/errors.py).

    DomainError
    ├── NotFound
    │   ├── CaseNotKnown          no case by that id (after a short wait for the view)
    │   └── MilestoneNotFound     no milestone by that id
    ├── Forbidden
    │   ├── NotCaseCoordinator    the case names its coordinators and this is not one
    │   ├── CaseNotAccepting      the case is not active or its consent is not in force
    │   └── NotAuthor             only the author may withdraw an update
    ├── Conflict
    │   ├── IdempotencyKeyReused  the event_id was already used for a different milestone
    │   └── NotWithdrawable       already closed, or the undo window has passed
    ├── Unprocessable
    │   └── InvalidMilestone      fields point at what the case's template does not allow
    ├── TooManyRequests
    │   └── SlowDown              too many requests or open streams from one client
    └── ServiceUnavailable
        └── PipelineBehind        retriable: the pipeline lags past its bound
"""

from __future__ import annotations

from services.common.errors import (
    Conflict,
    Forbidden,
    NotFound,
    ServiceUnavailable,
    TooManyRequests,
    Unprocessable,
)


class CaseNotKnown(NotFound):
    pass


class MilestoneNotFound(NotFound):
    pass


class NotCaseCoordinator(Forbidden):
    code = "not_case_coordinator"


class CaseNotAccepting(Forbidden):
    code = "case_not_accepting"


class NotAuthor(Forbidden):
    code = "not_author"


class IdempotencyKeyReused(Conflict):
    code = "idempotency_key_reused"


class NotWithdrawable(Conflict):
    code = "not_withdrawable"


class InvalidMilestone(Unprocessable):
    pass


class SlowDown(TooManyRequests):
    pass


class PipelineBehind(ServiceUnavailable):
    code = "pipeline_behind"
