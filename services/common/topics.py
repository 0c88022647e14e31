"""The one declared list of ORcast topics.

Dev mode, the test fixtures, `orcast topics create` and the files in `deploy/`
all read this list, so partitions, retention and who may read a topic are
decided here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

HOUR_MS = 3_600_000
DAY_MS = 24 * HOUR_MS


@dataclass(frozen=True, slots=True)
class TopicSpec:
    name: str  # short name; the full name is f"{namespace}.{name}"
    partitions: int
    retention_ms: int
    readers: tuple[str, ...]  # services allowed to consume it (Kafka ACLs in deploy/)
    # Exactly one service (a tuple for the ACL generator): so a topic's ACL alone says who
    # may say what on it, and its consumers honour only what that writer is authoritative for.
    writers: tuple[str, ...]
    sensitive: bool = False  # may carry PHI: short retention, tight ACLs
    compacted: bool = False  # cleanup.policy=compact: the newest record per key is kept
    # The event types this topic carries. Consumers refuse any other, so a genuinely signed
    # event copied onto another topic of the same writer (an approval replayed onto
    # `updates.retracted`) is refused: the signature does not cover the topic.
    event_types: tuple[str, ...] = ()

    def carries(self, event_type: str) -> bool:
        return not self.event_types or event_type in self.event_types

    def full_name(self, namespace: str = "orcast") -> str:
        return f"{namespace}.{self.name}"


SERVICES = ("cases", "ingest", "deidentify", "approval", "publisher", "viewer", "audit")

MILESTONES_SUBMITTED = TopicSpec(
    "milestones.submitted", 6, 6 * HOUR_MS,
    event_types=("org.orcast.milestone.submitted.v1",),
    readers=("deidentify", "audit"), writers=("ingest",), sensitive=True,
)
# An approver's edit, sent back through de-identification before anyone sees it again.
EDITS_SUBMITTED = TopicSpec(
    "edits.submitted", 6, 6 * HOUR_MS,
    event_types=("org.orcast.edit.submitted.v1",),
    readers=("deidentify", "audit"), writers=("approval",), sensitive=True,
)
MILESTONES_DEIDENTIFIED = TopicSpec(
    "milestones.deidentified", 6, 30 * DAY_MS,
    event_types=("org.orcast.milestone.deidentified.v1",),
    readers=("approval", "ingest", "audit"), writers=("deidentify",),
)
CASES = TopicSpec(
    "cases", 6, 365 * DAY_MS,
    event_types=("org.orcast.case.state.v1",),
    readers=("ingest", "deidentify", "approval", "viewer", "publisher", "audit"),
    writers=("cases",),
)
REVIEWS = TopicSpec(
    "reviews", 6, 30 * DAY_MS,
    event_types=("org.orcast.review.decided.v1",),
    readers=("approval", "audit"), writers=("approval",),
)
# The author's undo (ingest): approval honours nothing else from this topic.
WITHDRAWALS = TopicSpec(
    "withdrawals", 6, 30 * DAY_MS,
    event_types=("org.orcast.review.decided.v1",),
    readers=("approval", "audit"), writers=("ingest",),
)
UPDATES_APPROVED = TopicSpec(
    "updates.approved", 6, 30 * DAY_MS,
    event_types=("org.orcast.update.approved.v1",),
    # not ingest: it reads the same decision from updates.status (ingest/tracker.py)
    readers=("publisher", "viewer", "audit"), writers=("approval",),
)
UPDATES_RETRACTED = TopicSpec(
    "updates.retracted", 6, 30 * DAY_MS,
    event_types=("org.orcast.update.retracted.v1",),
    readers=("publisher", "viewer", "ingest", "audit"), writers=("approval",),
)
UPDATES_STATUS = TopicSpec(
    "updates.status", 6, 7 * DAY_MS,
    event_types=("org.orcast.update.status.v1",),
    readers=("ingest", "audit"), writers=("approval",),
)
PUBLICATIONS = TopicSpec(
    "publications", 6, 30 * DAY_MS,
    event_types=("org.orcast.publication.v1",),
    readers=("ingest", "audit"), writers=("publisher",),
)


def deadletter_topic(service: str) -> TopicSpec:
    """Where `service`'s consumers put what they cannot use: one topic per service, so
    each has one writer; audit reads them all."""
    return TopicSpec(f"deadletter.{service}", 1, 7 * DAY_MS, readers=("audit",),
                     writers=(service,), sensitive=True,
                     event_types=("org.orcast.deadletter.v1",))


DEADLETTERS: tuple[TopicSpec, ...] = tuple(deadletter_topic(s) for s in SERVICES)

# -- audit's anchors and the access records of protected reads (issue 18) --------------
# Signed checkpoints of the audit log, outside the database they protect.
AUDIT_CHECKPOINTS = TopicSpec(
    "audit.checkpoints", 1, 3650 * DAY_MS, readers=("audit",), writers=("audit",),
    compacted=True, event_types=("org.orcast.audit.checkpoint.v1",),
)
# Who read which PHI-bearing record: one topic per serving service, only audit reads them.
ACCESS_WRITERS = ("cases", "approval", "publisher", "ingest")
ACCESS: dict[str, TopicSpec] = {
    service: TopicSpec(f"access.{service}", 3, 30 * DAY_MS, readers=("audit",),
                       writers=(service,), event_types=("org.orcast.access.recorded.v1",))
    for service in ACCESS_WRITERS
}
# ---------------------------------------------------------------------------------------

# Join links (viewer/joinlinks.py): made, opened and revoked. The viewer is writer and
# reader (every instance rebuilds the links from here, so a revocation reaches the
# instance holding the class's sockets); audit records each. One partition keeps a link's
# events in order; links live a day at most, so a week covers any that can still be open.
JOIN_LINKS = TopicSpec(
    "joinlinks", 1, 7 * DAY_MS, readers=("viewer", "audit"), writers=("viewer",),
    event_types=("org.orcast.joinlink.v1",),
)

TOPICS: tuple[TopicSpec, ...] = (
    MILESTONES_SUBMITTED,
    EDITS_SUBMITTED,
    MILESTONES_DEIDENTIFIED,
    CASES,
    REVIEWS,
    WITHDRAWALS,
    UPDATES_APPROVED,
    UPDATES_RETRACTED,
    UPDATES_STATUS,
    PUBLICATIONS,
    *DEADLETTERS,
    AUDIT_CHECKPOINTS,
    *ACCESS.values(),
    JOIN_LINKS,
)

BY_NAME: dict[str, TopicSpec] = {t.name: t for t in TOPICS}
