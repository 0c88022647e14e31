"""Ingest's own knobs, read once from the environment when the service is set up.

| variable | default | meaning |
|---|---|---|
| ORCAST_INGEST_RATE | 5 | milestones per second per principal (token refill); 0 disables |
| ORCAST_INGEST_BURST | 60 | bucket size: a tablet flushing a whole procedure's offline queue |
| ORCAST_INGEST_UNDO_SECONDS | 60 | grace window in which the author may withdraw an update |
| ORCAST_INGEST_MAX_STREAMS | 8 | concurrent status streams per principal |

They live here rather than in the shared `Settings` because only ingest reads them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from services.common.settings import ConfigError, environment


def _number(env: Mapping[str, str], name: str, default: float, minimum: float) -> float:
    raw = env.get(name, "")
    if raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if value < minimum:
        raise ConfigError(f"{name} must be at least {minimum:g}, got {raw!r}")
    return value


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestConfig:
    rate_per_second: float = 5.0
    burst: int = 60
    undo_seconds: float = 60.0
    max_streams: int = 8

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> IngestConfig:
        env = environment() if env is None else env
        return cls(
            rate_per_second=_number(env, "ORCAST_INGEST_RATE", 5.0, 0.0),
            burst=int(_number(env, "ORCAST_INGEST_BURST", 60, 1)),
            undo_seconds=_number(env, "ORCAST_INGEST_UNDO_SECONDS", 60.0, 0.0),
            max_streams=int(_number(env, "ORCAST_INGEST_MAX_STREAMS", 8, 1)),
        )
