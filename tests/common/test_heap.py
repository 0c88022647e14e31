"""A started service freezes its start-up heap and collects the young generation less
often (common/heap.py): ingest spent 12 % of its CPU in the cyclic collector at 1,000
milestones/s, most of it full collections walking the modules, schemas and mappers it
loaded at start (bench/results/idle.md, 2026-12-05 cpu14b)."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator

import pytest

from services.common import heap


@pytest.fixture
def restored_gc() -> Iterator[None]:
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_settle_moves_the_start_up_heap_out_of_every_collection(restored_gc: None) -> None:
    gc.unfreeze()
    loaded = [{"start-up": i} for i in range(1000)]  # what start-up leaves alive
    heap.settle()
    assert gc.get_freeze_count() >= len(loaded)
    collected = {id(obj) for generation in range(3) for obj in gc.get_objects(generation)}
    assert not collected & {id(obj) for obj in loaded}


def test_settle_raises_the_young_generation_threshold(restored_gc: None) -> None:
    gc.set_threshold(700, 10, 10)
    heap.settle()
    assert gc.get_threshold()[0] == heap.YOUNG_THRESHOLD > 700


def test_garbage_made_after_settling_is_still_collected(restored_gc: None) -> None:
    heap.settle()

    class Node:
        pass

    node = Node()
    node.self = node  # type: ignore[attr-defined]
    del node
    assert gc.collect() >= 1


def test_a_service_settles_its_heap_once_started(monkeypatch: pytest.MonkeyPatch) -> None:
    """`orcast run` settles after its app (consumers, stores, schemas) has started, before
    it waits to be stopped."""
    from aiohttp import web

    from services import cli
    from services.common import serving
    from services.common.settings import Settings

    done: list[str] = []

    class Runner:
        server = None

        async def cleanup(self) -> None:
            done.append("cleaned up")

    async def start(*args: object, **kwargs: object) -> Runner:
        done.append("started")
        return Runner()

    class Started(Exception):
        pass

    def on_started() -> None:
        done.append("serving")
        raise Started

    monkeypatch.setattr(serving, "start", start)
    monkeypatch.setattr(heap, "settle", lambda: done.append("settled"))
    with pytest.raises(Started):
        asyncio.run(cli._serve(web.Application(), Settings.from_env(), on_started))
    assert done == ["started", "settled", "serving", "cleaned up"]
