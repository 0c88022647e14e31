"""Label children remembered for the per-request metrics (metrics.Children): the counts
land where `labels` reads them, and a client choosing new label values (an odd method)
cannot grow the memory past its bound."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter

from services.common import metrics


def test_children_count_where_labels_reads_and_stay_bounded() -> None:
    counter = Counter("orcast_test_children_total", "test", ["route", "method"],
                      registry=CollectorRegistry())
    children = metrics.Children(counter, limit=2)
    for method in ("GET", "POST", "BREW", "GET", "BREW"):
        children("/x", method).inc()
    assert counter.labels("/x", "GET")._value.get() == 2
    assert counter.labels("/x", "BREW")._value.get() == 2  # counted, though not remembered
    assert children("/x", "GET") is counter.labels("/x", "GET")
    assert len(children._known) == 2
