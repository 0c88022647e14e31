"""A consumer loop comes back after the broker does, whatever state the cut left its client in.

Found while reproducing the broker-cut fault test's failure (a consumer never ready again;
its main cause, routines of the client ended by uvloop's RuntimeError, is kafka_conn.py's):
- a loop that met an error while the broker was away closed its client to start a new one,
  and aiokafka's `stop()` raised CancelledError (a fetch task cancelled in its retry pause,
  which is where every fetch task waits while the broker is away): the loop ended without
  a word and the half-closed client went on retrying in the background;
- a client whose fetcher routine had ended fetched nothing more, noticed only once records
  had waited for STALL_SECONDS."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from aiokafka.errors import KafkaConnectionError

from services.common import consumer as consumer_module
from services.common.admin import ensure_topics
from services.common.producer import EventProducer
from services.common.settings import Settings
from services.common.topics import UPDATES_STATUS
from tests.conftest import make_settings
from tests.support.stack import eventually
from tests.support.tcpproxy import ProxiedBroker

from .test_consumer import DEADLETTER, Recorder, start_loop, status_event, stop_loop


async def test_a_client_lost_while_the_broker_is_cut_is_replaced_once_it_is_back(
        proxied: ProxiedBroker, tmp_path: Path) -> None:
    settings = make_settings(proxied.bootstrap, tmp_path)
    await ensure_topics(settings, [UPDATES_STATUS, DEADLETTER])
    handler = Recorder()
    loop = await start_loop(settings, handler, group="cut")
    producer = EventProducer(settings=settings, service="approval", timeout=5)
    try:
        first = status_event(40)
        await producer.publish(UPDATES_STATUS.name, first)

        async def first_handled() -> bool:
            return handler.seen == [first.id]

        await eventually(first_handled, 15, message="first event handled")

        async def polling_again() -> bool:  # its offset committed: a commit in flight
            return loop._polling  # when the cut comes waits for the broker, not for a poll

        await eventually(polling_again, 15, message="first event committed")
        lost = loop._consumer
        assert lost is not None
        poll = lost.getmany

        async def poll_during_the_cut(*args: Any, **kwargs: Any) -> Any:
            if proxied.proxy.mode is None:
                return await poll(*args, **kwargs)
            await asyncio.sleep(0.5)  # its fetches fail meanwhile, and pause to retry
            raise KafkaConnectionError("connection to the broker lost")  # as a cut surfaces

        lost.getmany = poll_during_the_cut  # type: ignore[method-assign]
        await proxied.proxy.cut()

        async def replaced() -> bool:
            return loop._consumer is not lost
        await eventually(replaced, 10, message="lost client dropped")
        await asyncio.sleep(1.0)  # the loop retries while the broker is away
        assert "KafkaConnectionError" in (loop.not_ready_reason() or "")

        await proxied.proxy.restore()
        second = status_event(41)
        await producer.publish(UPDATES_STATUS.name, second)

        async def second_handled() -> bool:
            return handler.seen == [first.id, second.id] and loop.ready()

        await eventually(second_handled, 30, message="loop consuming again after the cut")
        assert lost._client._sync_task is None, "the lost client was left running"
    finally:
        await stop_loop(loop)
        await producer.stop()


async def test_a_client_whose_fetcher_died_is_replaced_before_records_pile_up(
        settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    # The stall watchdog would notice too, but only once records had waited STALL_SECONDS
    # (and not at all while idle): far too late for the live path.
    monkeypatch.setattr(consumer_module, "STALL_SECONDS", 120.0)
    await ensure_topics(settings, [UPDATES_STATUS, DEADLETTER])
    handler = Recorder()
    loop = await start_loop(settings, handler, group="fetcher")
    producer = EventProducer(settings=settings, service="approval")
    try:
        first = status_event(50)
        await producer.publish(UPDATES_STATUS.name, first)

        async def first_handled() -> bool:
            return handler.seen == [first.id]

        await eventually(first_handled, 15, message="first event handled")
        broken = loop._consumer
        assert broken is not None
        fetch_task = broken._fetcher._fetch_task
        fetch_task.cancel()  # as if it had died of an unexpected error
        await asyncio.gather(fetch_task, return_exceptions=True)

        second = status_event(51)
        await producer.publish(UPDATES_STATUS.name, second)

        async def second_handled() -> bool:
            return handler.seen == [first.id, second.id]

        await eventually(second_handled, 15, message="event behind the dead fetcher handled")
        assert loop._consumer is not broken
    finally:
        await stop_loop(loop)
        await producer.stop()


async def test_a_loop_that_is_not_ready_says_why(tmp_path: Path) -> None:
    # Nothing listens on this bootstrap: the client cannot start, the loop keeps trying.
    from services.common.broker import free_port

    settings = make_settings(f"127.0.0.1:{free_port()}", tmp_path)
    loop = await start_loop(settings, Recorder(), group="away")
    try:
        async def explained() -> str | None:
            reason = loop.not_ready_reason()
            return reason if reason and "KafkaConnectionError" in reason else None

        await eventually(explained, 10, message="the failure named while not ready")
        assert not loop.ready()
    finally:
        await stop_loop(loop)
