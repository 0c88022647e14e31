"""Each Safe Harbor category is found and replaced by its tag."""

from __future__ import annotations

import pytest

from services.common.deid import CaseIdentifiers, Engine

CASES = [
    # (note, the identifier, expected category)
    ("Seen by Dr. Okonkwo at 0800", "Okonkwo", "NAME"),
    ("Mr. Zorblatt positioned supine", "Zorblatt", "NAME"),
    ("wife Linda in waiting room", "Linda", "NAME"),
    ("daughter Grace updated", "Grace", "NAME"),
    ("RN Maria at table", "Maria", "NAME"),
    ("circulator: Keiko Tanaka", "Tanaka", "NAME"),
    ("Margaret Thornbury arrived", "Thornbury", "NAME"),
    ("DOB 03/14/1961", "03/14/1961", "DATE"),
    ("seen 3/14 in clinic", "3/14", "DATE"),
    ("consented March 14th", "March 14th", "DATE"),
    ("consented 14 Mar", "14 Mar", "DATE"),
    ("surgery on the 14th, then PACU", "the 14th", "DATE"),
    ("admitted 2019-03-14", "2019-03-14", "DATE"),
    ("prior op March 2019", "March 2019", "DATE"),
    ("92 yo F for lap chole", "92", "AGE"),
    ("aged 94, frail", "94", "AGE"),
    ("93-year-old man", "93", "AGE"),
    ("in her 90s", "90s", "AGE"),
    ("call wife 617-555-0199", "617-555-0199", "PHONE"),
    ("cell (617) 555-0199", "(617) 555-0199", "PHONE"),
    ("fax 617-555-0100 records", "617-555-0100", "FAX"),
    ("email jdoe42@gmail.com", "jdoe42@gmail.com", "EMAIL"),
    ("SSN 123-45-6789", "123-45-6789", "SSN"),
    ("MRN: 00123456", "00123456", "MRN"),
    ("acct A-55120934", "A-55120934", "ACCOUNT"),
    ("member ID XJH123456789", "XJH123456789", "HEALTHPLAN"),
    ("DL# D1234567", "D1234567", "LICENSE"),
    ("pacemaker serial PJN123456H", "PJN123456H", "DEVICE"),
    ("see https://www.caringbridge.org/visit/jdoe", "https://www.caringbridge.org/visit/jdoe",
     "URL"),
    ("from workstation 10.12.4.221", "10.12.4.221", "IP"),
    ("lives at 1423 Maple Ave Apt 4B", "1423 Maple Ave Apt 4B", "ADDRESS"),
    ("transferred from Tacoma", "Tacoma", "LOCATION"),
    ("Springfield, IL 62704", "62704", "ZIP"),
    ("zip 02139", "02139", "ZIP"),
    ("license plate 7ABC123", "7ABC123", "VEHICLE"),
    ("VIN 1HGCM82633A004352", "1HGCM82633A004352", "VEHICLE"),
    ("wristband 44812093", "44812093", "MRN"),
]


@pytest.mark.parametrize(("note", "phi", "category"), CASES)
def test_category_found(engine: Engine, note: str, phi: str, category: str) -> None:
    result = engine.deidentify(note)
    assert phi not in result.text
    start = note.index(phi)
    assert any(f.category == category and f.start <= start and note.index(phi) + len(phi) <= f.end
               for f in result.findings), result.findings
    assert f"[{category}]" in result.text
    assert result.verdict in ("redacted", "quarantine")


@pytest.mark.parametrize("form", [
    "John Smith", "Smith", "smith", "SMITH", "Smith's", "smith's", "J. Smith", "J.S.", "JS",
    "Smith, John", "john", "Quincy", "Smtih", "J.Q.S.",
])
def test_case_name_in_every_form(engine: Engine, case: CaseIdentifiers, form: str) -> None:
    result = engine.deidentify(f"update: {form} in OR 4, stable", case)
    assert form not in result.text
    assert "[NAME]" in result.text
    assert "OR 4" in result.text


@pytest.mark.parametrize("form", ["MRN 0012345678", "mrn#12345678", "12345678",
                                  "0012-345-678", "MR# 0012345678"])
def test_case_mrn_with_or_without_label(engine: Engine, case: CaseIdentifiers, form: str) -> None:
    result = engine.deidentify(f"labelled {form} to path", case)
    digits = "".join(c for c in form if c.isdigit())
    assert digits not in "".join(c for c in result.text if c.isdigit())
    assert any(f.category == "MRN" for f in result.findings)


@pytest.mark.parametrize("form", ["03/14/1961", "3/14/61", "1961-03-14", "March 14, 1961",
                                  "14 Mar 1961", "14031961", "19610314", "3-14-1961"])
def test_case_dob_any_format(engine: Engine, case: CaseIdentifiers, form: str) -> None:
    result = engine.deidentify(f"born {form}, here for TKA", case)
    assert form not in result.text
    assert any(f.rule == "case_dob" for f in result.findings)


def test_several_identifiers_at_both_ends(engine: Engine, case: CaseIdentifiers) -> None:
    note = "Smith 617-555-0199 Whipple started 09:42, DOB 03/14/1961"
    result = engine.deidentify(note, case)
    assert result.text == "[NAME] [PHONE] Whipple started 09:42, DOB [DATE]"
    assert dict(result.counts) == {"NAME": 1, "PHONE": 1, "DATE": 1}


def test_local_phone_needs_a_cue(engine: Engine) -> None:
    assert engine.deidentify("call 555-0100 after").text == "call [PHONE] after"
    assert engine.deidentify("EBL 555-0100?").verdict == "clean"


def test_date_before_a_title_is_not_an_address(engine: Engine) -> None:
    """Regression: "12/25 by Dr. Patel" was read as the street "25 by Dr"."""
    r = engine.deidentify("Seen 12/25 by Dr. Patel")
    assert r.text == "Seen [DATE] by Dr. [NAME]"
