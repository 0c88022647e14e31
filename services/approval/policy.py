"""The approval policy: per audience, what lets an update out.

File (YAML or JSON, validated by `schemas/approval-policy.json`), reloaded when
it changes on disk, without a restart:

    freshness_seconds: 600
    audiences:
      students: {auto_when: [clean, redacted], tiers: 1}
      public:   {auto_when: [], phrase_only_auto: true, tiers: 2, four_eyes: true}

| key | meaning |
|---|---|
| `auto_when` | verdicts that need no human: `clean`, `redacted` (never `review`, `quarantine`) |
| `phrase_only_auto` | a note made only of the procedure's pre-approved phrases needs no human |
| `tiers` | how many different approvers must approve, in turn (multi-step sign-off) |
| `four_eyes` | the author never counts as an approver (default true) |
| `freshness_seconds` | window after receipt; undecided updates then expire (default 600) |

An audience missing from the policy gets nothing. The default publishes to students,
with no human in between, only clean notes, the procedure's pre-approved phrases and
confident redactions; everything else, and everything public, waits for an approver.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from services.common import schemas

logger = logging.getLogger(__name__)

DEFAULT_FRESHNESS_SECONDS = 600
DEFAULT_POLICY: dict[str, Any] = {
    "freshness_seconds": DEFAULT_FRESHNESS_SECONDS,
    "audiences": {
        "students": {"auto_when": ["clean", "redacted"], "phrase_only_auto": True, "tiers": 1,
                     "four_eyes": True},
        "public": {"auto_when": [], "phrase_only_auto": True, "tiers": 1, "four_eyes": True},
    },
}


# Verdicts that always wait for a person, whatever a policy file says: `review` (the
# engine guessed) and `quarantine` (the engine held the text).
NEVER_AUTOMATIC = ("review", "quarantine")


class PolicyError(ValueError):
    pass


def _never_automatic(document: dict[str, Any]) -> None:
    """Refuse, in words, a file that would let an uncertain or held note out unseen."""
    audiences = document.get("audiences")
    if not isinstance(audiences, dict):
        return
    for name, rule in audiences.items():
        listed = rule.get("auto_when") if isinstance(rule, dict) else None
        for verdict in listed if isinstance(listed, list) else ():
            if verdict in NEVER_AUTOMATIC:
                raise PolicyError(
                    f"policy /audiences/{name}/auto_when: {verdict!r} may not be automatic: "
                    f"a {verdict} note always waits for an approver, for every audience; "
                    "remove it from auto_when")


@dataclass(frozen=True, slots=True)
class AudienceRule:
    auto_when: frozenset[str]
    phrase_only_auto: bool
    tiers: int
    four_eyes: bool
    freshness_seconds: int


@dataclass(frozen=True, slots=True)
class Decision:
    automatic: bool
    tiers: int
    freshness_seconds: int


class Policy:
    def __init__(self, document: dict[str, Any]) -> None:
        _never_automatic(document)
        problems = schemas.errors("approval-policy.json", document)
        if problems:
            raise PolicyError(f"policy {problems[0].pointer or '/'}: {problems[0].reason}")
        self.document = document
        freshness = int(document.get("freshness_seconds", DEFAULT_FRESHNESS_SECONDS))
        self.rules = {
            name: AudienceRule(
                auto_when=frozenset(rule.get("auto_when", [])),
                phrase_only_auto=bool(rule.get("phrase_only_auto", False)),
                tiers=int(rule.get("tiers", 1)),
                four_eyes=bool(rule.get("four_eyes", True)),
                freshness_seconds=int(rule.get("freshness_seconds", freshness)),
            )
            for name, rule in document["audiences"].items()
        }

    def decide(self, audience: str, *, verdict: str, phrase_only: bool) -> Decision | None:
        """None when the policy does not broadcast to this audience at all.

        `phrase_only` must already be verified against the text (see `phrases`)."""
        rule = self.rules.get(audience)
        if rule is None:
            return None
        automatic = verdict not in NEVER_AUTOMATIC and (
            verdict in rule.auto_when or (phrase_only and rule.phrase_only_auto)
        )
        return Decision(automatic=automatic, tiers=rule.tiers,
                        freshness_seconds=rule.freshness_seconds)

    def four_eyes(self, audience: str) -> bool:
        rule = self.rules.get(audience)
        return True if rule is None else rule.four_eyes


class PolicySource:
    """Holds the current policy; `current()` re-reads the file when it changed."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._signature: tuple[int, int] | None = None
        self._policy = Policy(DEFAULT_POLICY)
        if path is not None:
            self._policy = _load(path)
            self._signature = _signature(path)

    def current(self) -> Policy:
        if self.path is None:
            return self._policy
        try:
            signature = _signature(self.path)
            if signature != self._signature:
                self._policy = _load(self.path)
                self._signature = signature
                logger.info("approval policy reloaded from %s", self.path)
        except (OSError, PolicyError, ValueError, yaml.YAMLError) as exc:
            # Keep enforcing the last good policy; a broken edit must not open the gate.
            # Remember the broken signature so the error is logged once per edit.
            self._signature = _signature_or_none(self.path)
            logger.error("policy reload failed, keeping the previous one: %s",
                         type(exc).__name__ if isinstance(exc, OSError) else exc)
        return self._policy


def _signature(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


def _signature_or_none(path: Path) -> tuple[int, int] | None:
    try:
        return _signature(path)
    except OSError:
        return None


def _load(path: Path) -> Policy:
    text = path.read_text(encoding="utf-8")
    document = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    if not isinstance(document, dict):
        raise PolicyError("policy file must hold a mapping")
    return Policy(document)
