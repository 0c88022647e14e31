"""Readiness checks registered by each service part (consumers, store, producer)."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable

from aiohttp import web

Check = Callable[[], bool | Awaitable[bool]]


class Health:
    def __init__(self) -> None:
        self._checks: dict[str, Check] = {}

    def add(self, name: str, check: Check) -> None:
        self._checks[name] = check

    async def report(self) -> dict[str, bool]:
        results: dict[str, bool] = {}
        for name, check in self._checks.items():
            try:
                outcome = check()
                if inspect.isawaitable(outcome):
                    outcome = await asyncio.wait_for(outcome, 2.0)
                results[name] = bool(outcome)
            except Exception:
                results[name] = False
        return results


HEALTH = web.AppKey("health", Health)
