"""Counting what a Kafka client sends, for tests that prove a loop stays quiet."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiokafka.conn import AIOKafkaConnection


def fetch_counter(fetches: list[int]) -> Callable[..., Any]:
    """A stand-in for `AIOKafkaConnection.send` (patch it in) that notes each Fetch
    request in `fetches` and sends every request as before."""
    send = AIOKafkaConnection.send

    def counting(self: AIOKafkaConnection, request: Any, expect_response: bool = True) -> Any:
        if type(request).__name__.startswith("FetchRequest"):
            fetches.append(1)
        return send(self, request, expect_response)

    return counting
