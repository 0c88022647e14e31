"""An idle consumer that sends no fetches at all, woken by the dev doorbell (doorbell.py).

Only under `orcast dev` (a doorbell configured). After `SLEEP_AFTER` seconds in which
its fetches brought nothing and no ring named its topics, the consumer pauses every
assigned partition: aiokafka then sends no fetch requests. It resumes when a ring
names one of its topics, when its assignment gains a partition, and every
`SAFETY_CHECK_SECONDS` for one fetch (the safety check: a lost ring, or a writer outside
`orcast dev`), after whose empty answer the fetch gate pauses it again.

Why it cannot miss a record: a producer rings only after the broker acknowledged
the write, and the consumer sleeps only if no ring for its topics arrived since the
empty poll began, so a fetch issued after any earlier ring has already come back empty,
and only if that answer's high watermark is where the consumer stands: Tansu under load
answers a fetch with nothing when its wait runs out, records there or not (`_read_to_end`).

While records flow, the broker holds a fetch only for the minimum wait
(`fetch_min_wait_ms`, 5 ms; Tansu answers a wait of 0 with nothing even when records
are there). Tansu answers a held fetch only when its wait runs out, so with the wait
doubling up to 100 ms between records every hop waited up to that (issue 14). Instead
the consumer pauses as soon as one fetch comes back empty with no ring since it was
sent (`_gate`), and the next ring resumes at once the partitions it names
(`Bell.listen`, `_rung`): one fetch per ring, naming those partitions only, never a
busy loop, never a long held fetch that records arrive behind. The same argument holds
per partition: one is paused only when read to the end with no ring since the fetch
that said so was sent, and a record written to it later rings for it after its ack.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition

from . import doorbell
from .doorbell import Bell

SLEEP_AFTER = 0.15  # seconds without records or rings before the partitions are paused
AWAKE_POLL_MS = 50  # an awake consumer under a doorbell looks around this often
AWAKE_MAX_WAIT_MS = 100  # the dev keeper's journal tail (no hurry) lets a fetch wait this
# An asleep consumer asks the broker whether its partitions hold unread records this
# often (one fetch of them): a lost ring, or a writer outside `orcast dev`.
SAFETY_CHECK_SECONDS = 10.0


class Nap:
    def __init__(self, consumer: AIOKafkaConsumer, bell: Bell, topics: frozenset[str],
                 may_nap: Callable[[], bool] = lambda: True) -> None:
        self._consumer = consumer
        self._bell = bell
        self._topics = topics
        self._may_nap = may_nap  # e.g. a replay not yet caught up keeps fetching
        self.asleep = False
        self._seen = 0
        self._quiet_since = time.monotonic()
        self._checked = time.monotonic()  # the safety check's own clock (`doze`)
        self._gating = True
        self._answered_seen: int | None = None  # generation when the last fetch with records went
        self._resumed_in_flight = False
        bell.listen(topics, self._rung)
        self._gate()

    def close(self) -> None:
        """Awake for good: no more rings heard, no more pauses (a final drain must never
        stop at an empty fetch while the last writes arrive unrung)."""
        self._bell.unlisten(self._rung)
        self._gating = False
        if self.asleep:
            self.wake()

    def _rung(self, entries: set[str]) -> None:
        """Resume what a ring names (resuming wakes aiokafka's fetcher: the fetch goes out
        now): only the partitions that got records, so the fetch names those alone
        instead of every assigned one (issue 14: a fetch's cost, client and broker, grows
        with the partitions it names). A ring naming a bare topic resumes everything."""
        paused = self._consumer.paused()
        if not paused:
            return
        named = set()
        for entry in entries:
            written = doorbell.partition_of(entry)
            if written is None:  # a bare topic, or not a partition: resume everything
                self.wake()
                return
            named.add(TopicPartition(*written))
        if named & paused:
            self._consumer.resume(*(named & paused))
            self.asleep = False
            self._quiet_since = time.monotonic()
            if getattr(getattr(self._consumer, "_fetcher", None), "_in_flight", None):
                self._resumed_in_flight = True  # the fetch's end wakes the fetcher (`_gate`)

    def _gate(self) -> None:
        """Pause as soon as a fetch sent after the last ring comes back with nothing.

        aiokafka's fetcher sends the next fetch the moment one returns; with only the
        minimum wait at the broker that would be a fetch every few milliseconds, so the
        decision is taken where each fetch ends (its private `_proc_fetch_request`;
        without it, only the poll-level `may_sleep` applies). A response discarded
        because a rebalance replaced the assignment says nothing about the new one."""
        fetcher = getattr(self._consumer, "_fetcher", None)
        original = getattr(fetcher, "_proc_fetch_request", None)
        if fetcher is None or original is None:
            return

        async def fetch(assignment: Any, *args: Any) -> bool:
            seen = self.generation()  # before the request is sent
            before = _answered_at(assignment)
            got: bool = await original(assignment, *args)
            if self._resumed_in_flight:
                self._resumed_in_flight = False
                _wake_fetcher_after(fetcher)
            answered = _all_answered(before, assignment)
            # brought records and answered every partition: `caught_up` may pause after them
            self._answered_seen = seen if got and answered else None
            # records still buffered (an earlier fetch's) would be held back by a pause;
            # an empty answer whose high watermark is past the position is Tansu under
            # load (its wait ran out before it read them): the records are there
            if not got and self._gating and not self.asleep and self.generation() == seen \
                    and getattr(assignment, "active", False) \
                    and not getattr(fetcher, "_records", None) \
                    and answered and _read_to_end(assignment) and self._may_nap():
                self.sleep()
            return got

        fetcher._proc_fetch_request = fetch

    def generation(self) -> int:
        return self._bell.generation(self._topics)

    def caught_up(self) -> bool:
        """After a poll that took records: the fetch that brought them answered every
        partition, each is now read up to the end the broker reported in it (its high
        watermark), nothing is buffered or in flight, and no ring came since that fetch
        was sent. A record written after the broker's read rings after its ack, so the
        consumer may pause now instead of sending an empty fetch to learn the same."""
        seen = self._answered_seen
        if seen is None or not self._gating or self.asleep or self.generation() != seen:
            return False
        fetcher = getattr(self._consumer, "_fetcher", None)
        if fetcher is None or getattr(fetcher, "_records", True) \
                or getattr(fetcher, "_in_flight", True):
            return False
        return _read_to_end(_assignment_of(self._consumer)) and self._may_nap()

    def records_arrived(self) -> None:
        self._quiet_since = time.monotonic()

    def may_sleep(self, seen_at_poll: int) -> bool:
        """After an empty poll that began at ring generation `seen_at_poll`."""
        now = time.monotonic()
        if self.generation() != seen_at_poll:
            self._quiet_since = now
            return False
        # a slow fetch (a loaded machine) would bring its records into paused partitions,
        # where aiokafka keeps them unreturned and no ring is left to wake us
        fetcher = getattr(self._consumer, "_fetcher", None)
        if getattr(fetcher, "_in_flight", None) or getattr(fetcher, "_records", None):
            return False
        # empty polls prove nothing while the broker's last answers put records past the
        # position (Tansu under load answers a fetch empty when its wait runs out)
        return now - self._quiet_since >= SLEEP_AFTER and \
            _read_to_end(_assignment_of(self._consumer))

    def sleep(self) -> None:
        self._consumer.pause(*self._consumer.assignment())
        self.asleep = True
        self._seen = self.generation()

    async def doze(self, timeout: float) -> None:
        """Wait up to `timeout` for a reason to fetch; resume the partitions if one came."""
        rung = await self._bell.wait(self._topics, self._seen, timeout)
        if rung and self.asleep:  # rung for partitions of these topics another member has
            self._seen = self.generation()
        # (a ring that named ours resumed just those, `_rung`: the rest stay paused)
        assigned = self._consumer.assignment()
        # a rebalance gave us partitions: they fetch anyway, so be awake
        resume_all = self.asleep and not assigned <= self._consumer.paused()
        # The safety check keeps its own clock, rung or not, asleep or half awake: a ring
        # lost for one partition must not wait behind rings for another (attack19: a
        # partition rung every few seconds kept the check from ever running).
        # The check is one fetch of the paused partitions, not a ListOffsets: Tansu 0.6
        # walks every stored batch of a partition for a ListOffsets (~0.15 ms fresh, ~3 ms
        # at 8,000 batches), so idling cost more the longer a session ran; a fetch that
        # finds nothing at the end costs the same however many are stored. The fetch
        # gate pauses again after its empty answer (the proof above); records brought
        # back are handled as any fetch's.
        if not resume_all and time.monotonic() - self._checked >= SAFETY_CHECK_SECONDS:
            self._checked = time.monotonic()
            resume_all = bool(assigned & self._consumer.paused())
        if resume_all:
            self.wake()

    def wake(self) -> None:
        """Fetch again (also before draining: a paused partition never moves)."""
        self._consumer.resume(*self._consumer.assignment())
        self.asleep = False
        self._quiet_since = time.monotonic()


def _wake_fetcher_after(fetcher: Any) -> None:
    """Once this fetch's task is done, wake aiokafka's fetch routine to look again.

    A partition resumed while a fetch to its broker is in flight wakes the routine, which
    may then run before the fetch task's own done-callback has taken the broker off
    `_in_flight`: it sees the broker busy, sends nothing and waits for no resume, so the
    resumed partition waited for the routine's 200 ms timeout (seen in `bench.e2e` once
    rings resumed single partitions). A done-callback added now runs after aiokafka's."""
    task = asyncio.current_task()

    def wake(_: object) -> None:
        future = getattr(fetcher, "_wait_consume_future", None)
        if future is not None and not future.done():
            future.set_result(None)

    if task is not None:
        task.add_done_callback(wake)


def _assignment_of(consumer: AIOKafkaConsumer) -> Any:
    try:  # private fields: not knowing means fetching once more
        return consumer._subscription.subscription.assignment
    except Exception:
        return None


def _read_to_end(assignment: Any) -> bool:
    """Every assigned partition is read up to the end the broker last reported for it
    (the high watermark of its last clean answer). On Tansu an empty fetch does not say
    so: under load it answers when its wait runs out, before it has read the records
    (seen: no records, high watermark two past the position, both acked and rung for
    before the fetch went out). False when the assignment does not say."""
    try:
        states = [assignment.state_value(tp) for tp in assignment.tps]
        return bool(states) and all(
            state.has_valid_position and state.highwater is not None
            and state.position == state.highwater for state in states)
    except Exception:
        return False


def _answered_at(assignment: Any) -> dict[Any, Any] | None:
    """When aiokafka last took a clean answer (no error, the position it asked from) for
    each assigned partition not paused (the ones a fetch sent now may name): it stamps
    `timestamp` then and nowhere else. None when the assignment does not say."""
    try:
        states = {tp: assignment.state_value(tp) for tp in assignment.tps}
        return {tp: state.timestamp for tp, state in states.items()
                if not getattr(state, "paused", False)}
    except Exception:  # private fields: not knowing means staying awake
        return None


def _all_answered(before: dict[Any, Any] | None, assignment: Any) -> bool:
    """Every partition not paused when this fetch was sent was answered by it: it came back
    empty for all. A paused partition was read to the end when it was paused, and a record
    written to it since rang, which resumes it. A failed fetch (a dropped connection, a
    timeout, an error code, a discarded answer) returns False just the same but says
    nothing about records acked before it was sent, whose rings are spent; nor does one
    that left a partition out (aiokafka skips a partition whose records wait in its
    buffer; the loop may take them meanwhile), or one of several brokers' fetches."""
    if not before:
        return False
    try:
        return all(assignment.state_value(tp).timestamp != stamp
                   for tp, stamp in before.items())
    except Exception:
        return False
