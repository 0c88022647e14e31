"""A keys directory whose approval key was rotated: the old public key kept as retired,
with its watermark (what `orcast keys retire` writes), for tests of the history rule."""

from __future__ import annotations

import json
from pathlib import Path

from services.common import signing


def rotated_keys(tmp_path: Path, ends: dict[str, dict[str, int]]) -> tuple[signing.Keyring,
                                                                         signing.Keyring]:
    """(old keyring, current keyring): the current one holds a new approval pair and the
    old public key retired below `ends` ({topic: {partition: end offset}})."""
    signing.generate(tmp_path / "old", ["approval"])
    old = signing.load_keyring(tmp_path / "old")
    current = tmp_path / "current"
    signing.generate(current, ["approval"])
    (current / "approval.2026-01.pub").write_bytes((tmp_path / "old" / "approval.pub")
                                                   .read_bytes())
    (current / "approval.2026-01.ends.json").write_text(json.dumps({
        "key_id": old.signers["approval"][0],
        "ends": {topic: {str(p): end for p, end in by.items()} for topic, by in ends.items()}}))
    return old, signing.load_keyring(current)
