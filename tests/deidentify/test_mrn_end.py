"""The MRN's last four digits, typed with no label ("pt 8213 to bay 2"), named the patient
of MRN 4178213 to students (attack15): a four-digit number was never compared with the
MRN. A registration now holds the digest of the MRN's last four (identifiers.
mrn_end_value, salted by the MRN's digest, never a digit string), and a four-digit
number is read as the MRN with one digit dropped when the MRN is five digits long."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.common.deid import CaseIdentifiers, Engine
from services.common.identifiers import mrn_length_value, normalise_mrn

from .attack_cases import AUTO

KEY = b"k" * 32
NOTES = ["pt {} to bay 2", "{} in pre-op, consent signed", "bay 2: {} asleep, incision at 1430"]


def _case(mrn: str) -> CaseIdentifiers:
    return CaseIdentifiers.from_plain(names=["Zorbek Quillfeather"], mrn=mrn, dob=None,
                                      key=KEY)


def _without_end(case: CaseIdentifiers, mrn: str) -> CaseIdentifiers:
    """The case as registered before ends were hashed: the MRN and its length only."""
    wire = case.to_wire()
    digest = case._digest_of("mrn")
    mrn_digest = digest(normalise_mrn(mrn))
    length = digest(mrn_length_value(mrn_digest, len(normalise_mrn(mrn))))
    wire["mrn"] = sorted(d.hex() for d in (mrn_digest, length))
    return CaseIdentifiers.from_wire(wire, key=KEY)


@pytest.mark.parametrize("mrn", ["4178213", "0048213", "12345678", "9876543210"])
@pytest.mark.parametrize("form", NOTES)
def test_the_mrn_last_four_unlabelled_never_reach_students(engine: Engine, mrn: str,
                                                           form: str) -> None:
    end = normalise_mrn(mrn)[-4:]
    for written in (end, f"{end[:2]} {end[2:]}", f"{end[:3]} {end[3:]}"):
        r = engine.deidentify(form.format(written), _case(mrn))
        assert not (r.verdict in AUTO and written in r.text), r.text


@pytest.mark.parametrize("written", ["4823", "4213", "482 3", "48 13"])
def test_four_digits_of_a_five_digit_mrn_are_removed(engine: Engine, written: str) -> None:
    r = engine.deidentify(f"pt {written} to bay 2", _case("0048213"))
    assert not (r.verdict in AUTO and written in r.text), r.text


@pytest.mark.parametrize("note", ["incision at 1430, closing 1615", "EBL 1200 mL, 2017 ASA 3",
                                  "counts 8213 correct", "pt 8214 to bay 2"])
def test_four_digit_numbers_that_are_not_the_mrn_end_stay(engine: Engine, note: str) -> None:
    case = _case("4178212")  # ends 8212: "8213", "8214" are no part of it
    assert engine.deidentify(note, case).text == note


def test_a_registration_from_before_ends_still_has_its_lengths() -> None:
    new = _case("4178213")
    old = _without_end(new, "4178213")
    assert new.mrn_shape()[0] == old.mrn_shape()[0] == {7}
    assert len(new.mrn_shape()[1]) == 1 and old.mrn_shape()[1] == ()


def test_the_end_digest_is_salted_and_no_digit_string() -> None:
    a, b = _case("4178213"), _case("9998213")  # same last four
    assert not set(a.to_wire()["mrn"]) & set(b.to_wire()["mrn"])
    probe = a._digest_of("mrn")
    assert probe("8213").hex() not in a.to_wire()["mrn"]


@settings(max_examples=150, deadline=None)
@given(mrn=st.integers(100_000, 10 ** 10 - 1).map(str), other=st.integers(1000, 9999).map(str),
       end=st.booleans(), form=st.sampled_from(NOTES))
def test_a_four_digit_number_goes_only_when_it_is_the_mrn_end(
        engine: Engine, mrn: str, other: str, end: bool, form: str) -> None:
    """MRNs of 6+ digits: no four-digit number is one slip from them; only the end goes."""
    n = mrn[-4:] if end else other
    r = engine.deidentify(form.format(n), _case(mrn))
    assert (n in r.text) == (n != mrn[-4:]), (mrn, n, r.text)
