"""What one channel's delivery needs, bundled so the worker and its steps share it."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from services.common.store import Store

from .adapters.base import ChannelAdapter
from .backoff import Backoff
from .breaker import CircuitBreaker
from .channels import ChannelConfig
from .ledger import Fence, Ledger
from .ratelimit import TokenBucket

AfterCall = Callable[[sa.Row[Any]], Awaitable[None]]


async def _nothing(_row: sa.Row[Any]) -> None:
    return None


@dataclass(slots=True)
class ChannelContext:
    channel: ChannelConfig
    adapter: ChannelAdapter
    store: Store
    ledger: Ledger
    backoff: Backoff
    breaker: CircuitBreaker
    bucket: TokenBucket
    fence: Fence
    clock: Callable[[], float] = time.time
    # Runs between a successful network write and the database update that
    # records it: tests put a crash here.
    after_call: AfterCall = field(default=_nothing)
