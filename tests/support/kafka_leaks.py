"""Which Kafka clients a test started and left running.

Every worker runs all its tests on one event loop, so a consumer a test forgets goes on
fetching (and a producer on refreshing metadata) through every test after it: CPU taken
from timing-sensitive tests, and requests counted by the wrong one (the red CI of stop 23).

`install()` wraps `start` of aiokafka's consumer, producer and admin client to note each
client with the test, or the wider-scoped fixture, that started it and where. `leaked(test)`
lists the clients that test started which still run a background routine or hold an open
connection. Clients started while a session-, package-, module- or class-scoped fixture
was being set up belong to that fixture and are never the test's.
"""

from __future__ import annotations

import asyncio
import contextlib
import traceback
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

CLIENT_CLASSES: tuple[type[Any], ...] = (AIOKafkaConsumer, AIOKafkaProducer, AIOKafkaAdminClient)
_ROOT = str(Path(__file__).resolve().parents[2])


@dataclass(eq=False)
class Started:
    client: Any  # held: a leaked client's routines run on without the client object
    owner: str  # a test's node id, or "fixture <name> (<scope>)"
    where: str  # the project frames that called start(), innermost first

    def describe(self) -> str:
        return f"{_name(self.client)}, started at {self.where}"


_started: list[Started] = []
_owner: list[str] = []  # innermost last: the test running, or a wider fixture being set up
_tasks_before: weakref.WeakSet[asyncio.Task[Any]] = weakref.WeakSet()  # when the test began


def test_begins() -> None:
    """Note the tasks already running (call from the test's loop): a client one of them
    starts was not started by this test, whichever test it is blamed on."""
    _tasks_before.clear()
    _tasks_before.update(asyncio.all_tasks())


@contextlib.contextmanager
def owned_by(owner: str) -> Iterator[None]:
    """Clients started inside belong to `owner`."""
    _owner.append(owner)
    try:
        yield
    finally:
        _owner.pop()


def install() -> None:
    for cls in CLIENT_CLASSES:
        if getattr(cls.start, "_notes_leaks", False):
            continue
        cls.start = _noting(cls.start)


def _noting(start: Any) -> Any:
    async def noted_start(self: Any, *args: Any, **kwargs: Any) -> Any:
        # noted before starting: a start that fails half-way leaves a live client too
        owner = _owner[-1] if _owner else "no test"
        _started.append(Started(self, owner, _caller()))
        return await start(self, *args, **kwargs)

    noted_start._notes_leaks = True  # type: ignore[attr-defined]
    return noted_start


def _caller() -> str:
    frames = [f for f in traceback.extract_stack()[:-2]
              if f.filename.startswith(_ROOT) and not f.filename.endswith("kafka_leaks.py")]
    where = " <- ".join(f"{Path(f.filename).relative_to(_ROOT)}:{f.lineno} ({f.name})"
                        for f in reversed(frames[-3:])) or "outside the project"
    task = asyncio.current_task()
    if task is not None and task in _tasks_before:
        where += f", by task {task.get_name()!r}, running since before this test"
    return where


def leaked(owner: str) -> list[Started]:
    """`owner`'s clients that still run; forgets clients that have closed."""
    found: list[Started] = []
    kept: list[Started] = []
    for note in _started:
        client = note.client
        if not running(client):
            continue
        kept.append(note)
        if note.owner == owner:
            found.append(note)
    _started[:] = kept
    return found


async def settle(clients: list[Any], seconds: float = 2.0) -> None:
    """Give clients already stopping (a `stop()` still unwinding in another task) a moment."""
    closing = [c for c in clients if getattr(c, "_closed", False) is True]
    for _ in range(int(seconds / 0.05)):
        if not any(running(c) for c in closing):
            return
        await asyncio.sleep(0.05)


def running(client: Any) -> bool:
    """Whether the client still works in the background: a routine not ended, or a
    connection open. Clients of a loop that has been closed can never run again."""
    kafka = getattr(client, "_client", None) or getattr(client, "client", None)
    if kafka is None or kafka._loop.is_closed():
        return False
    fetcher = getattr(client, "_fetcher", None)
    coordinator = getattr(client, "_coordinator", None)
    sender = getattr(client, "_sender", None)
    routines = [kafka._sync_task, getattr(fetcher, "_fetch_task", None),
                getattr(coordinator, "_coordination_task", None),
                getattr(coordinator, "_heartbeat_task", None),
                getattr(sender, "sender_task", None)]
    if any(task is not None and not task.done() for task in routines):
        return True
    return any(conn.connected() for conn in list(kafka._conns.values()))


async def close(client: Any) -> None:
    """Stop a leaked client so it disturbs no later test."""
    stop = client.close if isinstance(client, AIOKafkaAdminClient) else client.stop
    with contextlib.suppress(Exception):
        await asyncio.wait_for(stop(), 10)
    with contextlib.suppress(Exception):  # a stop() that was already under way
        await asyncio.wait_for(client._client.close() if hasattr(client, "_client")
                               else client.client.close(), 5)


def close_now(client: Any) -> None:
    """`close` from outside the loop (a wider fixture's teardown, between tests)."""
    loop = client._loop
    if not loop.is_closed() and not loop.is_running():
        loop.run_until_complete(close(client))


def report(left: list[Started], by: str) -> str:
    return f"Kafka client(s) left running by {by}:\n" + "\n".join(
        "  " + note.describe() for note in left)


def _name(client: Any) -> str:
    kind = type(client).__name__
    kafka = getattr(client, "_client", None) or getattr(client, "client", None)
    parts = [f"client_id={getattr(kafka, '_client_id', '?')!r}"]
    group = getattr(client, "_group_id", None)
    if group is not None:
        parts.append(f"group_id={group!r}")
    if isinstance(client, AIOKafkaConsumer):
        subscription = client._subscription
        topics = sorted(subscription.subscription.topics) if subscription.subscription \
            else sorted({tp.topic for tp in client.assignment()})
        parts.append(f"topics={topics}")
    return f"{kind}({', '.join(parts)})"
