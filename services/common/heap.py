"""The cyclic garbage collector, set for a long-running service once it has started.

At 1,000 milestones/s ingest spent ~12 % of its CPU in the collector (bench/results/
idle.md, cpu14b): a full collection walks every tracked object, and most of those are
what start-up loaded and keeps for the process's life (modules, compiled schemas,
SQLAlchemy's mappers, the de-identification engine's tables). `gc.freeze()` moves them
to a generation no collection visits; a larger young threshold collects less often, so
fewer short-lived request objects survive into the older generations only to be walked
again there. Garbage made afterwards is collected exactly as before; a frozen object that
later becomes cyclic garbage (say, the first Kafka client, replaced after an outage) stays
until exit: a one-time cost no larger than the start-up heap (~100 MB resident, unchanged).
"""

from __future__ import annotations

import gc

# Objects allocated (less freed) before a young collection; CPython's default is 700.
YOUNG_THRESHOLD = 20_000


def settle() -> None:
    """Collect what start-up left behind, freeze the rest, collect the young less often."""
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
