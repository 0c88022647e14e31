"""attack22g: a spaced-out age over 89 is redacted or published depending on the
process's string hash seed. spaced_runs._groups takes the commonest gap of a run with
`max(set(seps), key=seps.count)`: on a tie ("a g e   9   5": two 1-blank gaps, two
3-blank gaps) the set's order, which PYTHONHASHSEED decides, picks the gap. Split at the
wide gaps the run reads "age 9 5", an ordinary word and digits, and is left in; split at
the narrow ones it is lone letters and digits, redacted as an identifier. Each service
process draws its own seed, so the same note goes out clean from some of them.

Not a change of the deidspeed22 merge (base 4b8a6b5 does the same): found by its
differential test, where two processes disagreed on such notes. Seeds 0 and 7 leak
today; a note is run in a fresh interpreter per seed, since a seed is fixed at start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REASON = "attack22g: a spaced age over 89 left in under some hash seeds"

_PROGRAM = """
import json, sys
from services.common.deid import Engine
note, piece = sys.argv[1], sys.argv[2]
result = Engine().deidentify(note)
start = note.index(piece)
covered = bytearray(len(note))
for f in result.findings:
    covered[f.start:f.end] = b"\\x01" * (f.end - f.start)
print(json.dumps("".join(note[i] for i in range(start, start + len(piece))
                         if not covered[i] and not note[i].isspace())))
"""


def _left_uncovered_with_seed(note: str, piece: str, seed: int) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": str(ROOT),
           "ORCAST_DEID_CACHE_DIR": "off"}
    out = subprocess.run([sys.executable, "-c", _PROGRAM, note, piece], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=120, check=True)
    return str(json.loads(out.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("note", ["a g e   9   7", "Mom a g e   9   7 lives alone"])
def test_spaced_age_redacted_under_every_seed(note: str) -> None:
    left = {seed: _left_uncovered_with_seed(note, "9   7", seed) for seed in (0, 1, 7)}
    assert all(v == "" for v in left.values()), (note, left)
