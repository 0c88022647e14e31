"""attack30c: illegible_gaps (21d0d55) knows three spellings of a gap ('[illegible]',
'[unreadable]', '[?]'..'[???]') and runs of underscores. A reader or a transcriber writes
others just as often ('[unclear]', '[illeg]', '(illegible)', '<illegible>', '[inaudible]',
'[indistinct]', '[ ? ]', '[????]', a bare '?'), and each still splits the phone or the
name it stands in: the piece after it goes out. Base 6bf8130 showed every one as well
(OLDER: the new rule's shape, one spelling over). Every value is invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine, illegible_gaps

from .growth import assert_grows_linearly, repeated
from .support import shown

PHONE = "Call son on 555.201.77{}4, MRN 40027719"
SPELLINGS = ["[unclear]", "[illeg]", "(illegible)", "<illegible>", "[inaudible]",
             "[indistinct]", "[ ? ]", "[????]"]


@pytest.mark.parametrize("gap", SPELLINGS)
def test_phone_with_a_gap_hidden(engine: Engine, gap: str) -> None:
    assert not shown(engine, PHONE.format(gap), "555.201")


NAMES = [
    ("Signed by patient Mary[unclear]Jones on consent, MRN 40027719", "Jones"),
    ("Signed by patient Mary[inaudible]Jones on consent, MRN 40027719", "Jones"),
    ("SSN 12?-45-6789, DOB 1/2/1950", "45-6789"),
]


@pytest.mark.parametrize(("note", "secret"), NAMES)
def test_value_with_a_gap_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret, whole_word=True)


def test_a_long_token_of_gaps_scans_in_proportion_to_the_note() -> None:
    # each gap walked its whole token ('a[?]-a[?]-...' with no blank: 65x for 8x on base)
    assert_grows_linearly(lambda note: illegible_gaps.scan(note, [(0, 1, "NAME", "x", 1)]),
                          lambda n: repeated("a[?]-", n))
