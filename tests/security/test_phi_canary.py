"""A PHI canary — a registered patient's name and MRN typed into a note — never appears in
a log line (DEBUG, every logger), on any topic but `milestones.submitted`, in any page or
API answer a page shows, or in any post. The note goes the whole way: de-identified,
auto-approved for students, shown live, posted to two channels, audited."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from services.common.settings import Settings
from services.common.topics import DEADLETTERS
from tests.faults.social import Social, social_fakes
from tests.hostile.kafka import read_every_topic
from tests.support.stack import Stack, eventually, running_stack

from .test_headers import page_paths

NAME = "Philippa Quarrington-Vasquez"
MRN = "80417735"
DOB = "1958-07-21"
NEEDLES = [b"philippa", b"quarrington", b"vasquez", MRN.encode(), DOB.encode()]
NOTE = f"Time-out done for {NAME} (MRN {MRN}); Quarrington-Vasquez consented, incision next."


def leaks(raw: bytes) -> list[str]:
    lowered = raw.lower()
    return [n.decode() for n in NEEDLES if n in lowered]


@pytest.fixture
async def social(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Social]:
    async with social_fakes(tmp_path) as running:
        for name, value in running.env.items():
            monkeypatch.setenv(name, value)  # the publisher reads credentials from os.environ
        yield running


@pytest.fixture
async def posting_stack(settings: Settings, social: Social) -> AsyncIterator[Stack]:
    async with running_stack(dataclasses.replace(settings,
                                                 channels_file=social.channels_file)) as running:
        yield running


def log_text(record: logging.LogRecord) -> bytes:
    extras = {k: v for k, v in vars(record).items() if k not in ("msg", "args")}
    return f"{record.getMessage()} {extras} {record.exc_text or ''}".encode()


async def test_phi_canary_goes_nowhere_it_should_not(
        posting_stack: Stack, social: Social, caplog: pytest.LogCaptureFixture) -> None:
    stack = posting_stack
    caplog.set_level(logging.DEBUG)
    case = await stack.register_case(names=[NAME], mrn=MRN, dob=DOB)
    student = await stack.live()
    await student.subscribe(case["broadcast_id"])
    status, body, _ = await stack.post_milestone(case["case_id"], milestone="time_out",
                                                 note=NOTE)
    assert status == 202, body
    event_id = body["event_id"]
    [update] = await student.updates(1, timeout=30)
    await student.close()
    assert "[NAME]" in update["text"] and "[MRN]" in update["text"], update["text"]

    async def posted() -> bool:
        return all(len(n.fake.live_posts()) == 1 for n in social.networks.values())

    await eventually(posted, 30, message="both channels posted the update")

    async def audited() -> bool:
        status, body, _ = await stack.request(
            "GET", f"/api/v1/audit?case_id={case['case_id']}&limit=500", role="compliance")
        actions = {r["action"] for r in body["records"]} if status == 200 else set()
        return {"milestone.submitted", "milestone.deidentified", "update.approved"} <= actions

    await eventually(audited, 20, message="audit recorded every hop")

    found: dict[str, list[str]] = {}
    # Topics: only milestones.submitted may hold it (and must: the canary was really sent).
    topics = await read_every_topic(stack.settings)
    assert any(leaks(v) for _, v in topics["milestones.submitted"]), "canary never sent"
    for letters in DEADLETTERS:  # this test made no bad message: every one must be empty
        assert topics[letters.name] == [], f"{letters.name} must be empty"
    for topic, messages in topics.items():
        if topic != "milestones.submitted":
            found.update({f"topic {topic} #{i}": leaks((k or b"") + b"\0" + v)
                          for i, (k, v) in enumerate(messages)})
    # Posts, as the networks stored them.
    for name, network in social.networks.items():
        found.update({f"{name} post {p.id}": leaks(p.text.encode())
                      for p in network.fake.posts.values()})
    # Pages and every API answer a page shows, as each role that may see it.
    reads: list[tuple[str | None, str]] = [
             ("admin", "/api/v1/cases"), ("admin", f"/api/v1/cases/{case['case_id']}"),
             ("coordinator", "/api/v1/cases"), ("approver", f"/api/v1/cases/{case['case_id']}"),
             ("admin", f"/api/v1/cases/{case['case_id']}/consent.fhir"),
             ("coordinator", f"/api/v1/milestones/{event_id}"),
             ("approver", "/api/v1/reviews"), ("student", "/api/v1/live/cases"),
             ("compliance", f"/api/v1/audit?case_id={case['case_id']}&limit=500"),
             ("compliance", f"/api/v1/audit/cases/{case['case_id']}/timeline"),
             ("compliance", "/api/v1/audit/export?format=jsonl"),
             ("compliance", "/api/v1/audit/export?format=fhir"),
             ("compliance", f"/api/v1/publications?case_id={case['case_id']}")]
    reads += [(None, path) for path in page_paths(stack)]
    for role, path in reads:
        headers = stack.auth(role) if role else {}
        async with stack.session.get(stack.base_url + path, headers=headers) as response:
            assert response.status == 200, (role, path, response.status)
            found[f"GET {path} as {role}"] = leaks(await response.read())
    # Every log line of every service, at DEBUG.
    assert len(caplog.records) > 10
    found.update({f"log {r.name}: {r.getMessage()[:80]}": leaks(log_text(r))
                  for r in caplog.records})
    assert {where: what for where, what in found.items() if what} == {}
