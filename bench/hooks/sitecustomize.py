"""Counts every Kafka request a Python process sends, by type (bench/kafka_requests.py).

Loaded by Python itself when this folder is on PYTHONPATH and ORCAST_BENCH_REQUEST_DIR
is set; writes `<pid>.json` (the process's command line and its counts) there every
second. Bench-only: nothing in services/ imports it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any


def _write_every_second(path: str, snapshot: Callable[[], Any], name: str) -> None:
    """A daemon thread that writes `snapshot()` as JSON to `path` every second (replaced
    whole, so a reader never sees half a file)."""
    import json
    import threading
    import time

    def loop() -> None:
        while True:
            time.sleep(1.0)
            with open(path + ".tmp", "w") as out:
                json.dump(snapshot(), out)
            os.replace(path + ".tmp", path)

    threading.Thread(target=loop, name=name, daemon=True).start()


_OUT = os.environ.get("ORCAST_BENCH_REQUEST_DIR")

if _OUT:
    import collections
    import sys
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

        _write_every_second(
            os.path.join(_OUT, f"{os.getpid()}.json"),
            lambda: {"argv": sys.argv, "at": time.time(), "counts": dict(_counts)},
            "kafka-request-count")

# cProfile on demand (bench/ingest_cpu.py --profile): with ORCAST_BENCH_PROFILE_DIR set,
# SIGUSR1 starts profiling the main thread and SIGUSR2 writes `<pid>.prof` there.
_PROFILE_OUT = os.environ.get("ORCAST_BENCH_PROFILE_DIR")

if _PROFILE_OUT:
    import cProfile as _cprofile
    import signal as _signal

    # ORCAST_BENCH_PROFILE_CLOCK=thread: the main thread's CPU time (time.thread_time), not
    # wall time: a function waiting for the GIL (SQLite's worker thread holds it) or in a
    # system call that blocks is then charged only what it computed.
    if os.environ.get("ORCAST_BENCH_PROFILE_CLOCK") == "thread":
        import time as _ptime

        _profiler = _cprofile.Profile(_ptime.thread_time)
    else:
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

    # ORCAST_BENCH_SAMPLE_CPU=1: each sample weighs the main thread's CPU microseconds since
    # the last one (its thread clock), not 1: time it spent waiting for the GIL (held by
    # SQLite's worker thread, or by this sampler) or blocked then weighs nothing.
    _cpu_clock = None
    if os.environ.get("ORCAST_BENCH_SAMPLE_CPU") == "1" and _main_id is not None:
        _cpu_clock = _time.pthread_getcpuclockid(_main_id)

    def _sample_loop() -> None:
        last = _time.clock_gettime(_cpu_clock) if _cpu_clock is not None else 0.0
        while True:
            _sampling.wait()
            frame = _sys._current_frames().get(_main_id)
            weight = 1
            if _cpu_clock is not None:
                now = _time.clock_gettime(_cpu_clock)
                weight, last = round((now - last) * 1e6), now
            stack = []
            while frame is not None:
                code = frame.f_code
                stack.append(f"{code.co_filename.rsplit('/', 2)[-2:][-1]}:{code.co_name}")
                frame = frame.f_back
            _samples[";".join(reversed(stack))] += weight
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

# Batch sizes (ORCAST_BENCH_BATCH_DIR): per process, records per non-empty getmany (by
# the topics it returned), records and record batches per partition per fetch answer,
# and records per produce request; `<pid>.batches.json` every second. Why: every
# per-batch cost (a signature check, a transaction, a commit) is paid per record when
# the batches hold one record.
_BATCH_OUT = os.environ.get("ORCAST_BENCH_BATCH_DIR")

if _BATCH_OUT:
    import collections as _bcollections
    import sys as _bsys
    import threading as _bthreading
    import time as _btime

    _stats: dict[str, _bcollections.Counter[str]] = _bcollections.defaultdict(
        _bcollections.Counter)

    def _bucket(n: int) -> str:
        for top in (1, 2, 4, 8, 16, 32, 64, 128):
            if n <= top:
                return f"<={top}"
        return ">128"

    def _note(kind: str, key: str, n: int) -> None:
        counter = _stats[f"{kind} {key}"]
        counter["calls"] += 1
        counter["total"] += n
        counter[_bucket(n)] += 1

    try:
        from aiokafka import conn as _bconn
        from aiokafka import consumer as _bconsumer
        from aiokafka import producer as _bproducer
        from aiokafka.consumer import fetcher as _bfetcher
    except ImportError:
        _bconsumer = None  # type: ignore[assignment]

    if _bconsumer is not None:
        _getmany = _bconsumer.AIOKafkaConsumer.getmany

        async def _counting_getmany(self, *partitions, timeout_ms=0, max_records=None):  # type: ignore[no-untyped-def]
            got = await _getmany(self, *partitions, timeout_ms=timeout_ms,
                                 max_records=max_records)
            if got:
                key = ",".join(sorted({tp.topic.rsplit(".", 1)[-1] for tp in got}))
                _note("getmany", key, sum(len(r) for r in got.values()))
                _note("getmany_partitions", key, len(got))
            return got

        _bconsumer.AIOKafkaConsumer.getmany = _counting_getmany  # type: ignore[method-assign]

        class _CountingRecords:
            def __init__(self, records, topic):  # type: ignore[no-untyped-def]
                self._records, self._topic = records, topic
                self.batches = self.count = 0

            def has_next(self):  # type: ignore[no-untyped-def]
                if self._records.has_next():
                    return True
                if self.batches:
                    _note("fetch_batches_per_partition", self._topic, self.batches)
                    _note("fetch_records_per_partition", self._topic, self.count)
                    self.batches = 0
                return False

            def next_batch(self):  # type: ignore[no-untyped-def]
                batch = self._records.next_batch()
                self.batches += 1
                self.count += batch.next_offset - batch.base_offset if hasattr(
                    batch, "next_offset") else 1
                return batch

            def __getattr__(self, name):  # type: ignore[no-untyped-def]
                return getattr(self._records, name)

        _pr_init = _bfetcher.PartitionRecords.__init__

        def _counting_pr_init(self, tp, records, *args, **kwargs):  # type: ignore[no-untyped-def]
            _pr_init(self, tp, _CountingRecords(records, tp.topic.rsplit(".", 1)[-1]),
                     *args, **kwargs)

        _bfetcher.PartitionRecords.__init__ = _counting_pr_init  # type: ignore[method-assign]

        _psend = _bproducer.AIOKafkaProducer.send

        async def _counting_psend(self, topic, *args, **kwargs):  # type: ignore[no-untyped-def]
            _stats["producer"]["records"] += 1
            return await _psend(self, topic, *args, **kwargs)

        _bproducer.AIOKafkaProducer.send = _counting_psend  # type: ignore[method-assign]
        _csend = _bconn.AIOKafkaConnection.send

        def _counting_csend(self, request, expect_response=True):  # type: ignore[no-untyped-def]
            name = type(request).__name__
            if name.startswith("ProduceRequest"):
                _stats["producer"]["produce_requests"] += 1
            elif name.startswith("FetchRequest"):
                _stats["consumer"]["fetch_requests"] += 1
            return _csend(self, request, expect_response)

        _bconn.AIOKafkaConnection.send = _counting_csend  # type: ignore[method-assign]

        _write_every_second(
            os.path.join(_BATCH_OUT, f"{os.getpid()}.batches.json"),
            lambda: {"argv": _bsys.argv, "stats": {k: dict(v) for k, v in list(_stats.items())}},
            "kafka-batch-count")

        # Signature work per record: Ed25519 checks (a Merkle root once per consumer, a
        # lone signature each time) and the size of the signed batch each record came in.
        # services.common.signing is imported after this file runs: patched when it appears.
        def _patch_signing() -> bool:
            signing = _bsys.modules.get("services.common.signing")
            if signing is None or not hasattr(signing, "Keyring"):
                return False
            keyring = signing.Keyring
            root_signed, as_sent = keyring._root_signed, keyring._valid_as_sent
            parse_proof = signing.parse_proof

            def _counting_root(self, kid, check, signature, message):  # type: ignore[no-untyped-def]
                if (kid, message, signature) not in self._roots:
                    _stats["signing"]["ed25519_root_checks"] += 1
                return root_signed(self, kid, check, signature, message)

            def _counting_as_sent(check, signature, sig, raw):  # type: ignore[no-untyped-def]
                _stats["signing"]["ed25519_single_checks"] += 1
                return as_sent(check, signature, sig, raw)

            def _counting_proof(text):  # type: ignore[no-untyped-def]
                index, count, path = parse_proof(text)
                _note("signed_batch_size", "", count)
                return index, count, path

            verify = keyring.verify

            def _counting_verify(self, *args, **kwargs):  # type: ignore[no-untyped-def]
                _stats["signing"]["records_verified"] += 1
                return verify(self, *args, **kwargs)

            keyring._root_signed = _counting_root
            keyring._valid_as_sent = staticmethod(_counting_as_sent)
            keyring.verify = _counting_verify
            signing.parse_proof = _counting_proof
            return True

        def _patch_handling() -> bool:
            """Records per handled batch (what one transaction, one set of produces and one
            offset commit are shared by), by the loop's service."""
            consumer = _bsys.modules.get("services.common.consumer")
            if consumer is None or not hasattr(consumer, "ConsumerLoop"):
                return False
            loop = consumer.ConsumerLoop
            scoped, batched = loop._process_scoped, loop._process_batch

            async def _counting_scoped(self, fetched):  # type: ignore[no-untyped-def]
                _note("handled_batch", self._service, sum(len(r) for r in fetched.values()))
                return await scoped(self, fetched)

            async def _counting_batched(self, handler, fetched):  # type: ignore[no-untyped-def]
                _note("handled_batch", self._service, sum(len(r) for r in fetched.values()))
                return await batched(self, handler, fetched)

            loop._process_scoped, loop._process_batch = _counting_scoped, _counting_batched
            return True

        def _patch_later() -> None:
            signing = handling = False
            while not (signing and handling):
                signing = signing or _patch_signing()
                handling = handling or _patch_handling()
                _btime.sleep(0.05)

        _bthreading.Thread(target=_patch_later, name="kafka-batch-sign", daemon=True).start()
