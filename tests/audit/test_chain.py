"""The canonical form is a contract: changing it would orphan every stored hash."""

from __future__ import annotations

import hashlib

from services.audit import chain

RECORD = {
    "seq": 1, "recorded_at": "2026-01-01T10:00:00.000000Z", "event_time": "2026-01-01T10:00:00Z",
    "actor_sub": "nurse-7", "actor_role": "coordinator", "action": "milestone.submitted",
    "outcome": "accepted", "case_id": "c1", "broadcast_id": None, "event_id": "e1",
    "topic": "milestones.submitted", "partition": 0, "offset": 0,
    "summary": "milestone incision submitted; note 3 chars; phrases 0", "prev_hash": chain.GENESIS,
}
V1 = ('{"action":"milestone.submitted","actor_role":"coordinator","actor_sub":"nurse-7",'
      '"broadcast_id":null,"case_id":"c1","event_id":"e1","event_time":"2026-01-01T10:00:00Z",'
      '"offset":0,"outcome":"accepted","partition":0,"prev_hash":"' + chain.GENESIS + '",'
      '"recorded_at":"2026-01-01T10:00:00.000000Z","seq":1,'
      '"summary":"milestone incision submitted; note 3 chars; phrases 0",'
      '"topic":"milestones.submitted"}')


def test_canonical_form_is_stable_and_version_1_records_keep_their_hash() -> None:
    assert chain.canonical(RECORD).decode() == V1
    assert chain.canonical({**RECORD, "update_id": None, "detail": None}).decode() == V1
    assert chain.link(chain.GENESIS, RECORD) == \
        hashlib.sha256(chain.GENESIS.encode() + V1.encode()).hexdigest()
    with_detail = chain.canonical({**RECORD, "update_id": "u1", "detail": '{"a":1}'}).decode()
    assert with_detail.startswith('{"action"') and '"detail":"{\\"a\\":1}","event_id"' in \
        with_detail and with_detail.endswith('"topic":"milestones.submitted","update_id":"u1"}')
