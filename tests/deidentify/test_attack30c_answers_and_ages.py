"""attack30c: spoken_answers (98fcea7) and age_shapes' said-back ages (f22a513): shapes
right beside the ones they hide. Base 6bf8130 showed every one as well (OLDER).

- The question ends at the last '.', '!' or '?' before its own question mark, so an
  abbreviation's full stop cuts the kind word off: 'Social sec. no.?', 'Acct. #?'.
- Kinds the list lacks: 'SS number', 'Insurance ID', "Driver's license"; an answer with
  a letter prefix ('XK 610 227 904'); a second number after 'and'.
- An age told back with a tag before the question mark ('So you're ninety-four, right?'),
  and a second age after the one written down.

Every value is invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import shown

ANSWERS = [  # (note, what must not be shown)
    ("Q: Social sec. no.? A: 3318. DOB 03/04/1950", "3318"),
    ("Q: Acct. #? A: 610 227 904. DOB 03/04/1950", "610 227 904"),
    ("Q: Last four of your SS number? A: 3318. DOB 03/04/1950", "3318"),
    ("Q: Insurance ID? A: 6102 2790 4. DOB 03/04/1950", "6102 2790"),
    ("Q: Driver's license? A: 6102 2790 4. DOB 03/04/1950", "6102 2790"),
    ("Q: Member ID? A: XK 610 227 904. DOB 03/04/1950", "610 227 904"),
    ("Q: Phone? A: 020 71 71 and 020 71 72. DOB 03/04/1950", "020 71 72"),
]


@pytest.mark.parametrize(("note", "secret"), ANSWERS)
def test_spoken_answer_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret)


AGES = [
    ("So you're ninety-four, right? MRN 40027719", "ninety-four"),
    ("Age written as 97, 98 by the band. MRN 40027719", "98"),
]


@pytest.mark.parametrize(("note", "secret"), AGES)
def test_age_over_89_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret, whole_word=True)
