"""More ways to mention the patient's face picture or biometrics (mentions.py): a
close-up or portrait of the face, "full-face photo of the patient", "PHOTO (FULL FACE)",
a selfie of or with the patient or family, French/Spanish/Portuguese face photos, face
templates and face ID, voice samples, "huella digital", "imagen del iris", a retina
photograph, and the patient's own print or face that unlocks a phone. A selfie stick,
a staff lock and a staff iPad's face ID stay.

Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

GONE = [
    ("the fellow took a full-face photo of the patient on her own phone",
     "full-face photo of the patient"),
    ("a close up of her face ended up in the lecture slides", "close up of her face"),
    ("REGISTRATION PHOTO (FULL FACE) ATTACHED TO THE WRONG CHART", "PHOTO (FULL FACE)"),
    ("the daughter posted a selfie with her dad in holding", "selfie with her dad in holding"),
    ("PT SELFIE SET AS THE APP AVATAR", "PT SELFIE"),
    ("frontal face photo deleted from the shared drive", "frontal face photo"),
    ("portal asked for the pt's Face ID template, declined", "Face ID template"),
    ("the kiosk stored a 3D face geometry for the pt", "3D face geometry"),
    ("pt fingerprint template left on the loaner tablet", "pt fingerprint template"),
    ("BIOMETRIC VOICE SAMPLE STORED BY THE CALL CENTER", "VOICE SAMPLE"),
    ("his left thumb print enrolment for the pharmacy locker", "thumb print enrolment"),
    ("the nurse used my moms face scan to unlock her phone", "moms face scan"),
    ("le fils a pris une photo de son visage au réveil", "photo de son visage"),
    ("tomaron una foto de frente para el brazalete", "foto de frente"),
    ("guardaron la huella digital del paciente en admisión", "huella digital"),
    ("la imagen del iris quedó en el sistema", "imagen del iris"),
    ("retina photograph taken at the research kiosk", "retina photograph"),
]


@pytest.mark.parametrize(("note", "part"), GONE)
def test_more_face_pictures_and_biometrics_go(engine: Engine, note: str, part: str) -> None:
    out = engine.deidentify(note)
    assert part not in out.text
    assert {"PHOTO", "BIOMETRIC"} & set(out.counts)


KEPT = [
    "FINGERPRINT LOCK ON THE WARD TABLET IS BROKEN",
    "the staff fingerprint lock on the med room failed",
    "selfie stick left in OR 3, lost and found",
    "face ID on the unit iPad is for staff only",
    "wound close up for the chart, abdomen only",
]


@pytest.mark.parametrize("note", KEPT)
def test_other_faces_locks_and_sticks_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
