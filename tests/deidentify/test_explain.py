"""Approvers read why a span was removed in words, never the engine's rule names (issue 15
item 5: they saw "lexicon_name_capitalised", "cue_title")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from services.common.deid import Engine
from services.deidentify.explain import reason

CORPUS = Path(__file__).resolve().parents[1] / "data" / "deid_corpus.jsonl"


@pytest.mark.parametrize(("rule", "category", "words"), [
    ("cue_title", "NAME", "looks like a person's name after a title (Mr, Mrs, Dr …)"),
    ("lexicon_name_capitalised", "NAME",
     "a capitalised word that is a common first name or surname"),
    ("case_name", "NAME", "the patient's registered name"),
    ("cue_relation_ambiguous", "NAME", "looks like a person's name after a relation "
     "(wife, son, mom …) (it could also be an ordinary word)"),
    ("labelled_mrn", "MRN", "labelled as medical record number"),
    ("guess_capitalised_word", "NAME", "not sure: looks like a person's name"),
    ("some_future_rule", "ZIP", "a ZIP code"),
    ("", "NOT_A_CATEGORY", "could identify someone"),
])
def test_each_rule_reads_as_words(rule: str, category: str, words: str) -> None:
    assert reason(rule, category, confident=not rule.startswith("guess_")) == words


def test_every_rule_the_engine_uses_on_the_corpus_has_words() -> None:
    engine = Engine()
    seen: dict[str, str] = {}
    for line in CORPUS.read_text(encoding="utf-8").splitlines()[:2000]:
        for finding in engine.deidentify(json.loads(line)["text"]).findings:
            seen.setdefault(finding.rule, finding.category)
    assert len(seen) > 10
    for rule, category in seen.items():
        words = reason(rule, category)
        assert "_" not in words and len(words) <= 200, (rule, words)
        assert "_" not in rule or rule not in words, (rule, words)
