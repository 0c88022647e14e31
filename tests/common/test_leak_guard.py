"""The guard every test runs under (tests/conftest.py `no_kafka_client_left`): it names the
Kafka clients a test left running, and never a wider fixture's."""

from __future__ import annotations

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from services.common.settings import Settings
from tests.support import kafka_leaks


async def test_a_client_left_running_is_named_with_where_it_started(settings: Settings) -> None:
    consumer = AIOKafkaConsumer(settings.topic("forgotten"), group_id="forgetful",
                                bootstrap_servers=settings.kafka_bootstrap)
    producer = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap)
    with kafka_leaks.owned_by("a forgetful test"):
        await consumer.start()
        await producer.start()
    try:
        left = kafka_leaks.leaked("a forgetful test")
        assert [note.client for note in left] == [consumer, producer]
        described = left[0].describe()
        assert "AIOKafkaConsumer(" in described
        assert "group_id='forgetful'" in described
        assert settings.topic("forgotten") in described
        assert "tests/common/test_leak_guard.py" in described  # where it was started
        assert "AIOKafkaProducer(" in left[1].describe()
    finally:
        await kafka_leaks.close(consumer)
        await kafka_leaks.close(producer)
    assert not kafka_leaks.running(consumer) and not kafka_leaks.running(producer)
    assert kafka_leaks.leaked("a forgetful test") == []


async def test_a_stopped_client_or_a_wider_fixtures_is_not_the_tests(settings: Settings) -> None:
    stopped = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap)
    shared = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap)
    with kafka_leaks.owned_by("a tidy test"):
        await stopped.start()
        await stopped.stop()
        with kafka_leaks.owned_by("fixture shared_stack (module)"):
            await shared.start()
    try:
        assert kafka_leaks.leaked("a tidy test") == []
        assert [n.client for n in kafka_leaks.leaked("fixture shared_stack (module)")] == [shared]
    finally:
        await shared.stop()


async def test_a_client_started_in_the_test_body_is_the_tests(
        settings: Settings, request: pytest.FixtureRequest) -> None:
    """The conftest hook makes the running test the owner of what its body starts."""
    producer = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap)
    await producer.start()
    try:
        assert [n.client for n in kafka_leaks.leaked(request.node.nodeid)] == [producer]
    finally:
        await producer.stop()
    assert kafka_leaks.leaked(request.node.nodeid) == []
