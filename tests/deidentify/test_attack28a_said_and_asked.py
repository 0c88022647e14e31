"""attack28a: label_values' two new drops (df37581) let a patient's name out. After a staff
role's label and a quotation mark a single dictionary word is taken for what was said
('Scrub: "Correct."'), but a patient's name that is also a word, addressed or spoken of
first in the quote, is dropped with it; and a "question" opening a field is dropped before
the person cues are read, so the given name "Will" or "May" in "Pt name:" goes. Base 7b90567
hid every one of these (NEW). Every example is invented. Strict xfails: each fails today."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

AUTO = ("clean", "redacted")  # what reaches students with no person in between


def shown(engine: Engine, note: str, secret: str) -> bool:
    r = engine.deidentify(note)
    return r.verdict in AUTO and secret in r.text


def _xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, raises=AssertionError, reason=reason)


SAID = [  # (note, the name that must not be shown)
    ('Anesthesia: "Meadow, take a deep breath for me."', "Meadow"),
    ('Scrub: "Lark is asking for her daughter."', "Lark"),
    ('Surgeon: "Bramble, can you hear me?"', "Bramble"),
    ('Scrub: "Thistle, 08/27/1941?" Yes.', "Thistle"),  # the time-out's name and DOB check
    ('CRNA: \u201cLinden, squeeze my hand.\u201d', "Linden"),
    # in a care home the resident is the patient
    ('Resident: "Juniper" per wristband, 94, from the care home.', "Juniper"),
]


@_xfail("attack28a: label_values' quoted drop takes a patient's name that is a dictionary "
        "word, first in a staff member's quote, for what was said (NEW)")
@pytest.mark.parametrize(("note", "secret"), SAID)
def test_name_first_in_a_quote_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret)


ASKED = [
    ("Pt name: Will I assume? Pt drowsy.", "Will"),
    ("Contact: Will I believe - the son? number on file.", "Will"),
]


@_xfail("attack28a: label_values' question drop reads a given name ('Will', 'May') and 'I' "
        "as a question and drops it, even in the patient's name field (NEW)")
@pytest.mark.parametrize(("note", "secret"), ASKED)
def test_given_name_before_i_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret)


@_xfail("attack28a: the quoted drop lowers the share hidden, so a note base quarantined "
        "(identifier ratio) goes out redacted with the name shown (NEW verdict regression; "
        "label_values is no NEWER_RULES entry, so the rerun does not restore the hold)")
def test_quoted_drop_does_not_lift_the_hold(engine: Engine) -> None:
    r = engine.deidentify('Nurse: "Bramble" (603) 481-2290')
    assert r.verdict not in AUTO, (r.verdict, r.text)
