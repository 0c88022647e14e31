"""Milestones accepted together are produced together: one signature, one send, one wake.

Each POST used to sign its event alone (an Ed25519 signature, which every consumer of
`milestones.submitted` then checked alone too), send it, wait for its own ack and ring
the doorbell. Here the events of the requests that arrive while a group is at the
broker form the next group: one signature over a Merkle tree of them (signing.py; a
consumer checks that signature once for the whole group), every record sent without
waiting for each, every ack awaited. A request returns only once the broker has
acknowledged the whole group, so its 202 still means "durable"; when the group fails,
every request in it fails (503: the tablet resends the same event id, and a record
that did reach the broker is produced again under the same event id, which every
consumer drops). Records of one case keep their order: one group at a time, each in
arrival order.
"""

from __future__ import annotations

import asyncio

from services.common import batch
from services.common.producer import EventProducer

MAX_GROUP = 200  # records per send: a few hundred kilobytes at most


class GroupSender:
    def __init__(self, producer: EventProducer, *, timeout: float) -> None:
        self._producer = producer
        self._timeout = timeout
        self._pending: list[tuple[batch.HeldSend, asyncio.Future[None]]] = []
        self._sender: asyncio.Task[None] | None = None

    async def send(self, held: batch.HeldSend) -> None:
        """Returns once the broker acknowledged `held` and the rest of its group; raises
        what sending the group raised (`BrokerUnavailable`: nothing promised)."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._pending.append((held, done))
        if self._sender is None or self._sender.done():
            self._sender = asyncio.create_task(self._drain(), name="ingest produce groups")
        await done  # (a request cancelled meanwhile leaves the group as it is)

    async def _drain(self) -> None:
        while self._pending:
            group, self._pending = self._pending[:MAX_GROUP], self._pending[MAX_GROUP:]
            try:
                await self._producer.send_held([held for held, _ in group],
                                               timeout=self._timeout)
            except Exception as exc:
                for _, done in group:
                    if not done.done():
                        done.set_exception(exc)
                continue
            for _, done in group:
                if not done.done():
                    done.set_result(None)
