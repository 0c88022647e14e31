"""Ingest's own knobs, taken from the shared `Settings` when the service is set up.

| variable | default | meaning |
|---|---|---|
| ORCAST_INGEST_RATE | 5 | milestones per second per principal (token refill); 0 disables |
| ORCAST_INGEST_BURST | 60 | bucket size: a tablet flushing a whole procedure's offline queue |
| ORCAST_INGEST_UNDO_SECONDS | 60 | grace window in which the author may withdraw an update |
| ORCAST_INGEST_MAX_STREAMS | 8 | concurrent status streams per principal |

`Settings.from_env` reads and checks them (fields `ingest_*`); this is ingest's view.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.common.settings import Settings


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestConfig:
    rate_per_second: float = 5.0
    burst: int = 60
    undo_seconds: float = 60.0
    max_streams: int = 8

    @classmethod
    def from_settings(cls, settings: Settings) -> IngestConfig:
        return cls(rate_per_second=settings.ingest_rate, burst=settings.ingest_burst,
                   undo_seconds=settings.ingest_undo_seconds,
                   max_streams=settings.ingest_max_streams)
