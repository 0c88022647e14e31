"""One stack per module (overrides the per-test `stack`): these tests only read it or add
their own cases, and a stack costs seconds to start."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.conftest import make_settings
from tests.support.stack import Stack, running_stack


@pytest.fixture(scope="module")
async def stack(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory
                       ) -> AsyncIterator[Stack]:
    data_dir: Path = tmp_path_factory.mktemp("security")
    async with running_stack(make_settings(kafka_bootstrap, data_dir)) as running:
        yield running
