"""CPU per record of verifying fetches that hold whole signed batches, as a consumer does.

    python -m bench.verify_together [--batch 80] [--batches 6] [--rounds 40]

Seals `--batches` batches of `--batch` status events (one Merkle root each), then, per
round, a fresh consumer keyring verifies them as one fetch: `prove_together` over the
fetch's bytes when the keyring has it (signing.py), then each record's parse and
`verify`. Reports the best round's CPU µs per record (process time: a busy machine
disturbs it least), with and without the parse beside it.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from services.common import events, signing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--batch", type=int, default=80)
    parser.add_argument("--batches", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    keys = Path(tempfile.mkdtemp(prefix="orcast-verify-together-"))
    signing.generate(keys, ["approval"])
    signer = signing.load_keyring(keys)
    fetch: list[bytes] = []
    for b in range(args.batches):
        fetch += signer.seal_all([signer.unsealed(events.make_event(
            "org.orcast.update.status.v1", service="approval", subject=f"case-{n % 20}",
            data={"update_id": f"0b4f3c4e-8f0e-4d59-9a6b-{b * 10000 + n:012d}",
                  "case_id": f"case-{n % 20}", "state": "held",
                  "at": "2026-11-22T09:42:00Z"}).to_dict()) for n in range(args.batch)])
    parsed = [events.parse_envelope(raw)[1] for raw in fetch]
    best_verify = best_all = float("inf")
    for _ in range(args.rounds):
        consumer = signing.Keyring(verifiers=dict(signer.verifiers))
        together = getattr(consumer, "prove_together", None)
        started = time.process_time()
        if together is not None:
            together(fetch)
        for envelope, raw in zip(parsed, fetch, strict=True):
            consumer.verify(envelope, raw, ("approval",))
        best_verify = min(best_verify, time.process_time() - started)
        consumer = signing.Keyring(verifiers=dict(signer.verifiers))
        together = getattr(consumer, "prove_together", None)
        started = time.process_time()
        if together is not None:
            together(fetch)
        for raw in fetch:
            consumer.verify(events.parse_envelope(raw)[1], raw, ("approval",))
        best_all = min(best_all, time.process_time() - started)
    per = 1e6 / len(fetch)
    print(f"{len(fetch)} records in batches of {args.batch}, best of {args.rounds} rounds: "
          f"verify {best_verify * per:.1f} µs/record, parse + verify {best_all * per:.1f} "
          f"µs/record (prove_together: {'yes' if together else 'no'})")


if __name__ == "__main__":
    main()
