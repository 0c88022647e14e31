"""The kinds of refusal every service shares; services subclass them in their own
`errors.py`. They say what went wrong, never how it is answered: the one error
middleware (`common/web.py`, `ERROR_STATUS`) maps each kind to its status and code.

    DomainError (message, code, fields, retry_after, retriable)
    ├── BadRequest       the request cannot be read (not JSON, wrong media type)
    ├── Unauthorized     no or bad credentials
    ├── Forbidden        this role or person may not do this
    │   └── CsrfRefused  a signed-in request without its CSRF value, or from another site
    ├── NotFound         nothing by that id (or not visible to the caller)
    ├── Gone             it existed and has ended for good (an expired join link)
    ├── RequestTimeout   the body did not arrive in time
    ├── PayloadTooLarge  the body is over the limit
    ├── Conflict         the thing is not in a state that allows this
    ├── Unprocessable    fields = JSON Pointer + reason per bad field
    ├── TooManyRequests  retry_after
    └── ServiceUnavailable  retriable; retry_after
        (BrokerUnavailable and StoreUnavailable are retriable too: the middleware
        answers any retriable error with 503 and Retry-After)

`code` is the machine-readable reason in the body; a subclass or a raise may narrow
it (`code="concurrent_change"`); without one the middleware's table gives the kind's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .schemas import FieldError


class DomainError(Exception):
    code: str | None = None
    retriable = False

    def __init__(
        self,
        message: str,
        *,
        fields: Sequence[FieldError] = (),
        retry_after: int | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.fields = list(fields)
        self.retry_after = retry_after
        if code:
            self.code = code

    @property
    def status(self) -> int:
        """The HTTP status the error middleware answers with (its table decides)."""
        from .web import status_of  # the table lives with the middleware

        return status_of(self)[0]

    def body(self, code: str) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code or code, "message": self.message}
        if self.fields:
            error["fields"] = [{"pointer": f.pointer, "reason": f.reason} for f in self.fields]
        return {"error": error}


class BadRequest(DomainError):
    pass


class Unauthorized(DomainError):
    pass


class Forbidden(DomainError):
    pass


class CsrfRefused(Forbidden):
    code = "csrf_refused"


class NotFound(DomainError):
    pass


class Gone(DomainError):
    pass


class RequestTimeout(DomainError):
    pass


class PayloadTooLarge(DomainError):
    pass


class Conflict(DomainError):
    pass


class Unprocessable(DomainError):
    pass


class TooManyRequests(DomainError):
    pass


class ServiceUnavailable(DomainError):
    retriable = True
