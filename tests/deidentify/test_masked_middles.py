"""Codes masked in the middle or with full-width marks (deid23): a VIN shown only at its
ends ("2HGFA1F5*KR*****4"), a serial behind full-width asterisks and dash ("＊＊＊＊－8812"),
and a health-plan number after the HIPAA acronym for it ("hpbn QX**-**27-0081").
Invented codes."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "code"), [
    ("VIN 2HGFA1F5*KR*****4 masked on the ticket", "2HGFA1F5*KR*****4"),
    ("device serial SN \uff0a\uff0a\uff0a\uff0a\uff0d8812 on the card",
     "\uff0a\uff0a\uff0a\uff0a\uff0d8812"),
    # withdrawn after attack23c: "hpbn" as a health-plan cue made "# HPBN 4471.902" a label
    # and its dotted number was no longer found
    pytest.param("hpbn QX**-**27-0081 partially masked", "QX**-**27-0081",
                 marks=pytest.mark.xfail(strict=True, raises=AssertionError,
                                         reason="withdrawn after attack23c")),
    ("HPBN: 7730-2291-04 on the card", "7730-2291-04"),
])
def test_masked_and_full_width_codes_go(engine: Engine, note: str, code: str) -> None:
    assert left_uncovered(engine, note, code) == ""


@pytest.mark.parametrize("note", [
    "grade 2*3 cm lesion noted",
    "hpbn not on file, ask billing",
])
def test_no_code_stays(engine: Engine, note: str) -> None:
    untouched(engine, note)
