"""attack32a's OLDER leaks just beside the shapes of e6a9f01's tracking_codes and
kin_of_names: the base engine (204237d) leaks these too, and the new rules stop one
character short of them (a hyphenated relation, a line break, a code with a letter or a
slash glued on, a code split in two, a lower-case prefix).

All names, codes and notes here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, strict_xfail


@pytest.mark.parametrize("note", [
    "ex-wife of Gwilym called",
    "daughter-in-law of Gwilym called",
    "goddaughter of Gwilym called",
    "guardian of Gwilym called",
    "wife of\nGwilym called",
])
def test_relation_of_a_name_beside_the_rule_goes(engine: Engine, note: str) -> None:
    assert left_uncovered(engine, note, "Gwilym") == ""


@strict_xfail("attack32a OLDER leak beside tracking_codes: a family board's code with a "
              "lower-case prefix, split, with a letter or slash glued on, or cued by 'Fam'/"
              "'Kiosk ... patient' is left; 204237d leaks these too")
@pytest.mark.parametrize(("note", "piece"), [
    ("Fam code 7712 in OR, updates by board.", "7712"),
    ("Family lounge board: code qrt 5521 in OR", "5521"),
    ("Family lounge board: Code 77 12 in OR", "77 12"),
    ("Kiosk shows patient 7712 in recovery", "7712"),
])
def test_family_board_codes_beside_the_rule_go(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


# (fixed: tracking_codes takes a capital glued on)
@pytest.mark.parametrize(("note", "piece"), [
    ("Family lounge board: code 7712A in OR", "7712"),
    ("Family lounge board: code 7712/B in OR", "7712"),
])
def test_family_board_code_with_a_letter_glued_on_goes(engine: Engine, note: str,
                                                        piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""
