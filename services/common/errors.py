"""HTTP-facing errors shared by every service; one middleware renders them as JSON.

    ApiError (status, code, message, fields)
    ├── BadRequest 400
    ├── Unauthorized 401
    ├── Forbidden 403
    ├── NotFound 404
    ├── RequestTimeout 408 (the body did not arrive in time)
    ├── Conflict 409
    ├── Unprocessable 422 (fields = JSON Pointer + reason per bad field)
    ├── TooManyRequests 429 (retry_after)
    └── ServiceUnavailable 503 (retry_after)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .schemas import FieldError


class ApiError(Exception):
    status = 500
    code = "internal_error"

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

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.fields:
            error["fields"] = [{"pointer": f.pointer, "reason": f.reason} for f in self.fields]
        return {"error": error}


class BadRequest(ApiError):
    status, code = 400, "bad_request"


class Unauthorized(ApiError):
    status, code = 401, "unauthorized"


class Forbidden(ApiError):
    status, code = 403, "forbidden"


class NotFound(ApiError):
    status, code = 404, "not_found"


class RequestTimeout(ApiError):
    status, code = 408, "request_timeout"


class Conflict(ApiError):
    status, code = 409, "conflict"


class Unprocessable(ApiError):
    status, code = 422, "validation_failed"


class TooManyRequests(ApiError):
    status, code = 429, "rate_limited"


class ServiceUnavailable(ApiError):
    status, code = 503, "unavailable"
