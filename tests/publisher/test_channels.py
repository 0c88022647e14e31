"""Channel file: schema validation with the bad field named, env-only secrets."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from services.publisher.adapters import build_adapter
from services.publisher.channels import ChannelConfigError, load_channels, parse_channels

EXAMPLE = Path(__file__).resolve().parents[2] / "deploy" / "channels.example.yaml"


def channel(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "masto",
        "kind": "mastodon",
        "base_url": "https://mastodon.example.org",
        "audience": "public",
        "credentials": {"access_token": "ORCAST_MASTODON_TOKEN"},
        "hashtags": ["SurgEd", "#MedEd"],
        "rate_limit": {"per_second": 1, "burst": 2},
    }
    base.update(overrides)
    return base


@pytest.mark.parametrize("setting", ["ORCAST_SECRET", "ORCAST_KAFKA_SASL_PASSWORD"])
def test_a_channel_may_not_name_an_orcast_setting_as_its_credential(setting: str) -> None:
    """The publisher reads credentials from the whole environment and sends them to a
    network: a channel file naming one of ORcast's settings would send it that secret."""
    with pytest.raises(ChannelConfigError, match=f"/channels/0/credentials/access_token: "
                                                 f"{setting} is an ORcast setting"):
        parse_channels({"channels": [channel(credentials={"access_token": setting})]})


def test_example_file_loads() -> None:
    channels = load_channels(EXAMPLE)
    assert [c.kind for c in channels] == ["mastodon", "bluesky", "x", "webhook"]
    x = next(c for c in channels if c.kind == "x")
    assert not x.enabled
    webhook = channels[-1]
    assert webhook.audience == "students" and webhook.timeout_seconds == 5.0
    assert x.link_for("b/9 x") == "https://orcast.example.org/live/b%2F9%20x"
    assert webhook.link_for("b1") is None


def test_json_file_and_defaults(tmp_path: Path) -> None:
    path = tmp_path / "channels.json"
    path.write_text(json.dumps({"channels": [channel()]}))
    (c,) = load_channels(path)
    assert c.hashtags == ("#SurgEd", "#MedEd")
    assert (c.enabled, c.max_attempts, c.timeout_seconds) == (True, 8, 10.0)
    assert c.rate_limit.per_second == 1.0 and c.rate_limit.burst == 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        c.id = "other"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("doc", "names"),
    [
        ({"channels": [channel(kind="myspace")]}, "/channels/0/kind"),
        ({"channels": [channel(audience="everyone")]}, "/channels/0/audience"),
        ({"channels": [channel(base_url="mastodon.example.org")]}, "/channels/0/base_url"),
        (
            {"channels": [channel(credentials={"access_token": "s3cr3t-token-value"})]},
            "/channels/0/credentials/access_token",
        ),
        (
            {"channels": [channel(kind="bluesky", credentials={"identifier": "BSKY_ID"})]},
            "app_password",
        ),
        ({"channels": [channel(rate_limit={"per_second": 0, "burst": 1})]}, "per_second"),
        ({"channels": [channel(colour="blue")]}, "/channels/0/colour"),
        ({"channels": [channel(id="Bad Id")]}, "/channels/0/id"),
        ({"channels": [channel(link="http://orcast.example.org/live/{broadcast_id}")]},
         "/channels/0/link"),
        ({"channels": [channel(), channel()]}, "/channels/1/id"),
        ({"chanels": []}, "channels"),
    ],
)
def test_errors_name_the_field(doc: dict[str, Any], names: str) -> None:
    with pytest.raises(ChannelConfigError) as info:
        parse_channels(doc)
    assert names in str(info.value)


def test_secret_value_never_echoed() -> None:
    doc = {"channels": [channel(credentials={"access_token": "s3cr3t-token-value"})]}
    with pytest.raises(ChannelConfigError) as info:
        parse_channels(doc)
    assert "s3cr3t" not in str(info.value)


def test_unreadable_and_malformed_files(tmp_path: Path) -> None:
    with pytest.raises(ChannelConfigError, match="cannot read"):
        load_channels(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("channels: [unclosed")
    with pytest.raises(ChannelConfigError, match="not valid"):
        load_channels(bad)


async def test_missing_environment_variable_is_named() -> None:
    (c,) = parse_channels({"channels": [channel()]})
    async with aiohttp.ClientSession() as session:
        with pytest.raises(ChannelConfigError, match="ORCAST_MASTODON_TOKEN"):
            build_adapter(c, session, {})
        adapter = build_adapter(c, session, {"ORCAST_MASTODON_TOKEN": "tok"})
        assert adapter.channel is c
