"""The gate between the PHI topics and `milestones.deidentified`.

Two inputs, one writer each: `milestones.submitted` (ingest: a tablet's
milestone, revision 0, its update id the client's id) and `edits.submitted`
(approval: an approver's edit of an update, revision n, with the edit's id,
which approval uses to look up who edited in its own records).

Fail-closed: if the case's identifiers are unknown, or the engine errs, the
update is quarantined (held for a human) with its text withheld; nothing
unchecked reaches the next topic.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Mapping
from typing import Any

from services.common import batch, events, topics
from services.common.cases_view import CasesView
from services.common.consumer import Origin
from services.common.deid import CaseIdentifiers, Engine, Result
from services.common.producer import EventProducer

from . import SERVICE
from .explain import reason

logger = logging.getLogger(__name__)

CASE_WAIT_SECONDS = 5.0
# what each input topic's one writer may send
def withheld(reason: str) -> Result:
    return Result(text="", findings=(), verdict="quarantine", counts={}, reasons=(reason,))


class Gate:
    def __init__(self, *, engine: Engine, cases: CasesView, producer: EventProducer,
                 key: bytes) -> None:
        self._engine = engine
        self._cases = cases
        self._producer = producer
        self._key = key
        self._identifiers: dict[tuple[str, int], CaseIdentifiers] = {}
        # verdicts of the batch being handled, logged in one line once it has committed
        self._tally: Counter[str] = Counter()
        self._tally_of: batch.BatchScope | None = None

    def _case_identifiers(self, case_id: str, version: int, wire: Mapping[str, Any]) \
            -> CaseIdentifiers:
        cached = self._identifiers.get((case_id, version))
        if cached is None:
            cached = CaseIdentifiers.from_wire(wire, key=self._key)
            self._identifiers[(case_id, version)] = cached
        return cached

    def check(self, note: str, case_id: str, known: bool, identifiers: CaseIdentifiers | None) \
            -> Result:
        if not known or identifiers is None:
            return withheld("case_unknown")
        try:
            return self._engine.deidentify(note, identifiers)
        except Exception as exc:  # the engine promises not to raise; belt and braces
            logger.error("engine raised %s; quarantining", type(exc).__name__)
            return withheld("engine_error")

    async def handle(self, event: events.Event, origin: Origin) -> None:
        # Only a milestone (milestones.submitted) or an edit (edits.submitted) gets here:
        # the consumer loop refuses any other type on each topic (TopicSpec.event_types).
        data = event.data
        case = await self._cases.wait_for(data["case_id"], CASE_WAIT_SECONDS)
        identifiers = None
        if case is not None:
            try:
                identifiers = self._case_identifiers(case.case_id, case.version, case.identifiers)
            except Exception as exc:
                logger.error("case identifiers unreadable (%s); quarantining",
                             type(exc).__name__)
        result = self.check(data["note"], data["case_id"], case is not None, identifiers)
        phrase_ids = data.get("phrase_ids", [])
        phrase_only = bool(phrase_ids) and _note_is_only_phrases(data)
        edit = event.type == "org.orcast.edit.submitted.v1"
        revision = int(data["revision"]) if edit else 0
        out = {
            # a tablet's milestone is the update (its id the tablet's); an edit names it
            "update_id": data["update_id"] if edit else data["event_id"],
            "case_id": data["case_id"],
            "milestone": data["milestone"],
            "text": result.text,
            "verdict": result.verdict,
            "counts": dict(result.counts),
            "redactions": _redactions_in_output(result),
            "reasons": list(result.reasons),
            "phrase_ids": phrase_ids,
            "phrase_only": phrase_only,
            "occurred_at": data["occurred_at"],
            "received_at": data["received_at"],
            "author": data["author"],
            "revision": revision,
        }
        if edit:
            out["edit_id"] = data["edit_id"]
        await self._producer.publish(topics.MILESTONES_DEIDENTIFIED.name, events.make_event(
            "org.orcast.milestone.deidentified.v1", service=SERVICE, subject=data["case_id"],
            data=out, event_id=events.derived_id("deidentify-result", event.source, event.id,
                                                 str(revision)),
        ))
        self._log(out["update_id"], result)

    def _log(self, update_id: str, result: Result) -> None:
        """Each update at DEBUG; at INFO one line per batch (a line per update cost a
        twentieth of the service's CPU at 1,000/s), or per update outside a batch (the
        one-at-a-time path of a failed batch)."""
        scope = batch.current()
        level = logging.INFO if scope is None else logging.DEBUG
        if logger.isEnabledFor(level):
            logger.log(level, "deidentified %s: %s", update_id, result.verdict,
                       extra={"counts": dict(result.counts)})
        if scope is None:
            return
        if scope is not self._tally_of:  # first of this batch (a rolled-back one is dropped)
            self._tally, self._tally_of = Counter(), scope
            batch.after_commit(self._log_batch)
        self._tally[result.verdict] += 1

    def _log_batch(self) -> None:
        tally, self._tally, self._tally_of = self._tally, Counter(), None
        logger.info("deidentified %d updates: %s", sum(tally.values()),
                    ", ".join(f"{verdict} {n}" for verdict, n in sorted(tally.items())))


def _note_is_only_phrases(data: dict[str, Any]) -> bool:
    # The tablet marks phrase insertions; the approval policy re-checks the text against
    # the template's phrases before trusting this flag.
    return bool(data.get("phrase_ids"))


def _redactions_in_output(result: Result) -> list[dict[str, Any]]:
    """Where each `[TAG]` sits in the redacted text (the engine replaces each finding,
    in order, by its tag), so approvers can see what was removed and why: the rule's
    name (for the record), whether the engine was sure, and the reason in words. A
    doubt (a word left in that may still identify someone) is listed too, on the word
    itself, never sure: the approver's page highlights it with its reason."""
    if not result.text:
        return []
    marks = sorted([(f.start, f.end, f.category, f.rule, f.confident, True)
                    for f in result.findings]
                   + [(d.start, d.end, d.category, d.reason, False, False)
                      for d in result.doubts])
    spans: list[dict[str, Any]] = []
    shift = 0
    for start, end, category, rule, confident, removed in marks:
        length = len(category) + 2 if removed else end - start
        at = start + shift
        spans.append({"start": at, "end": at + length, "category": category,
                      "rule": rule[:64], "confident": confident,
                      "reason": reason(rule, category, confident=confident)})
        shift += length - (end - start)
    return spans
