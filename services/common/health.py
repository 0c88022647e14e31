"""Readiness checks registered by each service part (consumers, store, producer)."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable

from aiohttp import web

Check = Callable[[], bool | Awaitable[bool]]
Explain = Callable[[], str | None]


class Health:
    def __init__(self) -> None:
        self._checks: dict[str, Check] = {}
        self._explains: dict[str, Explain] = {}

    def add(self, name: str, check: Check, explain: Explain | None = None) -> None:
        """`explain`: why the check fails (None when it does not know), for admins."""
        self._checks[name] = check
        if explain is not None:
            self._explains[name] = explain

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

    def reasons(self, report: dict[str, bool]) -> dict[str, str]:
        """Why each failed check of `report` fails, where its part can say."""
        found: dict[str, str] = {}
        for name, ok in report.items():
            explain = self._explains.get(name)
            if ok or explain is None:
                continue
            try:
                reason = explain()
            except Exception as exc:
                reason = f"unexplained ({type(exc).__name__})"
            if reason:
                found[name] = reason
        return found


HEALTH = web.AppKey("health", Health)
