"""Heartbeat interval: a fifth of the session unless `orcast dev` asks for fewer."""

from __future__ import annotations

import pytest

from services.common import kafka_config


def test_heartbeats_default_to_a_fifth_of_the_session(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kafka_config, "HEARTBEAT_INTERVAL_MS", 0)
    assert kafka_config.heartbeat_interval_ms(10_000) == 2_000
    assert kafka_config.heartbeat_interval_ms(2_000) == 400


def test_a_requested_interval_never_exceeds_a_third_of_the_session(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kafka_config, "HEARTBEAT_INTERVAL_MS", 1_000)
    assert kafka_config.heartbeat_interval_ms(3_000) == 1_000
    assert kafka_config.heartbeat_interval_ms(2_000) == 666  # a missed beat must not expire it
