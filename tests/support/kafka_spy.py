"""Counting what a Kafka client sends, for tests that prove a loop stays quiet."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiokafka.conn import AIOKafkaConnection


def fetch_counter(fetches: list[int], namespace: str) -> Callable[..., Any]:
    """A stand-in for `AIOKafkaConnection.send` (patch it in) that notes in `fetches` each
    Fetch request naming a topic of `namespace` (as the number of partitions it names), and
    sends every request as before.

    Only the test's own namespace counts: the tests share one event loop per worker, so a
    client another test left running fetches its own topics while this one is patched."""
    send = AIOKafkaConnection.send
    prefix = f"{namespace}."

    def counting(self: AIOKafkaConnection, request: Any, expect_response: bool = True) -> Any:
        if type(request).__name__.startswith("FetchRequest") and any(
                topic.startswith(prefix) for topic, _ in request.topics):
            fetches.append(sum(len(parts) for _, parts in request.topics))
        return send(self, request, expect_response)

    return counting


def request_counter(counted: list[str], namespace: str,
                    kinds: tuple[str, ...] = ("OffsetRequest", "FetchRequest")
                    ) -> Callable[..., Any]:
    """As `fetch_counter`, for several request kinds: notes in `counted` the kind of each
    request of `kinds` naming a topic of `namespace` (aiokafka's `OffsetRequest` is
    ListOffsets, what `end_offsets` sends)."""
    send = AIOKafkaConnection.send
    prefix = f"{namespace}."

    def counting(self: AIOKafkaConnection, request: Any, expect_response: bool = True) -> Any:
        kind = next((k for k in kinds if type(request).__name__.startswith(k)), None)
        named = getattr(request, "topics", None) or getattr(request, "_topics", ())
        if kind is not None and any(str(entry[0]).startswith(prefix) for entry in named):
            counted.append(kind)
        return send(self, request, expect_response)

    return counting
