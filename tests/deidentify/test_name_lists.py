"""The rest of a list of names (name_lists.py): items of a comma list most of which are
names found are names too, everyday words included. Lists written for these tests (not
taken from any corpus)."""

from __future__ import annotations

from services.common.deid import Engine


def test_the_word_names_left_in_a_list_of_names(engine: Engine) -> None:
    out = engine.deidentify("BREAK RELIEF: 1 DOROTHEA, 2 GRACE, 3 WENDELL, 4 HOPE").text
    assert "GRACE" not in out and "HOPE" not in out, out


def test_a_list_with_one_name_or_none_stays(engine: Engine) -> None:
    for note in ("open the lap sponges, Kelly clamps, Hope tray and gauze",
                 "pick list: clamps, sponges, mark, bill, rose"):
        assert engine.deidentify(note).text == note
