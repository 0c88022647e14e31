"""aiokafka on uvloop (the services' event loop): a connection the broker cut is a broken
connection, never an error that ends one of the client's background routines.

uvloop raises RuntimeError ("the handler is closed") on a write to a transport that has
closed; asyncio's own loop ignores it. aiokafka's connection handles only OSError there,
so in the broker-cut fault test the RuntimeError ended whichever routine was sending at
that moment: the metadata routine (every later metadata refresh, coordinator lookup,
commit and rejoin then waited forever: a consumer never ready again), the fetcher routine
(nothing fetched again), or the producer's sender. The tests run on uvloop for that."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import uvloop
from aiokafka import AIOKafkaConsumer
from aiokafka.conn import AIOKafkaConnection
from aiokafka.errors import KafkaConnectionError
from aiokafka.protocol.metadata import MetadataRequest

from services.common import kafka_config  # noqa: F401  # what every Kafka client imports
from services.common.settings import Settings
from tests.support.tcpproxy import ProxiedBroker


async def _connections(consumer: AIOKafkaConsumer) -> list[AIOKafkaConnection]:
    """The client's open broker connections (a metadata request opens one)."""
    await consumer._client.fetch_all_metadata()
    found = [conn for conn in consumer._client._conns.values() if conn.connected()]
    assert found
    return found


def test_a_write_on_a_cut_connection_is_a_connection_error(settings: Settings) -> None:
    async def scenario() -> None:
        consumer = AIOKafkaConsumer(bootstrap_servers=settings.kafka_bootstrap)
        await consumer.start()
        try:
            conn = (await _connections(consumer))[0]
            conn._writer.transport.abort()  # the broker's reset...
            await asyncio.sleep(0)  # ...seen by the loop, not yet by aiokafka
            with pytest.raises(KafkaConnectionError):
                await conn.send(MetadataRequest([]))
            assert not conn.connected()  # closed, so the next request opens a new one
        finally:
            await consumer.stop()

    uvloop.run(scenario())


def test_a_request_on_a_connection_the_broker_just_reset_fails_as_a_connection_error(
        tmp_path: Path) -> None:
    # The path every background routine takes (fetcher, coordinator, metadata, sender).
    async def scenario() -> None:
        broker = ProxiedBroker(log_file=tmp_path / "broker.log")
        await broker.start()
        consumer = AIOKafkaConsumer(bootstrap_servers=broker.bootstrap)
        try:
            await consumer.start()
            conn = (await _connections(consumer))[0]
            [(node_id, _)] = [key for key, open_ in consumer._client._conns.items()
                              if open_ is conn]
            transport = conn._writer.transport
            await broker.proxy.cut()  # resets the connection
            for _ in range(1000):  # the loop's turns until it has seen the reset
                if transport.is_closing():
                    break
                await asyncio.sleep(0)
            await asyncio.sleep(0)  # closed for the loop; aiokafka still counts it open
            with pytest.raises(KafkaConnectionError):
                await consumer._client.send(node_id, MetadataRequest([]))
        finally:
            await consumer.stop()
            await broker.stop()

    uvloop.run(scenario())
