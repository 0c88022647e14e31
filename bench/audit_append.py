"""CPU per record of `AuditLog.append_many` on SQLite (no broker): realistic pipeline
events (bench/audit.py) mapped by `fields_for`, appended in batches of BATCH.

    python -m bench.audit_append [BATCH]
"""

from __future__ import annotations

import asyncio
import itertools
import sys
import tempfile
import time
from pathlib import Path

from bench.audit import pipeline_events
from services.audit.checkpoints import Signer
from services.audit.log import AuditLog
from services.audit.tables import MIGRATIONS
from services.common.store import Store


async def main(batch: int = 200, n: int = 40000) -> None:
    d = Path(tempfile.mkdtemp())
    store = Store(f"sqlite+aiosqlite:///{d / 'a.db'}", service="audit",
                  migrations=MIGRATIONS)
    await store.open()
    log = AuditLog(store, signer=Signer(hmac_key=b"b" * 32), checkpoint_every=1000)
    src = pipeline_events()
    evs = list(itertools.islice(src, n))
    # warm: the connection, the statements
    await log.append_many([log.fields_for(e, o) for e, o in evs[:1000]])
    evs = evs[1000:]
    t = time.process_time()
    fields = [log.fields_for(e, o) for e, o in evs]
    t1 = time.process_time()
    for i in range(0, len(fields), batch):
        await log.append_many(fields[i:i + batch])
    t2 = time.process_time()
    print(f"fields_for {1e6 * (t1 - t) / len(evs):.1f} us/rec, "
          f"append_many {1e6 * (t2 - t1) / len(evs):.1f} us/rec (batch {batch})")
    await store.close()
if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200))
