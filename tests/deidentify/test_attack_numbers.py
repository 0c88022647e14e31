"""H5/H6: the case's MRN and DOB, and SSN/phone/ZIP, typed with separators or digits the
patterns do not know, spelled in words, or only partly redacted."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .attack_cases import leaks, published

H5 = [
    ("Pt born 61-03-14, stable", "61-03-14"),
    ("Pt born March fourteen nineteen sixty one, stable", "fourteen nineteen sixty one"),
    ("Pt born 14 III 1961, stable", "14 III 1961"),
    ("DOB 14 mars 1961 stable", "14 mars 1961"),
    ("DOB 3 / 14 / 1961 stable, incision now", "3 / 14 / 1961"),
    ("DOB 1961 - 03 - 14 stable, incision now", "1961 - 03 - 14"),
    ("MRN is 48,213 stable", "48,213"),
    ("MRN 48 - 213 stable, incision now", "48 - 213"),
    ("MRN 48_213 stable, incision now", "48_213"),
    ("MRN 48:213 stable, incision now", "48:213"),
    ("MRN 48;213 stable, incision now", "48;213"),
    ("MRN \u0664\u0668\u0662\u0661\u0663 stable", "\u0664\u0668\u0662\u0661\u0663"),
    ("chart number forty eight thousand two hundred thirteen stable", "two hundred thirteen"),
    ("MRN forty-eight, two-thirteen stable", "two-thirteen"),
    ("call 555 867 53 09 stable", "867 53 09"),
    ("call 555 \u2013 867 \u2013 5309 stable, incision now", "5309"),
    ("call 555_867_5309 stable, incision now", "5309"),
    ("call 555|867|5309 stable, incision now", "5309"),
    ("call 555~867~5309 stable, incision now", "5309"),
    ("zip code 98 402 stable", "98 402"),
    ("zip 984O2 stable", "984O2"),
]
H6 = [  # partial redaction: the verdict says `redacted`, most of the number is left
    ("ssn 123 - 45 - 6789 stable", "6789"),
    ("ssn 123\u201345\u20136789 stable", "6789"),
    ("ssn 123,45,6789 stable, incision now", "6789"),
    ("ssn 123_45_6789 stable, incision now", "6789"),
    ("call 555,867,5309 stable, incision now", "555,"),
]


@pytest.mark.parametrize(("note", "secret"), H5, ids=[c[1] for c in H5])
def test_number_is_caught(engine: Engine, note: str, secret: str) -> None:
    r = published(engine, note)
    assert not leaks(r, secret), (r.text, r.verdict)


@pytest.mark.parametrize(("note", "secret"), H6, ids=[c[0] for c in H6])
def test_number_is_not_partly_redacted(engine: Engine, note: str, secret: str) -> None:
    r = published(engine, note)
    assert not leaks(r, secret), (r.text, r.verdict)
