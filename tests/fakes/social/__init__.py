"""Faithful fakes of the networks the publisher posts to, on real local ports.

    async with running_fakes() as fakes:
        fakes.mastodon.url          # base URL for a ChannelConfig
        fakes.mastodon.fake.posts   # what got posted, deleted flag included
        fakes.x.fake.fail(2)        # next two requests answer 503

Each fake is also usable alone: `FakeMastodon().app()` is an aiohttp
application for `aiohttp_server`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from typing import Generic, TypeVar

from aiohttp.test_utils import TestServer

from services.publisher.channels import ChannelConfig, RateLimit

from .bluesky import FakeBluesky
from .common import FakeNetwork, Post, Recorded
from .mastodon import FakeMastodon
from .webhook import FakeWebhookReceiver
from .x import FakeX

__all__ = [
    "FakeBluesky",
    "FakeMastodon",
    "FakeNetwork",
    "FakeWebhookReceiver",
    "FakeX",
    "Post",
    "Recorded",
    "Running",
    "channel_config",
    "env_for",
    "running_fakes",
    "serve",
]

F = TypeVar("F", bound=FakeNetwork)

# Environment for `build_adapter`: variable names as a channel file would give them.
CREDENTIALS = {
    "mastodon": {"access_token": "T_MASTODON_TOKEN"},
    "bluesky": {"identifier": "T_BSKY_ID", "app_password": "T_BSKY_PASSWORD"},
    "x": {"access_token": "T_X_TOKEN"},
    "webhook": {"secret": "T_WEBHOOK_SECRET"},
}


@dataclass(frozen=True)
class Running(Generic[F]):
    fake: F
    url: str  # no trailing slash


@dataclass(frozen=True)
class Fakes:
    mastodon: Running[FakeMastodon]
    bluesky: Running[FakeBluesky]
    x: Running[FakeX]
    webhook: Running[FakeWebhookReceiver]


@asynccontextmanager
async def serve(fake: F) -> AsyncIterator[Running[F]]:
    """One fake on 127.0.0.1 and an ephemeral port, closed on exit."""
    server = TestServer(fake.app(), host="127.0.0.1", port=0)
    await server.start_server()
    try:
        yield Running(fake, str(server.make_url("")).rstrip("/"))
    finally:
        await server.close()


@asynccontextmanager
async def running_fakes(
    *,
    mastodon: FakeMastodon | None = None,
    bluesky: FakeBluesky | None = None,
    x: FakeX | None = None,
    webhook: FakeWebhookReceiver | None = None,
) -> AsyncIterator[Fakes]:
    """All four fakes at once (pass configured instances to override defaults)."""
    async with AsyncExitStack() as stack:
        yield Fakes(
            mastodon=await stack.enter_async_context(serve(mastodon or FakeMastodon())),
            bluesky=await stack.enter_async_context(serve(bluesky or FakeBluesky())),
            x=await stack.enter_async_context(serve(x or FakeX())),
            webhook=await stack.enter_async_context(serve(webhook or FakeWebhookReceiver())),
        )


def env_for(fake: FakeNetwork) -> dict[str, str]:
    """The environment holding `fake`'s valid credentials."""
    if isinstance(fake, FakeMastodon):
        return {"T_MASTODON_TOKEN": fake.token}
    if isinstance(fake, FakeBluesky):
        return {"T_BSKY_ID": fake.identifier, "T_BSKY_PASSWORD": fake.password}
    if isinstance(fake, FakeX):
        return {"T_X_TOKEN": fake.token}
    assert isinstance(fake, FakeWebhookReceiver)
    return {"T_WEBHOOK_SECRET": fake.secret}


def channel_config(kind: str, base_url: str, **overrides: object) -> ChannelConfig:
    """A valid channel of `kind` pointing at a fake; short timeout for fast tests."""
    values: dict[str, object] = {
        "id": f"{kind}-test",
        "kind": kind,
        "base_url": base_url,
        "audience": "public",
        "credentials": CREDENTIALS[kind],
        "rate_limit": RateLimit(100.0, 100),
        "hashtags": ("#SurgEd",),
        "timeout_seconds": 2.0,
    }
    values.update(overrides)
    return ChannelConfig(**values)  # type: ignore[arg-type]
