"""aiokafka client options shared by every producer and consumer.

Fetch wait: how long the broker may hold a fetch that finds nothing. A short wait
keeps each hop fast while records flow; kept short while idle, it costs a broker
round trip every few milliseconds per consumer (issue 14 measured 1.1-1.4 cores for
`orcast dev` doing nothing). So consumers adapt (`FetchWait`): the minimum while
records arrive, doubling after IDLE_GRACE_SECONDS without any, up to the maximum
(both `Settings` fields: `fetch_min_wait_ms`, `fetch_idle_max_wait_ms`).
A broker that completes a waiting fetch when data arrives (Apache Kafka) answers at
once whatever the wait; Tansu answers when the wait ends, so on Tansu the first
record after an idle spell may wait up to the maximum at each hop.
"""

from __future__ import annotations

from typing import Any

from . import kafka_conn
from .settings import Settings

# Every producer, consumer and admin client of ours is configured here, so this is where
# aiokafka learns that a write on a reset connection under uvloop is a broken connection.
kafka_conn.install()

IDLE_GRACE_SECONDS = 1.0
REQUEST_TIMEOUT_MS = 10_000


def heartbeat_interval_ms(session_timeout_ms: int, requested_ms: int) -> int:
    """Group heartbeats: by default (`requested_ms` 0) a fifth of the session timeout.
    `orcast dev` asks for one a second (five groups at 2.5 a second each were most of what
    an idle system sent); never more than a third of the session."""
    default = max(100, session_timeout_ms // 5)
    if requested_ms <= 0:
        return default
    return max(100, min(requested_ms, session_timeout_ms // 3))


def security_options(settings: Settings) -> dict[str, Any]:
    """SASL/TLS for ACL-enforcing clusters; empty for the embedded broker."""
    protocol = settings.kafka_security_protocol
    if not protocol:
        return {}
    options: dict[str, Any] = {"security_protocol": protocol}
    mechanism = settings.kafka_sasl_mechanism
    if mechanism:
        options["sasl_mechanism"] = mechanism
        options["sasl_plain_username"] = settings.kafka_sasl_username
        options["sasl_plain_password"] = settings.kafka_sasl_password
    if "SSL" in protocol:
        from aiokafka.helpers import create_ssl_context

        options["ssl_context"] = create_ssl_context()
    return options


class FetchWait:
    """The fetch wait a consumer should use now, given when it last received records."""

    def __init__(self, *, minimum: int, maximum: int, grace: float = IDLE_GRACE_SECONDS,
                 ) -> None:
        self.minimum = minimum
        self.maximum = max(minimum, maximum)
        self._grace = grace
        self.current = minimum
        self._last_records = 0.0

    def after_poll(self, got_records: bool, now: float) -> int:
        if got_records:
            self._last_records = now
            self.current = self.minimum
        elif now - self._last_records >= self._grace:
            self.current = min(self.maximum, self.current * 2)
        return self.current
