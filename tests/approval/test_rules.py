"""The pure rules: policy file validation and reload, phrase-only checks, what a decision
may do to a row (no broker, no database)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from services.approval import decisions
from services.approval.phrases import only_phrases
from services.approval.policy import Decision, Policy, PolicyError, PolicySource
from services.common import events

AUTHOR = {"sub": "coord-ana", "role": "coordinator"}
KIM = {"sub": "attending-kim", "role": "approver"}
LEE = {"sub": "comms-lee", "role": "approver"}


def row(**changes: Any) -> Any:
    values: dict[str, Any] = {
        "update_id": "u", "audience": "public", "state": "held", "text": "Ports placed.",
        "verdict": "clean",
        "author": AUTHOR, "approvals": [], "tiers_required": 1, "revision": 0,
        "pending_revision": 0, "editor": None,
        "expires_at": events.now() + timedelta(minutes=5),
    }
    values.update(changes)
    return SimpleNamespace(**values)


@pytest.mark.parametrize("document", [
    {},
    {"audiences": {}},
    {"audiences": {"press": {"tiers": 1}}},
    {"audiences": {"public": {"tiers": 6}}},
    {"audiences": {"public": {"auto_when": ["quarantine"]}}},
    {"freshness_seconds": 1, "audiences": {"public": {}}},
])
def test_policy_documents_are_validated_by_the_schema(document: dict[str, Any]) -> None:
    with pytest.raises(PolicyError):
        Policy(document)


def test_quarantine_is_never_automatic_and_missing_audiences_get_nothing() -> None:
    policy = Policy({"audiences": {"students": {"auto_when": ["clean", "redacted"]},
                                   "public": {"phrase_only_auto": True, "tiers": 3}}})
    assert policy.decide("students", verdict="quarantine", phrase_only=True) == Decision(
        automatic=False, tiers=1, freshness_seconds=600)
    assert policy.decide("public", verdict="clean", phrase_only=True) == Decision(
        automatic=True, tiers=3, freshness_seconds=600)
    assert not Policy({"audiences": {"public": {}}}).decide(
        "public", verdict="clean", phrase_only=False).automatic  # type: ignore[union-attr]
    assert Policy({"audiences": {"public": {}}}).decide(
        "students", verdict="clean", phrase_only=False) is None


def test_policy_file_reloads_and_a_broken_edit_keeps_the_last_good_one(tmp_path: Path) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text("audiences:\n  students: {auto_when: [clean]}\n")
    source = PolicySource(path)
    assert source.current().decide("students", verdict="clean", phrase_only=False).automatic  # type: ignore[union-attr]
    path.write_text("audiences:\n  students: {auto_when: []}\n  public: {tiers: 2}\n")
    assert not source.current().decide("students", verdict="clean", phrase_only=False).automatic  # type: ignore[union-attr]
    assert source.current().rules["public"].tiers == 2
    path.write_text("audiences: [this is: not, valid")
    assert source.current().rules["public"].tiers == 2  # last good policy still enforced
    path.write_text(json.dumps({"audiences": {"public": {"tiers": 9}}}))
    assert source.current().rules["public"].tiers == 2


def test_phrase_only_means_exactly_the_templates_phrases() -> None:
    text = "Skin incision made."
    assert only_phrases("lap_chole", ["inc.made"], text)
    assert only_phrases("lap_chole", ["inc.made", "lc.ports"],
                        "Skin incision made.  Ports placed under direct vision.")
    assert not only_phrases("lap_chole", ["inc.made"], text + " Dr. Who operates.")
    assert not only_phrases("lap_chole", [], text)
    assert not only_phrases("lap_chole", ["no.such"], text)
    assert not only_phrases("cabg", ["lc.ports"], "Ports placed under direct vision.")


def test_refusals_name_the_reason() -> None:
    now = events.now()

    def refused(r: Any, decision: str, who: dict[str, str] = KIM, **kw: Any) -> tuple[int, str]:
        with pytest.raises(decisions.Refused) as caught:
            decisions.check(r, decision, who, four_eyes=True, now=now, **kw)
        return caught.value.status, caught.value.code

    # An approval arriving after the freshness window is refused even before the sweep.
    assert refused(row(expires_at=now - timedelta(seconds=1)), "approve") == (409, "expired")
    assert refused(row(state="approved"), "approve") == (409, "not_pending")
    assert refused(row(), "approve", {**AUTHOR, "role": "approver"}) == (403, "four_eyes")
    assert refused(row(), "edit", {**AUTHOR, "role": "approver"}) == (403, "four_eyes")
    assert refused(row(revision=1), "approve", revision=0) == (409, "stale_revision")
    assert refused(row(pending_revision=1), "approve") == (409, "edit_pending")
    assert refused(row(approvals=[{"sub": KIM["sub"]}]), "approve") == (409, "already_approved")
    assert refused(row(text="", verdict="quarantine"), "approve") == (409, "text_withheld")
    assert refused(row(), "withdraw", KIM) == (403, "not_author")
    decisions.check(row(), "approve", {**AUTHOR, "role": "approver"}, four_eyes=False, now=now)
    decisions.check(row(state="approved"), "withdraw", AUTHOR, four_eyes=True, now=now)


@pytest.mark.parametrize("alias", [
    "coord-ana ", " coord-ana", "Coord-Ana", "COORD-ANA",
    "\uff43oord-ana", "coord-ana\u00a0",
])
def test_four_eyes_compares_normalised_subjects(alias: str) -> None:
    """A token whose `sub` was "dev-coordinator " approved dev-coordinator's update."""
    now = events.now()
    twin = {"sub": alias, "role": "approver"}
    for decision in ("approve", "edit"):
        with pytest.raises(decisions.Refused) as caught:
            decisions.check(row(), decision, twin, four_eyes=True, now=now)
        assert caught.value.code == "four_eyes"
    with pytest.raises(decisions.Refused) as again:
        decisions.check(row(approvals=[{"sub": "attending-kim"}]), "approve",
                        {"sub": " Attending-Kim", "role": "approver"}, four_eyes=True, now=now)
    assert again.value.code == "already_approved"
    own = decisions.revise(row(), {"text": "x", "verdict": "clean", "counts": {},
                                   "redactions": [], "reasons": [], "revision": 1},
                           Decision(automatic=False, tiers=1, freshness_seconds=600),
                           editor=twin, four_eyes=True, now=now)
    assert not own.number and own.values["approvals"] == []
    decisions.check(row(), "withdraw", {"sub": alias, "role": "coordinator"},
                    four_eyes=True, now=now)  # the author may still withdraw


def test_four_eyes_tells_issuers_apart() -> None:
    now = events.now()
    decisions.check(row(author={**AUTHOR, "iss": "https://idp-a"}), "approve",
                    {"sub": "coord-ana", "role": "approver", "iss": "https://idp-b"},
                    four_eyes=True, now=now)
    with pytest.raises(decisions.Refused):
        decisions.check(row(author={**AUTHOR, "iss": "https://idp-a"}), "approve",
                        {"sub": "Coord-Ana", "role": "approver", "iss": "https://idp-a"},
                        four_eyes=True, now=now)


def test_tiers_count_distinct_approvers_and_withdrawal_retracts() -> None:
    now = events.now()
    first = decisions.outcome(row(tiers_required=2), "approve", KIM, now=now)
    assert not first.number and first.values["note"] == "approved 1 of 2"
    second = decisions.outcome(row(tiers_required=2, approvals=first.values["approvals"]),
                               "approve", LEE, now=now)
    assert second.number and second.values["state"] == "approved"
    assert [a["tier"] for a in second.values["approvals"]] == [1, 2]
    assert second.values["decided_by"] == LEE
    assert decisions.outcome(row(state="approved"), "withdraw", AUTHOR, now=now).retract
    assert not decisions.outcome(row(), "withdraw", AUTHOR, now=now).retract


def test_an_edit_back_from_deidentification_needs_another_approver_under_four_eyes() \
        -> None:
    now = events.now()
    human = Decision(automatic=False, tiers=1, freshness_seconds=600)
    data = {"text": "Closing; [NAME] stable.", "verdict": "redacted", "counts": {"NAME": 1},
            "redactions": [], "reasons": [], "revision": 1}
    held_back = decisions.revise(row(), data, human, editor=KIM, four_eyes=True, now=now)
    assert not held_back.number and held_back.values["approvals"] == []
    with pytest.raises(decisions.Refused) as caught:
        decisions.check(row(revision=1, editor=KIM), "approve", KIM, four_eyes=True, now=now)
    assert caught.value.code == "four_eyes"
    # Issue 15 item 3: without four eyes the edit still comes back held, for the editor to
    # see the text de-identification made of it before approving it (it used to go out).
    back = decisions.revise(row(), data, human, editor=KIM, four_eyes=False, now=now)
    assert not back.number and "state" not in back.values and back.values["approvals"] == []
    decisions.check(row(revision=1, editor=KIM), "approve", KIM, four_eyes=False, now=now,
                    revision=1)
    held = decisions.revise(row(), {**data, "verdict": "quarantine", "reasons": ["uncertain"]},
                            human, editor=KIM, four_eyes=True, now=now)
    assert not held.number and "quarantine" not in held.values
    assert held.values["note"].endswith("uncertain")
    own = decisions.revise(row(), data, human, editor={**AUTHOR, "role": "approver"},
                           four_eyes=True, now=now)
    assert not own.number and own.values["approvals"] == []


def test_the_example_policy_file_is_valid() -> None:
    example = Path(__file__).resolve().parents[2] / "services/approval/policy.example.yaml"
    policy = PolicySource(example).current()
    assert policy.rules["public"].tiers == 2 and policy.rules["public"].freshness_seconds == 900


@pytest.mark.parametrize("audience", ["students", "public"])
@pytest.mark.parametrize("verdict", ["review", "quarantine"])
def test_a_policy_file_that_lets_review_out_alone_is_refused_in_words(
        audience: str, verdict: str, tmp_path: Path) -> None:
    """Issue 13 item 4: `review` never publishes without an approver, for any audience."""
    document = {"audiences": {audience: {"auto_when": ["clean", verdict]}}}
    with pytest.raises(PolicyError) as caught:
        Policy(document)
    message = str(caught.value)
    assert f"/audiences/{audience}/auto_when" in message and verdict in message
    assert "always waits for an approver" in message
    path = tmp_path / "policy.json"
    path.write_text(json.dumps(document))
    with pytest.raises(PolicyError):
        PolicySource(path)  # the service refuses to start on it


def test_review_is_never_automatic_and_the_default_lets_out_only_what_is_sure() -> None:
    policy = Policy({"audiences": {"students": {"auto_when": ["clean", "redacted"],
                                                "phrase_only_auto": True},
                                   "public": {"auto_when": ["clean", "redacted"],
                                              "phrase_only_auto": True}}})
    for audience in ("students", "public"):
        for phrase_only in (False, True):
            decided = policy.decide(audience, verdict="review", phrase_only=phrase_only)
            assert decided is not None and not decided.automatic
    default = PolicySource(None).current()
    automatic = {(v, p) for v in ("clean", "redacted", "review", "quarantine")
                 for p in (False, True)
                 if default.decide("students", verdict=v, phrase_only=p).automatic}  # type: ignore[union-attr]
    assert automatic == {("clean", False), ("clean", True), ("redacted", False),
                         ("redacted", True)}
    assert not any(default.decide("public", verdict=v, phrase_only=False).automatic  # type: ignore[union-attr]
                   for v in ("clean", "redacted", "review", "quarantine"))


def test_an_edit_is_never_approved_by_coming_back_even_where_the_policy_is_automatic() -> None:
    """Issue 15 item 3: an edit's re-de-identified text went out with nobody seeing it."""
    now = events.now()
    automatic = Decision(automatic=True, tiers=1, freshness_seconds=600)
    data = {"text": "Closing; [NAME] stable.", "verdict": "redacted", "counts": {"NAME": 1},
            "redactions": [], "reasons": [], "revision": 1}
    for four_eyes in (False, True):
        back = decisions.revise(row(audience="students"), data, automatic, editor=KIM,
                                four_eyes=four_eyes, now=now)
        assert not back.number and "state" not in back.values
        assert "waiting for a person to check" in back.values["note"]


def test_a_milestone_without_a_note_may_be_approved() -> None:
    """Issue 15 item 4: Approve was disabled as if de-identification had withheld it."""
    now = events.now()
    decisions.check(row(text="", verdict="clean"), "approve", KIM, four_eyes=True, now=now)
    with pytest.raises(decisions.Refused):
        decisions.check(row(text="", verdict="quarantine"), "approve", KIM, four_eyes=True,
                        now=now)
