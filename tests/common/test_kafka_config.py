"""Heartbeat interval: a fifth of the session unless `orcast dev` asks for fewer."""

from __future__ import annotations

import pytest

from services.common import kafka_config
from services.common.settings import Settings


def test_heartbeats_default_to_a_fifth_of_the_session() -> None:
    assert kafka_config.heartbeat_interval_ms(10_000, 0) == 2_000
    assert kafka_config.heartbeat_interval_ms(2_000, 0) == 400


def test_a_requested_interval_never_exceeds_a_third_of_the_session() -> None:
    assert kafka_config.heartbeat_interval_ms(3_000, 1_000) == 1_000
    # a missed beat must not expire it
    assert kafka_config.heartbeat_interval_ms(2_000, 1_000) == 666


def test_the_interval_is_read_into_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings.from_env({}).kafka_heartbeat_interval_ms == 0
    monkeypatch.setenv("ORCAST_KAFKA_HEARTBEAT_INTERVAL_MS", "1000")
    assert Settings.from_env().kafka_heartbeat_interval_ms == 1_000
