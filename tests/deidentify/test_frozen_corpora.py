"""The blind evaluation sets are frozen on arrival: a figure on one counts only if
nobody edited its notes or labels afterwards (to fit the engine, say)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

BLIND = Path(__file__).resolve().parents[1] / "data" / "blind"
CORPORA = sorted(BLIND.glob("*.jsonl"))


def test_every_blind_corpus_has_a_checksum() -> None:
    assert CORPORA, "no blind corpus found"
    missing = [p.name for p in CORPORA if not p.with_name(p.name + ".sha256").exists()]
    assert not missing


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_a_blind_corpus_is_as_it_was_frozen(corpus: Path) -> None:
    recorded, name = corpus.with_name(corpus.name + ".sha256").read_text().split()
    assert name == corpus.name
    assert hashlib.sha256(corpus.read_bytes()).hexdigest() == recorded
