"""H3: a registered name glued into a hashtag, a compound word or a handle."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .attack_cases import PAD, leaks, published

CASES = [("#MarisolStrong", "Marisol"), ("#TeamTenneworth", "Tenneworth"),
         ("tenneworthfamily waiting", "tenneworth"), ("twitter @tenne_worth", "tenne_worth")]


@pytest.mark.parametrize(("typed", "secret"), CASES, ids=[c[0] for c in CASES])
def test_compound_name_is_caught(engine: Engine, typed: str, secret: str) -> None:
    r = published(engine, typed + PAD)
    assert not leaks(r, secret), (r.text, r.verdict)
