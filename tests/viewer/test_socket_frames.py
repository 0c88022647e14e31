"""What a held live socket keeps suspended in the viewer (issue 14: bytes per socket).

An open socket's handler never returns, so every coroutine between aiohttp's entry and
the socket's read stays alive as long as the socket: ~300 bytes each. The app's own
middleware work (security headers, errors, auth) is one coroutine, not three, and the
read loop awaits `ws.receive()` without an `async for` layer.
"""

from __future__ import annotations

import asyncio
from types import CodeType
from typing import Any

from .conftest import Viewer
from .feed import Feed
from .test_live import known


def suspended(coro: Any) -> list[CodeType]:
    """The code of each coroutine `coro` holds suspended, outermost first."""
    chain: list[CodeType] = []
    while coro is not None and hasattr(coro, "cr_code"):
        chain.append(coro.cr_code)
        coro = coro.cr_await
    return chain


def held_socket_chains() -> list[list[CodeType]]:
    chains = [suspended(task.get_coro()) for task in asyncio.all_tasks()]
    return [chain for chain in chains if any(c.co_name == "live_socket" for c in chain)]


async def test_a_held_socket_suspends_one_middleware_of_ours_and_no_async_for(
        viewer: Viewer, feed: Feed) -> None:
    case = await feed.case()
    await known(viewer, case.broadcast_id)
    lives = [await viewer.connect() for _ in range(3)]
    for live in lives:
        await live.subscribe(case.broadcast_id)
    chains = held_socket_chains()
    assert len(chains) == 3
    for chain in chains:
        ours = [c.co_name for c in chain if "/services/" in c.co_filename]
        assert ours == ["front_middleware", "live_socket"], ours
        assert "__anext__" not in [c.co_name for c in chain]
    # and the sockets still work: a fresh update reaches every one of them
    await feed.approve(case, 1)
    for live in lives:
        update = await live.next("update")
        assert update["seq"] == 1
        await live.close()
