"""The engine's fast keyed hashes and MRN slips agree with their plain definitions.

Both are speedups only (issue 14: a note with a 5-6 digit number cost ~120 HMACs, most
of the de-identification CPU of the throughput bench); these tests hold them to the
slow forms they replaced, so no note is redacted differently.
"""

from __future__ import annotations

import hmac
import random

import pytest

from services.common.deid import CaseIdentifiers
from services.common.deid.casematch import CaseMatcher, mrn_slips
from services.common.identifiers import _KINDS, _PREFIX, _KeyedDigest


@pytest.mark.parametrize("key_length", [1, 31, 32, 63, 64, 65, 200])
def test_keyed_digest_is_hmac_sha256_of_the_prefixed_value(key_length: int) -> None:
    rng = random.Random(key_length)
    key = bytes(rng.randrange(256) for _ in range(key_length))
    for kind in _KINDS:
        digest = _KeyedDigest(key, kind)
        for value in ("", "smith", "0099887766", "núñez", "o’brien", "李", "x" * 300):
            assert digest(value) == hmac.digest(key, _PREFIX[kind] + value.encode(), "sha256")


def _slips_by_definition(raw: str) -> set[str]:
    """The enumeration `CaseMatcher.mrn_typo` used before, one slip at a time."""
    variants = {raw[:i] + raw[i + 1:] for i in range(len(raw))}
    variants |= {raw[:i] + raw[i + 1] + raw[i] + raw[i + 2:] for i in range(len(raw) - 1)}
    for i in range(len(raw) + 1):
        for d in "0123456789":
            variants.add(raw[:i] + d + raw[i:])
            if i < len(raw):
                variants.add(raw[:i] + d + raw[i + 1:])
    return {v.lstrip("0") for v in variants if len(v.lstrip("0")) >= 4}


@pytest.mark.parametrize("raw", ["12345", "123456", "000123", "00000", "100001", "99999",
                                 "012340", "112233"])
def test_mrn_slips_are_every_one_slip_spelling(raw: str) -> None:
    assert mrn_slips(raw) == _slips_by_definition(raw)


def test_mrn_typo_finds_exactly_the_slips_of_the_mrn() -> None:
    key = b"k" * 32
    case = CaseIdentifiers.from_plain(names=["Ann Lee"], mrn="MRN-0048291", dob=None, key=key)
    matcher = CaseMatcher(case)
    rng = random.Random(14)
    numbers = {f"{rng.randrange(10 ** 6):0{rng.choice((5, 6))}d}" for _ in range(300)}
    numbers |= {"48291", "048291", "482910", "48219", "84291", "4829", "482911", "148291"}
    for raw in sorted(numbers):
        assert matcher.mrn_typo(raw) == ("48291" in _slips_by_definition(raw)), raw


def _wire_without_lengths(case: CaseIdentifiers, key: bytes) -> CaseIdentifiers:
    """The case as a registration made before MRN lengths were hashed: the MRN digest only."""
    wire = case.to_wire()
    plain = CaseIdentifiers.from_plain(names=["Ann Lee"], mrn=None, dob=None, key=key)
    wire["mrn"] = [h for h in wire["mrn"] if any(
        plain._digest_of("mrn")(n) == bytes.fromhex(h) for n in ("48291", "4829133",
                                                                 "99000123"))]
    return CaseIdentifiers.from_wire(wire, key=key)


@pytest.mark.parametrize("mrn", ["48291", "4829133", "99000123"])
def test_mrn_slips_hashed_only_at_the_mrn_length(mrn: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A registration hashes its MRN's length too (salted by the MRN's digest, and no digit
    string), so a 5-6 digit number costs no HMAC for slips the MRN cannot be: none at all
    when the MRN is longer than any slip (issue 14: ~100 HMACs per such number was the
    largest item of the service on the throughput bench). Same answers as before, for a
    registration with the length and for one without (then every slip is hashed)."""
    key = b"k" * 32
    case = CaseIdentifiers.from_plain(names=["Ann Lee"], mrn=mrn, dob=None, key=key)
    old = _wire_without_lengths(case, key)
    # the MRN, its length and its last four digits (attackfix16)
    assert len(old.to_wire()["mrn"]) == 1 and len(case.to_wire()["mrn"]) == 3
    rng = random.Random(len(mrn))
    numbers = {f"{rng.randrange(10 ** 6):0{rng.choice((5, 6))}d}" for _ in range(200)}
    numbers |= {mrn[:5], mrn[:6], mrn[1:6], mrn[:4] + "9" + mrn[4:6], "0" + mrn[:5]}
    numbers = {n for n in numbers if 5 <= len(n) <= 6}
    fast, slow = CaseMatcher(case), CaseMatcher(old)
    fast.mrn_typo("12345")  # the case's lengths, read once
    hashed: list[str] = []
    plain = _KeyedDigest.__call__

    def counting(self: _KeyedDigest, value: str) -> bytes:
        hashed.append(value)
        return plain(self, value)

    monkeypatch.setattr(_KeyedDigest, "__call__", counting)
    by_fast: list[str] = []
    for raw in sorted(numbers):
        expected = mrn in _slips_by_definition(raw)
        hashed.clear()
        assert fast.mrn_typo(raw) == expected, raw
        by_fast += hashed
        hashed.clear()
        assert slow.mrn_typo(raw) == expected, raw
        assert hashed  # an older registration: every slip asked
    assert all(len(v) == len(mrn) for v in by_fast)
    if len(mrn) > 7:  # no slip of a 5-6 digit number is that long: nothing hashed
        assert by_fast == []
