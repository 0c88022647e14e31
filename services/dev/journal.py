"""The dev broker's memory on disk: every record of every topic, as the broker held it.

The embedded broker keeps nothing when it stops, while the services' SQLite files do.
`orcast dev` therefore appends each record (partition, offset, timestamp, key, value,
headers: the original bytes, so producers' signatures still verify) to one file per
topic under `<data dir>/journal/`, and the committed offset of each consumer group to
`offsets.json`. On the next start the records are produced back into the same
partitions, landing at the same offsets, and the groups' offsets are committed again.

Frame: `>iqqii` (partition, offset, timestamp ms, key length or -1, value length),
then the key, the value and the headers (`>i` count, then `>i` + name, `>i` + value per
header). A frame cut short by a crash mid-write is dropped (and truncated) on reading.
"""

from __future__ import annotations

import json
import os
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HEAD = struct.Struct(">iqqii")
COUNT = struct.Struct(">i")
OFFSETS_FILE = "offsets.json"

GroupOffsets = dict[str, dict[str, dict[int, int]]]  # group → topic → partition → next


@dataclass(frozen=True, slots=True)
class Record:
    partition: int
    offset: int
    timestamp: int
    key: bytes | None
    value: bytes
    headers: tuple[tuple[str, bytes], ...] = ()

    def encode(self) -> bytes:
        key = self.key or b""
        parts = [HEAD.pack(self.partition, self.offset, self.timestamp,
                           -1 if self.key is None else len(key), len(self.value)), key,
                 self.value, COUNT.pack(len(self.headers))]
        for name, value in self.headers:
            raw = name.encode()
            parts += [COUNT.pack(len(raw)), raw, COUNT.pack(len(value)), value]
        return b"".join(parts)


def _decode(buffer: bytes, at: int) -> tuple[Record, int] | None:
    """The record starting at `at` and where the next starts; None if it is cut short."""
    try:
        partition, offset, timestamp, key_len, value_len = HEAD.unpack_from(buffer, at)
        at += HEAD.size
        key = None if key_len < 0 else buffer[at:at + key_len]
        at += max(key_len, 0)
        value = buffer[at:at + value_len]
        at += value_len
        (count,) = COUNT.unpack_from(buffer, at)
        at += COUNT.size
        headers = []
        for _ in range(count):
            (name_len,) = COUNT.unpack_from(buffer, at)
            name = buffer[at + 4:at + 4 + name_len].decode()
            at += 4 + name_len
            (header_len,) = COUNT.unpack_from(buffer, at)
            headers.append((name, buffer[at + 4:at + 4 + header_len]))
            at += 4 + header_len
    except (struct.error, UnicodeDecodeError):
        return None
    if at > len(buffer) or len(value) != value_len:
        return None
    return Record(partition, offset, timestamp, key, value, tuple(headers)), at


class Journal:
    """The journal directory: one append-only file per topic, plus the groups' offsets."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._files: dict[str, int] = {}

    def topics(self) -> list[str]:
        return sorted(p.stem for p in self.directory.glob("*.log"))

    def read(self, topic: str) -> Iterator[Record]:
        """Every complete record of `topic`, in the order the broker held them; a frame
        cut short by a crash is cut off the file, so appending continues cleanly."""
        path = self._path(topic)
        if not path.exists():
            return
        buffer = path.read_bytes()
        at = 0
        while at < len(buffer):
            found = _decode(buffer, at)
            if found is None:
                os.truncate(path, at)
                return
            record, at = found
            yield record

    def expire(self, topic: str, before_ms: int) -> dict[int, int]:
        """Drop each partition's records older than `before_ms` (the topic's retention, as
        the broker would: the short-lived PHI topic must not live on here) and renumber the
        rest from 0; returns how many went per partition. Rewritten whole, atomically."""
        kept: list[Record] = []
        dropped: dict[int, int] = {}
        keeping: set[int] = set()  # partitions past their expired prefix
        for record in self.read(topic):
            if record.partition not in keeping and record.timestamp < before_ms and \
                    dropped.get(record.partition, 0) == record.offset:
                dropped[record.partition] = record.offset + 1  # a prefix, oldest first
                continue
            keeping.add(record.partition)
            shift = dropped.get(record.partition, 0)
            kept.append(Record(record.partition, record.offset - shift, record.timestamp,
                               record.key, record.value, record.headers))
        if dropped:
            path = self._path(topic)
            temp = path.with_suffix(".tmp")
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(b"".join(r.encode() for r in kept))
            os.replace(temp, path)
        return dropped

    def append(self, topic: str, records: list[Record]) -> None:
        """Written with one `write` and no fsync: it must survive the process, not the
        machine (the broker it stands in for is memory only)."""
        if not records:
            return
        fd = self._files.get(topic)
        if fd is None:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(self._path(topic), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            self._files[topic] = fd
        data = b"".join(r.encode() for r in records)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]

    def close(self) -> None:
        for fd in self._files.values():
            os.close(fd)
        self._files.clear()

    def read_offsets(self) -> GroupOffsets:
        path = self.directory / OFFSETS_FILE
        if not path.exists():
            return {}
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {group: {topic: {int(p): int(o) for p, o in parts.items()}
                        for topic, parts in by_topic.items()}
                for group, by_topic in raw.items()}

    def write_offsets(self, offsets: GroupOffsets) -> None:
        """Replaced atomically: a crash leaves the old snapshot or the new, never half."""
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = self.directory / OFFSETS_FILE
        temp = path.with_suffix(".tmp")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(offsets, handle, sort_keys=True)
        os.replace(temp, path)

    def _path(self, topic: str) -> Path:
        if "/" in topic or topic.startswith("."):
            raise ValueError(f"not a topic name: {topic!r}")
        return self.directory / f"{topic}.log"
