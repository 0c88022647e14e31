"""`audit_url`: an audit store on SQLite and, as a second parameter, on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from .support import store_url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def audit_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgres":
        return store_url(tmp_path, request.getfixturevalue("postgres_url"))
    return store_url(tmp_path)
