"""What de-identification refuses. The service has no HTTP surface of its own beyond
the shared one; the engine never raises on text (the gate quarantines instead), and its
own errors are in `common/deid/errors.py`.

    BadLine     `orcast deid --jsonl`: one input line it cannot read (reported, skipped)
"""

from __future__ import annotations


class BadLine(Exception):
    pass
