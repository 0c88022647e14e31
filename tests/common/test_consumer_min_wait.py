"""A consumer loop off the live path may ask for a longer fetch wait while records flow
(`min_wait_ms`): on Tansu every fetch costs the broker CPU, and a longer wait means far
fewer of them. Audit's and the publisher's loops ask for it; the default stays."""

from __future__ import annotations

from services.audit.app import create_app as audit_app
from services.common.components import COMPONENTS
from services.common.consumer import ConsumerLoop
from services.common.producer import EventProducer
from services.common.settings import Settings
from services.publisher.app import create_app as publisher_app


async def _noop(*_: object) -> None:
    return None


def _loop(settings: Settings, **options: int) -> ConsumerLoop:
    return ConsumerLoop(settings=settings, service="audit", topics=["cases"], handler=_noop,
                        producer=EventProducer(settings=settings, service="audit"), group_id="g",
                        **options)  # type: ignore[arg-type]


async def test_the_fetch_wait_is_the_loops_own_or_the_settings(settings: Settings) -> None:
    default = _loop(settings)._new_consumer()
    longer = _loop(settings, min_wait_ms=100)._new_consumer()
    assert default._fetch_max_wait_ms == settings.fetch_min_wait_ms
    assert longer._fetch_max_wait_ms == 100
    await default.stop()
    await longer.stop()


def test_audit_and_publisher_wait_longer_the_live_path_does_not(settings: Settings) -> None:
    for app, service in ((audit_app(settings), "audit"),
                         (publisher_app(settings), "publisher")):
        for loop in app[COMPONENTS][service].consumers:
            if loop._group_id is not None:  # not the replay of cases
                assert loop._min_wait_ms == 100, (service, loop.name)
    assert _loop(settings)._min_wait_ms == settings.fetch_min_wait_ms == 5
