"""Per-subscriber cost of the viewer's fan-out loop alone (`Hub._broadcast`), in µs.

    .venv/bin/python bench/fanout_send.py --clients 5000 --frames 50 [--asyncio]

N real loopback TCP connections (the far ends discard what they read), one `Connection`
each subscribed to one case; each of `--frames` frames is broadcast once, and the loop's
time divided by N is reported (median and best over frames), next to a loop calling
`Connection.send` per subscriber (the fan-out before it was inlined) and a bare loop of
`transport.write` over the same transports: the floor. All three in the same run,
interleaved, so a busy machine slows them alike.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import time
from typing import Any

from services.common.auth import Principal
from services.viewer import protocol
from services.viewer.connection import Connection
from services.viewer.fanout import Hub


class Discard(asyncio.Protocol):
    def data_received(self, data: bytes) -> None:
        pass


async def run(clients: int, frames: int) -> dict[str, Any]:
    loop = asyncio.get_running_loop()
    transports: list[asyncio.Transport] = []
    for _ in range(clients):
        a, b = socket.socketpair()
        sender, _ = await loop.connect_accepted_socket(asyncio.Protocol, a)
        await loop.connect_accepted_socket(Discard, b)
        transports.append(sender)  # type: ignore[arg-type]
    hub = Hub(history=None)  # type: ignore[arg-type]
    who = Principal(sub="bench", role="student")
    for i, transport in enumerate(transports):
        conn = Connection(None, transport, who, i % 15)  # type: ignore[arg-type]
        conn.subscriptions["case"] = 0
        hub._subscribers["case"].add(conn)
    frame = protocol.wire(protocol.encode({"type": "update", "seq": 1, "text": "x" * 200}))
    hub_us, bare_us, call_us = [], [], []
    conns = list(hub._subscribers["case"])
    limit = hub.limits.send_buffer
    for n in range(frames):
        started = time.perf_counter()
        for conn in conns:  # what the loop did before: one `Connection.send` call each
            if conn.subscriptions["case"] < n + 1:
                conn.send(frame, limit)
        call_us.append((time.perf_counter() - started) * 1e6 / clients)
        await asyncio.sleep(0.05)
        started = time.perf_counter()
        hub._broadcast("case", frame, n + 1)
        hub_us.append((time.perf_counter() - started) * 1e6 / clients)
        await asyncio.sleep(0.05)  # the far ends read
        started = time.perf_counter()
        for transport in transports:
            transport.write(frame)
        bare_us.append((time.perf_counter() - started) * 1e6 / clients)
        await asyncio.sleep(0.05)
    for transport in transports:
        transport.close()
    return {"hub_median": statistics.median(hub_us), "hub_best": min(hub_us),
            "call_median": statistics.median(call_us), "call_best": min(call_us),
            "bare_median": statistics.median(bare_us), "bare_best": min(bare_us)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=5000)
    parser.add_argument("--frames", type=int, default=50)
    parser.add_argument("--asyncio", action="store_true", help="plain asyncio, not uvloop")
    args = parser.parse_args()
    runner = asyncio.run
    if not args.asyncio:
        import uvloop

        runner = uvloop.run
    found = runner(run(args.clients, args.frames))
    print(f"{args.clients} subscribers, {args.frames} frames, "
          f"{'asyncio' if args.asyncio else 'uvloop'}: fan-out loop "
          f"{found['hub_median']:.2f} µs/subscriber (best {found['hub_best']:.2f}); "
          f"Connection.send per subscriber {found['call_median']:.2f} "
          f"(best {found['call_best']:.2f}); "
          f"bare transport.write {found['bare_median']:.2f} (best {found['bare_best']:.2f})")


if __name__ == "__main__":
    main()
