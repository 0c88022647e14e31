"""Publisher metrics: what is waiting, what happened, how long a network call takes."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

OUTBOX_DEPTH = Gauge(
    "orcast_publisher_outbox_depth",
    "Outbox rows not yet settled, per channel and state (pending, failed, retracting)",
    ["channel", "state"],
)
OUTCOMES = Counter(
    "orcast_publisher_outcomes_total",
    "Outbox state changes per channel (posted, failed, dead, cancelled, deleted, delete_failed)",
    ["channel", "state"],
)
CALL_SECONDS = Histogram(
    "orcast_publisher_call_seconds",
    "Duration of one network write (post or delete)",
    ["channel", "operation"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
