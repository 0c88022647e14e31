"""Counts every Kafka request a Python process sends, by type (bench/kafka_requests.py).

Loaded by Python itself when this folder is on PYTHONPATH and ORCAST_BENCH_REQUEST_DIR
is set; writes `<pid>.json` (the process's command line and its counts) there every
second. Bench-only: nothing in services/ imports it.
"""

from __future__ import annotations

import os

_OUT = os.environ.get("ORCAST_BENCH_REQUEST_DIR")

if _OUT:
    import collections
    import json
    import sys
    import threading
    import time

    _counts: collections.Counter[str] = collections.Counter()

    try:
        from aiokafka import conn as _conn
    except ImportError:  # not every Python process here uses Kafka
        _conn = None  # type: ignore[assignment]

    if _conn is not None:
        _send = _conn.AIOKafkaConnection.send

        def _counting_send(self, request, expect_response=True):  # type: ignore[no-untyped-def]
            _counts[type(request).__name__.split("_v")[0]] += 1
            return _send(self, request, expect_response)

        _conn.AIOKafkaConnection.send = _counting_send  # type: ignore[method-assign]

        def _dump() -> None:
            path = os.path.join(_OUT, f"{os.getpid()}.json")
            while True:
                time.sleep(1.0)
                snapshot = {"argv": sys.argv, "at": time.time(), "counts": dict(_counts)}
                with open(path + ".tmp", "w") as out:
                    json.dump(snapshot, out)
                os.replace(path + ".tmp", path)

        threading.Thread(target=_dump, name="kafka-request-count", daemon=True).start()
