"""What a channel adapter raises; the outbox asks each error what to do next.

    PublishError (retriable, retry_after, in_doubt, status, channel_id)
    ├── AuthError            401/403 credentials or permissions   never retriable
    ├── RejectedError        the network refused this post        never retriable
    │   └── DuplicateContent X refused identical text and no matching post was found
    ├── RateLimited          429                                  retriable after retry_after
    └── RemoteUnavailable    5xx, timeout, connection failure     retriable

`in_doubt` is True when the request may have taken effect although no answer
arrived (a timeout or dropped connection after the body was sent, or a 502/504
from a proxy): before posting again the outbox should ask the adapter's
`find_existing`, except where the network deduplicates by itself (Mastodon's
Idempotency-Key, webhook receivers keyed on webhook-id).

Messages carry the network's error code and status, never post text or tokens.
"""

from __future__ import annotations

import email.utils
import math
from collections.abc import Mapping
from datetime import datetime

# Retry hints in the order we trust them: the standard header first, then each
# network's own (Mastodon: ISO 8601; X and Bluesky: epoch seconds).
RESET_HEADERS = ("Retry-After", "ratelimit-reset", "x-rate-limit-reset", "X-RateLimit-Reset")
_EPOCH_THRESHOLD = 1_000_000_000  # larger numbers are Unix times, smaller are delays


class PublishError(Exception):
    retriable = False

    def __init__(
        self,
        message: str,
        *,
        channel_id: str = "",
        status: int | None = None,
        retry_after: float | None = None,
        in_doubt: bool = False,
    ) -> None:
        super().__init__(message)
        self.channel_id = channel_id
        self.status = status
        self.retry_after = retry_after
        self.in_doubt = in_doubt

    def __str__(self) -> str:
        where = f"[{self.channel_id}] " if self.channel_id else ""
        code = f" (HTTP {self.status})" if self.status is not None else ""
        return f"{where}{self.args[0]}{code}"


class AuthError(PublishError):
    pass


class RejectedError(PublishError):
    pass


class DuplicateContent(RejectedError):
    pass


class RateLimited(PublishError):
    retriable = True


class RemoteUnavailable(PublishError):
    retriable = True


def parse_retry_after(headers: Mapping[str, str], *, now: float) -> float | None:
    """Seconds to wait, from the first reset header present; None if none parse.

    `now` is the caller's wall clock (Unix seconds) so tests need no sleeping.
    """
    for name in RESET_HEADERS:
        raw = headers.get(name)
        if raw is None or raw.strip() == "":
            continue
        delay = _delay(raw.strip(), now)
        if delay is not None:
            return delay
    return None


def _delay(raw: str, now: float) -> float | None:
    try:
        number = float(raw)
    except ValueError:
        return _date_delay(raw, now)
    if not math.isfinite(number):
        return None
    if number > _EPOCH_THRESHOLD:
        return max(0.0, number - now)
    return max(0.0, number)


def _date_delay(raw: str, now: float) -> float | None:
    when: datetime | None
    try:
        when = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(raw)
        except (TypeError, ValueError):
            return None
    if when is None or when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - now)


def for_status(
    status: int,
    detail: str,
    *,
    channel_id: str,
    headers: Mapping[str, str],
    now: float,
) -> PublishError:
    """The generic mapping; adapters special-case their network's quirks first."""
    if status == 429:
        retry_after = parse_retry_after(headers, now=now)
        return RateLimited(detail, channel_id=channel_id, status=status, retry_after=retry_after)
    if status in (401, 403):
        return AuthError(detail, channel_id=channel_id, status=status)
    if status in (408, 425) or status >= 500:
        # Only a plain 503 says "not handled"; any other failure may have
        # happened after the network stored the post.
        in_doubt = status != 503
        retry_after = parse_retry_after(headers, now=now)
        return RemoteUnavailable(
            detail, channel_id=channel_id, status=status, retry_after=retry_after, in_doubt=in_doubt
        )
    return RejectedError(detail, channel_id=channel_id, status=status)
