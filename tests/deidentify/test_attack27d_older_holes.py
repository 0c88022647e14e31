"""attack27d, older holes (base 5a1ecfb shows these too), found beside this session's
particle and masked-name changes: a surname after "van den" (the article rule takes
"van der" but the surname "Berg" is an everyday word), a lower-case surname after a
particle, a masked name whose piece spells a word ("WALK*R"), and a name in capitals after
"INTERPRETER". Every note here is invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

PUBLISHED = ("clean", "redacted")

HOLES = [
    ("Patient Marijke van oosterwijk 55F", "oosterwijk"),
    ("Pt JAN*T WALK*R in holding", "WALK*R"),
    ("INTERPRETER IDA VAN DER OBI 95 L KNEE", "OBI"),
]


@pytest.mark.xfail(strict=True, raises=AssertionError,
                   reason="attack27d: OLDER hole (base too), beside the particle/mask rules")
@pytest.mark.parametrize(("note", "secret"), HOLES)
def test_an_older_hole_beside_the_name_tails(engine: Engine, note: str, secret: str) -> None:
    out = engine.deidentify(note)
    assert not (out.verdict in PUBLISHED and secret in out.text), (out.verdict, out.text)


def test_the_surname_after_van_den_is_hidden_now(engine: Engine) -> None:
    """Fixed by surname_follows (study32a): a particle pair after a given name found."""
    out = engine.deidentify("Pt Jan van den Berg 71M")
    assert not (out.verdict in PUBLISHED and "Berg" in out.text), (out.verdict, out.text)
