"""The journal `orcast dev` restores its broker from: exact bytes back, a frame cut short
by a crash dropped (and cut off, so appending goes on cleanly), offsets replaced whole."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

from services.dev.journal import Journal, Record


def records() -> list[Record]:
    return [Record(0, 0, 1_700_000_000_000, b"case-1", b'{"a":1}'),
            Record(3, 0, 1_700_000_000_001, None, b"", (("h", b"\x00\xff"),)),
            Record(0, 1, 1_700_000_000_002, b"", b"x" * 70_000)]


def test_records_come_back_byte_for_byte(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal")
    journal.append("orcast.cases", records()[:2])
    journal.append("orcast.cases", records()[2:])
    journal.close()
    assert list(Journal(tmp_path / "journal").read("orcast.cases")) == records()
    assert Journal(tmp_path / "journal").topics() == ["orcast.cases"]
    assert os.stat(tmp_path / "journal" / "orcast.cases.log").st_mode & 0o077 == 0


def test_a_frame_cut_short_is_dropped_and_cut_off(tmp_path: Path) -> None:
    journal = Journal(tmp_path)
    journal.append("t", records())
    journal.close()
    path = tmp_path / "t.log"
    whole = path.read_bytes()
    path.write_bytes(whole[:-10])  # the writer died mid-frame
    assert list(Journal(tmp_path).read("t")) == records()[:2]
    again = Journal(tmp_path)
    again.append("t", records()[2:])
    again.close()
    assert list(Journal(tmp_path).read("t")) == records()


def test_group_offsets_are_replaced_whole(tmp_path: Path) -> None:
    journal = Journal(tmp_path)
    assert journal.read_offsets() == {}
    journal.write_offsets({"orcast-audit": {"orcast.cases": {0: 5, 3: 1}}})
    journal.write_offsets({"orcast-audit": {"orcast.cases": {0: 7}}})
    assert journal.read_offsets() == {"orcast-audit": {"orcast.cases": {0: 7}}}
    assert not list(tmp_path.glob("*.tmp"))


def test_records_past_retention_go_and_the_rest_move_down(tmp_path: Path) -> None:
    journal = Journal(tmp_path)
    old, new = 1_000, 9_000
    journal.append("t", [Record(0, 0, old, b"k", b"a"), Record(1, 0, new, b"k", b"b"),
                         Record(0, 1, old, b"k", b"c"), Record(0, 2, new, b"k", b"d"),
                         Record(0, 3, old, b"k", b"e")])  # after a newer one: kept
    journal.close()
    assert journal.expire("t", before_ms=5_000) == {0: 2}
    assert [(r.partition, r.offset, r.value) for r in journal.read("t")] == [
        (1, 0, b"b"), (0, 0, b"d"), (0, 1, b"e")]
    assert journal.expire("t", before_ms=5_000) == {}


def test_a_second_stack_on_the_same_data_dir_is_refused(tmp_path: Path) -> None:
    (tmp_path / "journal").mkdir()
    held = os.open(tmp_path / "journal" / ".lock", os.O_WRONLY | os.O_CREAT, 0o600)
    fcntl.flock(held, fcntl.LOCK_EX)  # the first `orcast dev`
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith("ORCAST_")}
        second = subprocess.run(
            [sys.executable, "-m", "services.dev.keeper", "--data-dir", str(tmp_path)],
            env=env, capture_output=True, text=True, timeout=60, check=False)
    finally:
        os.close(held)
    assert second.returncode == 3
    assert "in use by another orcast dev" in second.stderr
