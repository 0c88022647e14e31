"""Biometric mentions with their capture word ("thumbprint scan"), the patient's own
print beside a staff one, and prints written in digits for letters (mentions.py).
Invented sentences."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "mention"), [
    ("Left thumbprint scan taken at the kiosk for ID", "thumbprint scan"),
    ("the omnicell print is the nurse's; pt's palm scan was for check-in", "palm scan"),
    ("f1ng3rpr1nt captured at registration, no ID card", "f1ng3rpr1nt"),
    ("v0ic3pr1nt enrolment done for the pt line", "v0ic3pr1nt"),
])
def test_the_mention_is_redacted(engine: Engine, note: str, mention: str) -> None:
    result = engine.deidentify(note)
    start = note.index(mention)
    covered = bytearray(len(note))
    for f in result.findings:
        covered[f.start:f.end] = b"\x01" * (f.end - f.start)
    left = "".join(note[i] for i in range(start, start + len(mention))
                   if not covered[i] and not note[i].isspace())
    assert not left, (result.text, left)


@pytest.mark.parametrize("note", [
    "pyxis fingerprint scan failed for the circulator",
    "print the consent form again, pr1nter jammed",
    "omnicell fingerprint scan for the circulator",
])
def test_staff_prints_and_printers_are_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


@pytest.mark.parametrize(("note", "mention"), [
    ("Media: pre-op facial photograph for blepharoplasty planning in PACS",
     "pre-op facial photograph for blepharoplasty planning"),
    ("postop face photos uploaded by resident", "postop face photos"),
])
def test_a_face_photo_with_its_timing_is_redacted(engine: Engine, note: str,
                                                  mention: str) -> None:
    test_the_mention_is_redacted(engine, note, mention)
