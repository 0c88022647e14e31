"""H2: a registered name split by a space, hyphen, dot or an odd space: two harmless
halves that a reader joins at once."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .attack_cases import PAD, leaks, published

CASES = ["Tenne worth", "Quill feather", "Tenne-worth", "Tenne.worth", "Zo rbek",
         "Mar\u00a0isol", "Mar\u3000isol"]


@pytest.mark.parametrize("typed", CASES, ids=repr)
def test_split_name_is_caught(engine: Engine, typed: str) -> None:
    r = published(engine, typed + PAD)
    assert not leaks(r, typed), (r.text, r.verdict)
