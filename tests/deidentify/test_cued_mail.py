"""An e-mail address read out after the word "email": any ending ("dot test", "dot
museum"), an initial before the name ("k marsh at..."), a domain of two words ("quarry
post dot net") (cued_mail.py). Invented sentences."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

MAILS = [
    ("the nephew says his email is omar dot brisk at lantern dot test period",
     "omar dot brisk at lantern dot test"),
    ("pt's email is k marsh at example dot net period", "k marsh at example dot net"),
    ("daughter's e-mail: ivo.petr at quarry post dot net — call first",
     "ivo.petr at quarry post dot net"),
    ("email address - bea underscore lin at fastmail dot fm",
     "bea underscore lin at fastmail dot fm"),
]


@pytest.mark.parametrize(("note", "mail"), MAILS)
def test_a_read_out_address_after_email_is_redacted(engine: Engine, note: str,
                                                    mail: str) -> None:
    result = engine.deidentify(note)
    start = note.index(mail)
    covered = bytearray(len(note))
    for f in result.findings:
        covered[f.start:f.end] = b"\x01" * (f.end - f.start)
    left = "".join(note[i] for i in range(start, start + len(mail))
                   if not covered[i] and not note[i].isspace())
    assert not left, (result.text, left)


KEPT = [
    "email sent to the team at noon, next case at two",
    "emailed pharmacy at 10 about the dose",
    "email the charge nurse at the desk, lunch at one",
]


@pytest.mark.parametrize("note", KEPT)
def test_times_and_places_after_email_are_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
