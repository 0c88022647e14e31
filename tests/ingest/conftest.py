"""One running stack shared by the ingest API tests of a module (each stack costs seconds)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from services.ingest.app import LIMITER
from tests.conftest import make_settings
from tests.support.stack import Stack, running_stack


@pytest.fixture(scope="module")
async def shared_stack(kafka_bootstrap: str,
                       tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Stack]:
    settings = make_settings(kafka_bootstrap, tmp_path_factory.mktemp("ingest"))
    async with running_stack(settings) as running:
        yield running


@pytest.fixture
async def api(shared_stack: Stack) -> AsyncIterator[Stack]:
    """The shared stack with fresh rate-limit buckets for each test."""
    shared_stack.app[LIMITER].reset()
    yield shared_stack
