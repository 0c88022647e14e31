"""One adapter per channel kind, behind the `ChannelAdapter` protocol."""

from __future__ import annotations

from collections.abc import Mapping

import aiohttp

from ..channels import ChannelConfig, ChannelConfigError
from .base import ChannelAdapter, PostRequest, RemoteRef, TextLimits
from .bluesky import BlueskyAdapter
from .errors import (
    AuthError,
    DuplicateContent,
    PublishError,
    RateLimited,
    RejectedError,
    RemoteUnavailable,
)
from .mastodon import MastodonAdapter
from .webhook import WebhookAdapter
from .x import XAdapter

__all__ = [
    "AuthError",
    "ChannelAdapter",
    "DuplicateContent",
    "PostRequest",
    "PublishError",
    "RateLimited",
    "RejectedError",
    "RemoteRef",
    "RemoteUnavailable",
    "TextLimits",
    "build_adapter",
]


def build_adapter(
    channel: ChannelConfig, session: aiohttp.ClientSession, env: Mapping[str, str]
) -> ChannelAdapter:
    """The adapter for `channel`, its credentials read from `env` now so a missing
    variable fails at start-up (ChannelConfigError names it), not at first post."""
    secrets = channel.secrets(env)
    if channel.kind == "mastodon":
        return MastodonAdapter(channel, session, secrets)
    if channel.kind == "bluesky":
        return BlueskyAdapter(channel, session, secrets)
    if channel.kind == "x":
        return XAdapter(channel, session, secrets)
    if channel.kind == "webhook":
        return WebhookAdapter(channel, session, secrets)
    raise ChannelConfigError(f"channel {channel.id!r}: unknown kind {channel.kind!r}")
