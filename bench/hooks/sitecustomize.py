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

# cProfile on demand (bench/ingest_cpu.py --profile): with ORCAST_BENCH_PROFILE_DIR set,
# SIGUSR1 starts profiling the main thread and SIGUSR2 writes `<pid>.prof` there.
_PROFILE_OUT = os.environ.get("ORCAST_BENCH_PROFILE_DIR")

if _PROFILE_OUT:
    import cProfile as _cprofile
    import signal as _signal

    _profiler = _cprofile.Profile()

    def _start_profile(signum, frame):  # type: ignore[no-untyped-def]
        _profiler.enable()

    def _dump_profile(signum, frame):  # type: ignore[no-untyped-def]
        _profiler.disable()
        _profiler.dump_stats(os.path.join(_PROFILE_OUT, f"{os.getpid()}.prof"))

    _signal.signal(_signal.SIGUSR1, _start_profile)
    _signal.signal(_signal.SIGUSR2, _dump_profile)

# A sampling profile of the main thread (ORCAST_BENCH_SAMPLE_DIR): SIGUSR1 starts it,
# SIGUSR2 writes `<pid>.samples.json` (stack -> samples). cProfile's coroutine and
# greenlet accounting blurs inclusive times; stacks sampled every millisecond do not.
_SAMPLE_OUT = os.environ.get("ORCAST_BENCH_SAMPLE_DIR")

if _SAMPLE_OUT:
    import collections as _collections
    import json as _json
    import signal as _ssignal
    import sys as _sys
    import threading as _threading
    import time as _time

    _samples: _collections.Counter[str] = _collections.Counter()
    _sampling = _threading.Event()
    _main_id = _threading.main_thread().ident

    def _sample_loop() -> None:
        while True:
            _sampling.wait()
            frame = _sys._current_frames().get(_main_id)
            stack = []
            while frame is not None:
                code = frame.f_code
                stack.append(f"{code.co_filename.rsplit('/', 2)[-2:][-1]}:{code.co_name}")
                frame = frame.f_back
            _samples[";".join(reversed(stack))] += 1
            _time.sleep(0.001)

    def _start_sampling(signum, frame):  # type: ignore[no-untyped-def]
        _sys.setswitchinterval(0.0005)
        _sampling.set()

    def _dump_samples(signum, frame):  # type: ignore[no-untyped-def]
        _sampling.clear()
        with open(os.path.join(_SAMPLE_OUT, f"{os.getpid()}.samples.json"), "w") as out:
            _json.dump(dict(_samples), out)

    _threading.Thread(target=_sample_loop, name="bench-sampler", daemon=True).start()
    _ssignal.signal(_ssignal.SIGUSR1, _start_sampling)
    _ssignal.signal(_ssignal.SIGUSR2, _dump_samples)
