"""How long a doorbell ring takes from the producer's process to a waiting consumer's.

    python -m bench.ring --rings 500

Three processes, as under `orcast dev`: the relay (`doorbell.Relay`, in `orcast dev`'s
own process there), a ringer and a listener (two services). The ringer rings one topic
every `--every` ms (longer than the coalescing window, so each ring goes at once); the
listener notes when each ring reaches its loop. Prints p50/p90/p99/max of ring → heard
(wall clocks of one machine) and how many rings arrived. On a busy machine every process
on the way waits for a core: the figure is that wait, once per process crossed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import os
import time
from typing import Any

from bench.devstack import percentile
from services.common import doorbell

TOPIC = "bench.ring"


def _relay(pipe: Any) -> None:
    relay = doorbell.Relay().start()
    pipe.send(relay.address)
    pipe.recv()  # until told to stop
    relay.close()


def _listener(address: str, seconds: float, pipe: Any) -> None:
    async def run() -> list[float]:
        host, _, port = address.rpartition(":")
        bell = doorbell.Bell((host, int(port)))
        heard: list[float] = []
        bell.listen(frozenset({TOPIC}), lambda: heard.append(time.time()))
        pipe.send("ready")
        await asyncio.sleep(seconds)
        bell.close()
        return heard

    pipe.send(asyncio.run(run()))


def _ringer(address: str, rings: int, every: float, pipe: Any) -> None:
    async def run() -> list[float]:
        host, _, port = address.rpartition(":")
        bell = doorbell.Bell((host, int(port)))
        await asyncio.sleep(0.5)  # joins read (and, where there is one, the peer list)
        sent = []
        for _ in range(rings):
            sent.append(time.time())
            bell.ring({TOPIC})
            await asyncio.sleep(every)
        bell.close()
        return sent

    pipe.send(asyncio.run(run()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rings", type=int, default=500)
    parser.add_argument("--every", type=float, default=20.0, help="ms between rings")
    args = parser.parse_args()
    ctx = mp.get_context("spawn")
    relay_end, relay_pipe = ctx.Pipe()
    relay = ctx.Process(target=_relay, args=(relay_pipe,), daemon=True)
    relay.start()
    address = relay_end.recv()
    seconds = 1.5 + args.rings * args.every / 1000 * 1.5
    listen_end, listen_pipe = ctx.Pipe()
    listener = ctx.Process(target=_listener, args=(address, seconds, listen_pipe), daemon=True)
    listener.start()
    assert listen_end.recv() == "ready"
    ring_end, ring_pipe = ctx.Pipe()
    ringer = ctx.Process(target=_ringer, args=(address, args.rings, args.every / 1000,
                                               ring_pipe), daemon=True)
    ringer.start()
    sent, heard = ring_end.recv(), listen_end.recv()
    relay_end.send("stop")
    for process in (ringer, listener, relay):
        process.join(5)
    spans = [(h - s) * 1000 for s, h in zip(sent, heard, strict=False)]
    print(json.dumps({
        "rings": len(sent), "heard": len(heard), "load": os.getloadavg()[0],
        "p50_ms": round(percentile(spans, 0.5), 2), "p90_ms": round(percentile(spans, 0.9), 2),
        "p99_ms": round(percentile(spans, 0.99), 2), "max_ms": round(max(spans), 2)}))


if __name__ == "__main__":
    main()
