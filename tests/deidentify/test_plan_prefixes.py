"""A member number's payer letters before it and its lone suffix after it are hidden with
it, and a payer's name before groups of digits is a member number; "ID band", "ASA 3"
and a payer named in prose stay."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "secret"), [
    ("fax: card copy front/back, subscriber Lund, Eli, ID QRS T 550123456", "QRS T 550123456"),
    ("EOB | Subscriber: ORR, ANA | ID QRS T 550123456 01", "QRS T 550123456 01"),
    ("pt DOB 03/14/1960 Medicaid ID MDC 55120349 B - auth CT chest", "MDC 55120349 B"),
    ("Member ID MDC 55120349 B (Medicaid) - CT chest - paid 212.00", "MDC 55120349 B"),
    ("EOB | Orr, Ana | BCBSTX QQZ 5512349 | knee arthroscopy | paid", "BCBSTX QQZ 5512349"),
    ("EOB | Orr, Ana | HMSA 0012 3456 7 | colonoscopy | paid", "HMSA 0012 3456 7"),
    ('{"evt": "PLAN", "member_id": "QRS T 550123456", "src": "fax"}', "QRS T 550123456"),
    ("Clerk: HPBN NHI KLM5521 (NZ), billing as overseas", "NHI KLM5521"),
])
def test_a_member_number_is_hidden_with_its_payer_letters(engine: Engine, note: str,
                                                          secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""


@pytest.mark.parametrize("note", [
    "pt ID band on, ASA 3, consent signed",
    "Aetna denied the auth, appeal sent with lot 448812 attached",
    "HMSA form 2 pages, BCBS 3 calls today",
])
def test_labels_payers_and_scores_alone_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
