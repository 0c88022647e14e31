"""Concurrent submits of one event id take turns, and the id's entry goes with its last
user, a cancelled waiter included (submit.py's `_Turn`)."""

from __future__ import annotations

import asyncio

from services.ingest.submit import _Turn, _Turns


async def test_one_event_id_one_at_a_time_and_no_entry_left_behind() -> None:
    inflight: dict[str, _Turns] = {}
    order: list[str] = []
    first_in = asyncio.Event()
    release = asyncio.Event()

    async def first() -> None:
        async with _Turn(inflight, "e1"):
            order.append("first in")
            first_in.set()
            await release.wait()
            order.append("first out")

    async def second() -> None:
        async with _Turn(inflight, "e1"):
            order.append("second in")

    async def other() -> None:
        async with _Turn(inflight, "e2"):
            order.append("other id in")

    one = asyncio.create_task(first())
    await first_in.wait()
    two = asyncio.create_task(second())
    cancelled = asyncio.create_task(second())
    await asyncio.sleep(0)
    await other()  # another id does not wait
    assert inflight["e1"].users == 3 and "e2" not in inflight
    cancelled.cancel()
    await asyncio.gather(cancelled, return_exceptions=True)
    assert inflight["e1"].users == 2
    release.set()
    await asyncio.gather(one, two)
    assert order == ["first in", "other id in", "first out", "second in"]
    assert inflight == {}
