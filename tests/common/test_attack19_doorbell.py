"""attack19: a ring now resumes only the partitions it names (ced7184), so a record whose
ring was lost waits for the safety check; and every pause resets that check's clock.

No broker: a fake consumer and bell drive `nap.Nap` the way `ConsumerLoop` does."""

from __future__ import annotations

import asyncio
import socket
import time

import pytest
from aiokafka import TopicPartition

from services.common import doorbell, nap
from tests.common.test_doorbell import TwoPartitions

P0, P1 = TopicPartition("t", 0), TopicPartition("t", 1)


class _Bell:
    """A doorbell as a Nap sees it: generations, waits, and listeners called at once."""

    def __init__(self) -> None:
        self.rung = 0
        self._waiters: list[asyncio.Future[None]] = []
        self._callback: object = None

    def generation(self, topics: frozenset[str]) -> int:
        return self.rung

    def listen(self, topics: frozenset[str], callback: object) -> None:
        self._callback = callback

    def unlisten(self, callback: object) -> None:
        self._callback = None

    async def wait(self, topics: frozenset[str], seen: int, timeout: float) -> bool:
        if self.rung != seen:
            return True
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(future)
        try:
            await asyncio.wait_for(future, timeout)
            return True
        except TimeoutError:
            return False

    def ring(self, entries: set[str]) -> None:
        self.rung += 1
        for future in self._waiters:
            if not future.done():
                future.set_result(None)
        self._waiters.clear()
        self._callback(entries)  # type: ignore[operator]


class _Consumer(TwoPartitions):
    """Partition 1 holds a record acked after the pause (position 5, end 6)."""

    def __init__(self) -> None:
        super().__init__()
        self.checks = 0

    async def end_offsets(self, tps: list[TopicPartition]) -> dict[TopicPartition, int]:
        self.checks += 1
        return {P0: 5, P1: 6}

    async def position(self, tp: TopicPartition) -> int:
        return 5


async def test_a_lost_ring_is_found_by_the_safety_check_while_another_partition_is_busy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(nap, "SAFETY_CHECK_SECONDS", 0.5)
    consumer, bell = _Consumer(), _Bell()
    napping = nap.Nap(consumer, bell, frozenset({"t"}))  # type: ignore[arg-type]
    napping.sleep()  # idle: both partitions paused
    # a record is acked on partition 1; its ring (a UDP datagram) is lost
    deadline = time.monotonic() + 4 * nap.SAFETY_CHECK_SECONDS
    found = False
    while time.monotonic() < deadline and not found:
        # ConsumerLoop: asleep -> doze(POLL_MS); another case writes to partition 0
        dozing = asyncio.create_task(napping.doze(1.0))
        await asyncio.sleep(0.1)
        bell.ring({"t:0"})
        await dozing
        found = P1 not in consumer.paused()
        # the fetch of partition 0 brought its record and read it to the end: caught_up()
        napping.sleep()
    assert found, (
        f"partition 1 never resumed; {consumer.checks} safety checks in "
        f"{4 * nap.SAFETY_CHECK_SECONDS:.1f} s"
    )


async def test_a_malformed_ring_from_any_local_process_raises_nothing() -> None:
    loop = asyncio.get_running_loop()
    errors: list[dict[str, object]] = []
    previous = loop.get_exception_handler()
    loop.set_exception_handler(lambda _loop, context: errors.append(context))
    bell = doorbell.Bell(("127.0.0.1", 9))  # the relay's address is not needed here
    consumer = _Consumer()
    napping = nap.Nap(consumer, bell, frozenset({"t"}))  # type: ignore[arg-type]
    napping.sleep()
    sender = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        port = bell._sock.getsockname()[1]
        sender.sendto("ring t:1,t:²".encode(), ("127.0.0.1", port))  # any local process
        for _ in range(20):
            await asyncio.sleep(0.01)
        assert not errors, [str(e.get("exception")) for e in errors]
    finally:
        sender.close()
        napping.close()
        bell.close()
        loop.set_exception_handler(previous)
