"""What authenticity costs per event: sign on produce, verify on consume, next to parse.

    .venv/bin/python bench/signing.py [--events 20000] [--batch 100]

A typical `update.approved` envelope is sealed (Ed25519, services/common/signing.py)
and then parsed and verified the way every consumer does. Figures are CPU time of one
process per event (best of three rounds), so they hold on a shared machine too.
The batch rows seal `--batch` events under one Merkle root and verify every record of
such a batch with a fresh keyring per batch (one Ed25519 check, then remembered roots).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from services.common import events, signing  # noqa: E402


def sample() -> events.Event:
    now = events.isoformat(events.now())
    return events.make_event(
        "org.orcast.update.approved.v1", service="approval", subject="c0ffee-case",
        data={"update_id": "0f3c1a9e-7d2b-4c55-9a1e-2b6f0d9c4e11", "case_id": "c0ffee-case",
              "broadcast_id": "k3x9q2m7ab", "seq": 17, "audience": "students",
              "milestone": "closure", "text": "Closing the fascia with a running loop suture.",
              "occurred_at": now, "approved_at": now,
              "approved_by": {"sub": "service:approval", "role": "service"}})


def best_of(rounds: int, count: int, work: object) -> float:
    assert callable(work)
    times = []
    for _ in range(rounds):
        started = time.process_time()
        for _ in range(count):
            work()
        times.append(time.process_time() - started)
    return min(times) / count * 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--events", type=int, default=20_000)
    ap.add_argument("--batch", type=int, default=100)
    args = ap.parse_args()
    n, size = args.events, args.batch
    with tempfile.TemporaryDirectory() as tmp:
        signing.generate(Path(tmp), ["approval"])
        keyring = signing.load_keyring(Path(tmp))
        event = sample()
        envelope = event.to_dict()
        raw = keyring.seal(envelope)
        parsed = events.parse_envelope(raw)[1]
        seal = best_of(3, n, lambda: keyring.seal(envelope))
        parse = best_of(3, n, lambda: events.parse_envelope(raw))
        verify = best_of(3, n, lambda: keyring.verify(parsed, raw, ("approval",)))
        items = [keyring.unsealed(envelope) for _ in range(size)]
        batch = keyring.seal_all(items)
        records = [(events.parse_envelope(r)[1], r) for r in batch]
        rounds = max(1, n // size)
        seal_batch = best_of(3, rounds, lambda: keyring.seal_all(
            [keyring.unsealed(envelope) for _ in range(size)])) / size
        parse_batch = best_of(3, n, lambda: events.parse_envelope(batch[size // 2]))

        def verify_all() -> None:
            fresh = signing.Keyring(verifiers=keyring.verifiers)
            for record, wire in records:
                fresh.verify(record, wire, ("approval",))
        verify_batch = best_of(3, rounds, verify_all) / size
    print(f"event of {len(raw)} bytes ({len(batch[size // 2])} in a batch of {size}), "
          f"{n} per round, best of 3 (CPU µs per event)")
    print(f"| step | µs per event | in a batch of {size} |\n|---|---:|---:|")
    print(f"| seal (sign + serialise) | {seal:.1f} | {seal_batch:.1f} |")
    print(f"| parse + validate | {parse:.1f} | {parse_batch:.1f} |")
    print(f"| verify (signature + writer) | {verify:.1f} | {verify_batch:.1f} |")


if __name__ == "__main__":
    main()
