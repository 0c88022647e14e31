"""One fault scenario: cases, a stream of milestones, faults meanwhile, then the verdict.

The verdict is the same whatever the fault: every milestone reached every
student exactly once and in its case's order; each channel got each update
once; the audit log holds each submitted event once and its chain verifies;
the PHI canary appears in no process log.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from tests.support.processes import Cluster

from .social import Social
from .workload import (
    Student,
    Tablet,
    audit_event_ids,
    duplicates,
    eventually,
    register_cases,
)

CANARY_NAME = "Philippa Quarrington-Vasquez"
CANARY_MRN = "80417735"


@dataclass
class Stream:
    cases: list[dict[str, Any]]
    tablet: Tablet
    students: list[Student]
    canary_event: str = ""
    timings: dict[str, float] = field(default_factory=dict)

    def expected(self) -> dict[str, list[str]]:
        """Broadcast id -> the notes in the order their case submitted them."""
        by_case = self.tablet.notes_by_case()
        return {c["broadcast_id"]: by_case[c["case_id"]] for c in self.cases}


async def run_stream(cluster: Cluster, *, cases: int, per_case: int, seconds: float,
                     during: Callable[[Tablet], Awaitable[None]] | None = None,
                     viewers: int = 1) -> Stream:
    """Submit `cases × per_case` milestones over about `seconds`, running `during` alongside.

    A canary case (the patient's name and MRN typed into a note) runs too; it is not
    watched (its update is redacted, perhaps held) but every log is grepped for it."""
    registered = await register_cases(cluster, cases)
    [canary_case] = await register_cases(cluster, 1, names=[CANARY_NAME], mrn=CANARY_MRN)
    # Student i watches viewer i and fails over to the others, as behind a load balancer.
    students = [Student(cluster, [c["broadcast_id"] for c in registered], index=i,
                        failover=tuple(j for j in range(viewers) if j != i))
                for i in range(viewers)]
    for student in students:
        student.start()
    tablet = Tablet(cluster)
    stream = Stream(registered, tablet, students)
    started = time.monotonic()
    canary = await tablet.submit(
        canary_case["case_id"], f"Incision for {CANARY_NAME}, MRN {CANARY_MRN}, on time.")
    stream.canary_event = canary.event_id
    interval = seconds / per_case
    feeding = asyncio.gather(*(
        tablet.run_case(case["case_id"], [f"step {n:03d} of case {i:02d}" for n in range(per_case)],
                        interval)
        for i, case in enumerate(registered)))
    if during is not None:
        await asyncio.gather(feeding, during(tablet))
    else:
        await feeding
    stream.timings["submitted_s"] = time.monotonic() - started
    return stream


async def settle(cluster: Cluster, stream: Stream, social: Social | None,
                 timeout: float = 60.0) -> None:
    """Wait for the pipeline to drain, then check the whole verdict."""
    started = time.monotonic()
    try:
        await _drain(cluster, stream, social, timeout, started)
    except AssertionError:
        try:
            print(where_it_stopped(cluster, stream, social))
        except Exception as exc:  # the diagnosis must never hide the failure itself
            print(f"(no diagnosis: {exc!r})")
        raise
    finally:
        print(f"\ntimings (s): {stream.timings}")
    await verdict(cluster, stream, social)


def where_it_stopped(cluster: Cluster, stream: Stream, social: Social | None) -> str:
    """What a timed-out drain reached, and each process's last warnings: enough to tell
    a stuck consumer from a slow machine in a CI log (log lines carry ids, never notes)."""
    expected = {b: len(notes) for b, notes in stream.expected().items()}
    lines = ["\nwhere the drain stopped:"]
    for student in stream.students:
        short = {b[:8]: f"{student.held[b]}/{n}" for b, n in expected.items()
                 if student.held[b] < n}
        lines.append(f"  student {student.index}: {student.connections} connection(s), "
                     f"behind on {short or 'nothing'}; error frames: {student.errors[-5:]}")
    if social is not None:
        posts = {name: len(r.fake.live_posts()) for name, r in social.networks.items()}
        lines.append(f"  posts: {posts} of {sum(expected.values())}")
    for proc in cluster.all():
        worst = [r for r in proc.log_records()
                 if r.get("level") in ("WARNING", "ERROR", "CRITICAL")
                 and (not str(r.get("logger", "")).startswith("aiokafka")
                      or "Unexpected" in str(r.get("message", "")))]
        lines.append(f"  {proc.log_path.stem}: {len(worst)} warning(s)")
        lines.extend(f"    {r.get('time', '')[11:23]} {r.get('message', '')[:160]}"
                     for r in worst[-6:])
    return "\n".join(lines)


async def _drain(cluster: Cluster, stream: Stream, social: Social | None, timeout: float,
                 started: float) -> None:
    total = sum(len(notes) for notes in stream.expected().values())  # the watched cases
    for student in stream.students:
        await eventually(_at_least(student, total), timeout,
                         f"student on viewer {student.index} got all {total} updates")
    stream.timings["viewers_s"] = time.monotonic() - started
    submitted_ids = sorted(s.event_id for s in stream.tablet.sent)

    async def audited() -> bool:
        return len(set(await audit_event_ids(cluster, "milestone.submitted"))) >= len(
            submitted_ids)

    await eventually(audited, timeout, "audit recorded every submission")
    stream.timings["audit_s"] = time.monotonic() - started
    if social is not None:
        await eventually(social.caught_up(total), timeout, "every channel posted everything")
    stream.timings["posted_s"] = time.monotonic() - started
    for student in stream.students:
        await student.stop()


async def verdict(cluster: Cluster, stream: Stream, social: Social | None) -> None:
    submitted_ids = sorted(s.event_id for s in stream.tablet.sent)
    check(cluster, stream)
    records = await audit_event_ids(cluster, "milestone.submitted")
    assert duplicates(records) == {}, "an event was audited twice"
    assert sorted(records) == submitted_ids
    status, result, _ = await cluster.request("audit", "GET", "/api/v1/audit/verify",
                                              role="compliance")
    assert status == 200 and result["ok"] is True, result
    if social is not None:
        social.check_once(stream.expected())
    assert_no_canary(cluster, social)


def _at_least(student: Student, total: int) -> Callable[[], Awaitable[bool]]:
    async def check() -> bool:
        return student.total() >= total

    return check


def check(cluster: Cluster, stream: Stream) -> None:
    expected = stream.expected()
    for student in stream.students:
        assert student.repeats == [], f"viewer {student.index} sent updates twice"
        assert student.gaps == [], f"viewer {student.index} skipped updates"
        for broadcast, notes in expected.items():
            assert student.texts[broadcast] == notes, (
                f"broadcast {broadcast} on viewer {student.index}: "
                f"{student.texts[broadcast]} != {notes}")


def assert_no_canary(cluster: Cluster, social: Social | None) -> None:
    """Not in any line any process logged (restarts included), nor in any post."""
    needles = [n for n in (*CANARY_NAME.lower().replace("-", " ").split(), CANARY_MRN)
               if len(n) > 3]
    lines = [(proc.instance, line) for proc, line in cluster.log_lines()]
    if social is not None:
        lines += [(name, post.text) for name, running in social.networks.items()
                  for post in running.fake.posts.values()]
    assert len(lines) > 10
    leaks = [(where, line[:200]) for where, line in lines if any(n in line.lower()
                                                                 for n in needles)]
    assert leaks == [], f"PHI canary leaked: {leaks[:3]}"
