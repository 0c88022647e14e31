"""One engine for the whole folder (lexicons load once) and a registered patient."""

from __future__ import annotations

import pytest

from services.common.deid import CaseIdentifiers, Engine, EngineConfig

KEY = b"test-key-0123456789abcdef-0123456789"


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine()


@pytest.fixture(scope="session")
def case() -> CaseIdentifiers:
    return CaseIdentifiers.from_plain(
        names=["John Quincy Smith"], mrn="0012345678", dob="1961-03-14", key=KEY)


@pytest.fixture(autouse=True)
def _no_lexicon_cache_in_home(monkeypatch: pytest.MonkeyPatch) -> None:
    # `orcast deid` keeps its word lists under ~/.cache; tests build their own (test_lexcache)
    monkeypatch.setenv("ORCAST_DEID_CACHE_DIR", "off")


@pytest.fixture(scope="session")
def long_engine() -> Engine:
    """An engine that reads notes four times longer than a note may be: the growth tests
    (tests/deidentify/growth.py) compare a rule's cost at two lengths."""
    return Engine(EngineConfig(max_length=4 * EngineConfig().max_length))
