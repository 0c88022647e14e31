"""A driving licence number in groups after "driving licence" is hidden; the words alone
stay."""

from __future__ import annotations

from services.common.deid import Engine

from .support import left_uncovered, untouched


def test_a_licence_number_in_groups_is_hidden(engine: Engine) -> None:
    note = "USER: my driving licence is JONES 611 2Q8 CD is that ok BOT: Please bring it."
    assert left_uncovered(engine, note, "JONES 611 2Q8 CD") == ""
    assert "2Q8" not in engine.deidentify(note).text
    assert "Please bring it." in engine.deidentify(note).text


def test_a_licence_checked_stays(engine: Engine) -> None:
    untouched(engine, "driving licence checked, photo ID seen, 2 forms signed")
