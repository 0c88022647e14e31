"""CaseIdentifiers travel as keyed hashes only and read back only with the same key."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from services.common.deid import CaseIdentifiers, CaseIdentifiersError, Engine
from services.common.schemas import validator

KEY = b"k" * 32


def _plain() -> CaseIdentifiers:
    return CaseIdentifiers.from_plain(names=["José María O'Brien-Núñez"], mrn="MRN-0099887766",
                                      dob=dt.date(1931, 2, 28), key=KEY)


def test_wire_holds_no_plaintext_and_validates() -> None:
    wire = _plain().to_wire()
    validator("case-identifiers.json").validate(wire)
    blob = json.dumps(wire).lower()
    for plain in ("jose", "maria", "brien", "nunez", "0099887766", "99887766", "1931"):
        assert plain not in blob
    assert set(wire) == {"v", "alg", "key_id", "names", "initials", "fuzzy", "mrn", "dob"}


def test_round_trip_and_matching(engine: Engine) -> None:
    back = CaseIdentifiers.from_wire(_plain().to_wire(), key=KEY)
    assert back == _plain()
    result = engine.deidentify("Mr. obrien-nunez (jose) DOB 2/28/31, mrn 99887766", back)
    for plain in ("obrien", "nunez", "jose", "2/28/31", "99887766"):
        assert plain not in result.text


def test_wrong_key_is_refused() -> None:
    with pytest.raises(CaseIdentifiersError):
        CaseIdentifiers.from_wire(_plain().to_wire(), key=b"other-key" * 4)


@pytest.mark.parametrize("wire", [
    {}, {"v": 2}, [], {"v": 1, "alg": "HMAC-SHA256", "key_id": "0" * 16},
])
def test_bad_wire_is_refused(wire: object) -> None:
    with pytest.raises(CaseIdentifiersError):
        CaseIdentifiers.from_wire(wire, key=KEY)  # type: ignore[arg-type]


def test_bad_digest_is_refused() -> None:
    wire = _plain().to_wire()
    wire["names"] = ["John"]
    with pytest.raises(CaseIdentifiersError):
        CaseIdentifiers.from_wire(wire, key=KEY)


def test_repr_never_shows_key_or_digests() -> None:
    text = repr(_plain())
    assert "k" * 8 not in text and not any(len(w) >= 32 for w in text.split())


def test_empty_case_matches_nothing(engine: Engine) -> None:
    empty = CaseIdentifiers.from_plain(names=[], mrn=None, dob=None, key=KEY)
    assert engine.deidentify("Will close at 0942", empty).verdict == "clean"


def test_a_particle_that_is_the_surname_is_redacted_but_inner_particles_are_not(
        engine: Engine) -> None:
    thanh_le = CaseIdentifiers.from_plain(names=["Thanh Le"], mrn="MRN-0011223344",
                                          dob=dt.date(1970, 5, 1), key=KEY)
    result = engine.deidentify("family of le updated in waiting room", thanh_le)
    assert " le " not in result.text
    cruz = CaseIdentifiers.from_plain(names=["Maria de la Cruz"], mrn="MRN-0011223345",
                                      dob=dt.date(1970, 5, 1), key=KEY)
    kept = engine.deidentify("placed at the edge of la table per protocol", cruz)
    assert "la table" in kept.text
