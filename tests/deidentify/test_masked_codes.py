"""A code typed with most of it masked: the mask and the letters glued to it go with the
digits left showing ("acct ●●●● ●●●● 5521", "member ZK****4410"), so the redaction does
not leave the shape and the issuer's letters of the number (id_edges). Invented
sentences."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched

MASKED = [
    ("acct •••• •••• 5521 on the billing screen, last four only.", "•••• •••• 5521"),
    ("ins member ZK*****4410 partly visible on the card", "ZK*****4410"),
    ("MRN **** 7731 on the printout, masked.", "**** 7731"),
    ("ssn xxx-xx-6620 per registration", "xxx-xx-6620"),
]


@pytest.mark.parametrize(("note", "code"), MASKED)
def test_the_mask_goes_with_the_digits(engine: Engine, note: str, code: str) -> None:
    assert left_uncovered(engine, note, code) == ""


KEPT = [
    "count ** correct ** at closing, 4 x 4s x 10",
    "wound 3 x 4 cm, packed with 2 xx large gauze",
]


@pytest.mark.parametrize("note", KEPT)
def test_stars_and_sizes_are_kept(engine: Engine, note: str) -> None:
    untouched(engine, note)
