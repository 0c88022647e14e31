"""Prometheus metrics shared by every service (label `service` tells them apart)."""

from __future__ import annotations

from typing import Any

from prometheus_client import Counter, Gauge, Histogram

PRODUCED = Counter("orcast_events_produced_total", "Events acked by the broker",
                   ["service", "topic"])
PRODUCE_FAILURES = Counter("orcast_produce_failures_total", "Produce calls that failed",
                           ["service"])
CONSUMED = Counter("orcast_events_consumed_total", "Events handled", ["service", "topic"])
DEADLETTERED = Counter("orcast_events_deadlettered_total", "Messages sent to the dead-letter topic",
                       ["service", "topic"])
FORGED = Counter("orcast_forged_events_total",
                 "Events refused as forged (unsigned, unknown key, wrong signer or writer)",
                 ["service", "topic"])
HANDLER_SECONDS = Histogram("orcast_handler_seconds", "Time to handle one event",
                            ["service", "topic"],
                            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5))
BATCH_FALLBACKS = Counter("orcast_consumer_batch_fallbacks_total",
                          "Fetched batches rolled back and handled one record at a time",
                          ["service"])
CONSUMER_RESTARTS = Counter("orcast_consumer_restarts_total", "Consumer reconnects", ["service"])
HTTP_REQUESTS = Counter("orcast_http_requests_total", "HTTP requests",
                        ["route", "method", "status"])
HTTP_SECONDS = Histogram("orcast_http_request_seconds", "HTTP request latency", ["route"],
                         buckets=(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5))


class Children:
    """`metric.labels(*values)`, remembered: `labels` takes a lock and checks every value
    on each call, and every HTTP request asked it twice (issue 14). The same child object
    `labels` returns, so counts are unchanged. At most `limit` label sets are remembered
    (a client chooses the method); past that each is asked of `labels` anew."""

    def __init__(self, metric: Counter | Histogram, limit: int = 1024) -> None:
        self._metric = metric
        self._limit = limit
        self._known: dict[tuple[str, ...], Any] = {}

    def __call__(self, *values: str) -> Any:
        child = self._known.get(values)
        if child is None:
            child = self._metric.labels(*values)
            if len(self._known) < self._limit:
                self._known[values] = child
        return child


HTTP_REQUEST_COUNTS = Children(HTTP_REQUESTS)
HTTP_REQUEST_TIMES = Children(HTTP_SECONDS)
HTTP_CONNECTIONS_CUT = Counter("orcast_http_connections_cut_total",
                               "Connections closed or refused by the slow-client guards",
                               ["reason"])
WEBSOCKETS = Gauge("orcast_viewer_connections", "Open viewer WebSocket connections")
VIEWER_SLOW_CLOSES = Counter("orcast_viewer_slow_closes_total",
                             "Viewer connections closed because their send queue was full")
