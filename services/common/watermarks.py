"""Where a retired event key's history ends: the Kafka offsets at its retirement.

A key is retired because it may have leaked, so "history" must be judged from a position
its holder cannot choose. Offsets are assigned by the broker, and `orcast keys retire`
records, before the new key exists, the end offset of every partition of every topic the
service writes. A record signed with the retired key verifies only if it lies below that
end on its own topic and partition; anything the leaked key writes later lands at or past
it, however often a consumer replays.

File: `<service>.<stamp>.ends.json` beside `<service>.<stamp>.pub`:
`{"key_id": "<kid>", "retired_at": "<UTC>", "ends": {"<topic short name>": {"<partition>":
<end offset>}}}`. A topic or partition it does not name has no history for that key.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from .settings import ConfigError

logger = logging.getLogger(__name__)

SUFFIX = ".ends.json"

# (topic short name, partition) -> the first offset written after the retirement
Ends = dict[tuple[str, int], int]


class Position(Protocol):
    """Where a record sits (the consumer's `Origin`): short topic name, partition, offset."""

    @property
    def topic(self) -> str: ...

    @property
    def partition(self) -> int: ...

    @property
    def offset(self) -> int: ...


def path_for(public_key_path: Path) -> Path:
    """`<service>.<stamp>.pub` -> `<service>.<stamp>.ends.json`."""
    return public_key_path.with_name(public_key_path.name.removesuffix(".pub") + SUFFIX)


def below(ends: Ends, at: Position | None) -> bool:
    """Whether the record at `at` was on the topic before the retirement."""
    if at is None:
        return False  # a position nobody gave cannot be judged history
    end = ends.get((at.topic, at.partition))
    return end is not None and 0 <= at.offset < end


def for_retired(public_key_path: Path, kid: str) -> Ends | None:
    """The retired key's ends, or one ERROR now (once per process: keys are read once)
    and None: a key that verifies nothing. Refusing is the safe side: the replay rule this
    replaced let the leaked key's new records pass as history; what is refused now is
    dead-lettered and counted as forged, never dropped silently."""
    path = path_for(public_key_path)
    if path.exists():
        return read(path, kid)
    logger.error("event keys: retired key %s (%s) has no watermark %s, so it verifies "
                 "nothing (its events are refused as forged); write one with `orcast keys "
                 "watermark --dir DIR --retired %s` (accepts all written until then)",
                 kid, public_key_path.name, path.name, public_key_path.name)
    return None


def read(path: Path, kid: str) -> Ends:
    """The ends in `path`, which must name `kid` (a watermark moved beside another key would
    lend that key its history); `ConfigError` if malformed."""
    try:
        written = json.loads(path.read_text())
        if written.get("key_id") != kid:
            raise ConfigError(f"{path} is the watermark of another key "
                              f"({written.get('key_id')!r}, not {kid})")
        return {(str(topic), int(partition)): _offset(end)
                for topic, parts in written["ends"].items()
                for partition, end in parts.items()}
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{path} is not a key watermark ({type(exc).__name__})") from None


def _offset(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError("an end offset is a non-negative integer")
    return value


def write(path: Path, kid: str, retired_at: str, ends: Mapping[str, Mapping[int, int]]) -> None:
    """Written once, never replaced: a second retirement of the same file is a mistake."""
    body = {"key_id": kid, "retired_at": retired_at,
            "ends": {topic: {str(p): int(end) for p, end in sorted(parts.items())}
                     for topic, parts in sorted(ends.items())}}
    with path.open("x") as out:
        out.write(json.dumps(body, indent=1, sort_keys=True) + "\n")
