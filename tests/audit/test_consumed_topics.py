"""Audit reads every topic but its own anchors, the per-milestone ones in a loop of their
own: a fetch names every partition of its loop, and on Tansu each one named costs the
broker CPU on every fetch, data or not (services/audit/app.py)."""

from __future__ import annotations

from services.audit.app import create_app
from services.common import topics
from services.common.components import COMPONENTS
from services.common.settings import Settings

PER_MILESTONE = {topics.MILESTONES_SUBMITTED, topics.MILESTONES_DEIDENTIFIED,
                 topics.UPDATES_STATUS, topics.UPDATES_APPROVED, topics.PUBLICATIONS}


def test_every_topic_but_the_anchors_is_read_once(settings: Settings) -> None:
    loops = create_app(settings)[COMPONENTS]["audit"].consumers
    read = [t for loop in loops for t in loop._topics]
    assert sorted(read) == sorted(t.name for t in topics.TOPICS
                                  if t is not topics.AUDIT_CHECKPOINTS)
    assert len(set(loop._group_id for loop in loops)) == len(loops)  # a group per loop
    assert all(str(loop._group_id).startswith(f"{settings.topic_namespace}-audit")
               for loop in loops)  # what the deployed ACLs' prefix allows


def test_the_loop_reading_milestones_names_only_per_milestone_partitions(
        settings: Settings) -> None:
    loops = create_app(settings)[COMPONENTS]["audit"].consumers
    (busy,) = [loop for loop in loops
               if topics.MILESTONES_SUBMITTED.name in loop._topics]
    assert set(busy._topics) == {t.name for t in PER_MILESTONE}
    assert sum(topics.BY_NAME[t].partitions for t in busy._topics) == 30
