"""A hyphen typed as U+2010, U+2011 (non-breaking), U+2012 or a minus sign is read as "-"
(charfold.py): numbers and names joined by one are found as with "-".

Every value here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

GONE = [
    ("wife on (312) 555\u20110148 after 5", "0148"),
    ("acct HQ\u2011551\u2011208\u20113 billed", "208"),
    ("sister\u2019s phone (610) 555\u20100177", "0177"),
]


@pytest.mark.parametrize(("note", "part"), GONE)
def test_identifiers_with_unicode_hyphens_are_found(engine: Engine, note: str,
                                                    part: str) -> None:
    assert part not in engine.deidentify(note).text


def test_a_unicode_hyphen_in_plain_words_changes_nothing(engine: Engine) -> None:
    note = "non\u2011invasive BP cuff, re\u2011dosed cefazolin at 4 h"
    assert engine.deidentify(note).text == note
