"""Counting calls into aiosqlite's worker thread (each a queue put, a wake of the worker
and a wake of the event loop): the cost issue 14 measured per consumer batch."""

from __future__ import annotations

from typing import Any

import aiosqlite.core
import pytest


class WorkerCalls:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        stock = aiosqlite.core.Connection._execute

        async def counted(conn: Any, fn: Any, *args: Any, **kwargs: Any) -> Any:
            self.count += 1
            return await stock(conn, fn, *args, **kwargs)  # type: ignore[no-untyped-call]

        monkeypatch.setattr(aiosqlite.core.Connection, "_execute", counted)

    def reset(self) -> int:
        count, self.count = self.count, 0
        return count
