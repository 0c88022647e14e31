"""What authenticity costs per event: sign on produce, verify on consume, next to parse.

    .venv/bin/python bench/signing.py [--events 20000]

A typical `update.approved` envelope is sealed (Ed25519, services/common/signing.py)
and then parsed and verified the way every consumer does. Figures are CPU time of one
process per event (best of three rounds), so they hold on a shared machine too.
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
    n = ap.parse_args().events
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
    print(f"event of {len(raw)} bytes, {n} per round, best of 3 (CPU µs per event)")
    print(f"| step | µs per event |\n|---|---:|\n| seal (sign + serialise) | {seal:.1f} |")
    print(f"| parse + validate (before signing, unchanged) | {parse:.1f} |")
    print(f"| verify (signature + writer) | {verify:.1f} |")


if __name__ == "__main__":
    main()
