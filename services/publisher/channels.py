"""The channel file: which networks an update goes to, and how hard to push.

Validated against `schemas/channels.json` when loaded, so a bad file stops the
publisher at start-up with the offending field named, instead of failing one
post at a time. Secrets stay in the environment; the file names the variables.

| field | meaning |
|---|---|
| id | stable channel id (`^[a-z0-9_-]{1,64}$`), used in the outbox and logs |
| kind | mastodon, bluesky, x or webhook: picks the adapter |
| base_url | instance / PDS / API / receiver URL |
| audience | public or students: consent scope the update must have |
| credentials | credential name -> environment variable name |
| hashtags | appended while they fit, dropped from the end when they do not |
| link | optional https URL added to every post; `{broadcast_id}` becomes the case's broadcast id |
| rate_limit | token bucket: per_second, burst |
| enabled | false keeps the channel configured but silent |
| max_attempts | attempts before the outbox dead-letters (default 8) |
| timeout_seconds | per HTTP request (default 10) |
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, cast
from urllib.parse import quote

import yaml

from services.common import schemas
from services.common.settings import ConfigError
from services.common.variables import VARIABLES

SCHEMA_ID = "channels.json"

Kind = Literal["mastodon", "bluesky", "x", "webhook"]
Audience = Literal["public", "students"]


class ChannelConfigError(ConfigError):
    """The channel file or a channel's environment is wrong; the message names the field."""


@dataclass(frozen=True, slots=True)
class RateLimit:
    per_second: float
    burst: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ChannelConfig:
    id: str
    kind: Kind
    base_url: str
    audience: Audience
    credentials: Mapping[str, str]  # credential name -> environment variable name
    rate_limit: RateLimit
    hashtags: tuple[str, ...] = ()
    link: str | None = None  # template; see link_for
    enabled: bool = True
    max_attempts: int = 8
    timeout_seconds: float = 10.0

    def link_for(self, broadcast_id: str) -> str | None:
        """The post's link for one case. Each case's posts then differ from another
        case's posts of the same milestone, which X requires (it refuses identical text)."""
        if self.link is None:
            return None
        return self.link.replace("{broadcast_id}", quote(broadcast_id, safe=""))

    def secrets(self, env: Mapping[str, str]) -> dict[str, str]:
        """Resolve every credential from `env`; the error names the variable, never a value."""
        resolved: dict[str, str] = {}
        for name, var in self.credentials.items():
            value = env.get(var, "")
            if not value:
                raise ChannelConfigError(
                    f"channel {self.id!r}: credential {name!r} needs environment "
                    f"variable {var}, which is not set"
                )
            resolved[name] = value
        return resolved


def load_channels(path: str | Path) -> tuple[ChannelConfig, ...]:
    """Read a YAML or JSON channel file (JSON is YAML, so one parser serves both)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ChannelConfigError(f"{path}: cannot read channel file ({exc.strerror})") from None
    try:
        document = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as exc:
        raise ChannelConfigError(f"{path}: not valid YAML/JSON: {exc}") from None
    return parse_channels(document, source=str(path))


# ORcast's own variables (Settings reads them; README's table): never a channel's secret.
_SETTINGS = frozenset(n for v in VARIABLES for n in v.names())


def parse_channels(document: object, *, source: str = "channels") -> tuple[ChannelConfig, ...]:
    problems = _problems(document)
    if problems:
        raise ChannelConfigError(f"{source}: " + "; ".join(problems[:5]))
    doc = cast(dict[str, Any], document)
    channels: list[ChannelConfig] = []
    seen: set[str] = set()
    for index, raw in enumerate(doc["channels"]):
        if raw["id"] in seen:
            raise ChannelConfigError(f"{source}: /channels/{index}/id: duplicate id {raw['id']!r}")
        seen.add(raw["id"])
        for name, var in raw["credentials"].items():
            if var in _SETTINGS:  # read from the environment as it is, sent to a network
                raise ChannelConfigError(
                    f"{source}: /channels/{index}/credentials/{name}: {var} is an ORcast "
                    "setting, not a channel's credential; name a variable of its own")
        channels.append(_channel(raw))
    return tuple(channels)


def _problems(document: object) -> list[str]:
    """Schema violations as "pointer: reason", unknown keys named (a typo'd field
    name is the commonest mistake in a hand-written file; keys are never secrets)."""
    unknown: list[str] = []
    for error in schemas.validator(SCHEMA_ID).iter_errors(document):
        for e in (error, *error.context):
            if e.validator == "additionalProperties" and isinstance(e.instance, dict):
                known = e.schema.get("properties", {}) if isinstance(e.schema, dict) else {}
                base = "".join(f"/{p}" for p in e.absolute_path)
                unknown += [
                    f"{base}/{k}: unexpected property" for k in e.instance if k not in known
                ]
    rest = [
        f"{p.pointer or '/'}: {p.reason}"
        for p in schemas.errors(SCHEMA_ID, document)
        if p.reason != "unexpected property"
    ]
    return unknown + rest


def _channel(raw: Mapping[str, Any]) -> ChannelConfig:
    tags = tuple(dict.fromkeys("#" + t.lstrip("#") for t in raw.get("hashtags", ())))
    return ChannelConfig(
        id=raw["id"],
        kind=raw["kind"],
        base_url=raw["base_url"].rstrip("/"),
        audience=raw["audience"],
        credentials=MappingProxyType(dict(raw["credentials"])),
        rate_limit=RateLimit(float(raw["rate_limit"]["per_second"]), raw["rate_limit"]["burst"]),
        hashtags=tags,
        link=raw.get("link"),
        enabled=raw.get("enabled", True),
        max_attempts=raw.get("max_attempts", 8),
        timeout_seconds=float(raw.get("timeout_seconds", 10)),
    )
