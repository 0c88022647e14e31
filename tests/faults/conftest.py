"""Fault tests run every service as its own process (tests/support/processes.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.support.processes import Cluster

from .social import Social, social_fakes


@pytest.fixture
async def social(tmp_path: Path) -> AsyncIterator[Social]:
    async with social_fakes(tmp_path) as running:
        yield running


@pytest.fixture
async def cluster(kafka_bootstrap: str, tmp_path: Path, social: Social) -> AsyncIterator[Cluster]:
    """Processes on the session broker, SQLite per service, publisher posting to the fakes.

    Not started: each test decides how many instances of what."""
    running = Cluster(bootstrap=kafka_bootstrap, root=tmp_path, env=social.env)
    try:
        yield running
    finally:
        await running.close()
