"""A mention of the patient's face picture or of a biometric capture of the patient is
redacted with it (mentions.py): "photo of the pt's face", "selfie with the pt", "her right
thumbprint", "palm-vein scan", "voiceprint". A staff member's Pyxis fingerprint, a face
sheet, "face down", iris scissors and the retina in an eye case stay.

Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

GONE = [
    ("someone shared a photo of the patient's face in the group thread", "face"),
    ("pls no pics of dads face in the OR", "face"),
    ("NO FACE PHOTOS OF THE PT, FAMILY REQUEST", "FACE PHOTOS"),
    ("resident took a selfie with the pt in holding, deleted", "selfie with the pt"),
    ("Photos: full-face images taken for the flap planning", "full-face images"),
    ("ID: facial photo on file, matched", "facial photo"),
    ("registration scanned his left thumbprint, no ID on him", "thumbprint"),
    ("REG SCANNED PT'S LEFT INDEX FINGERPRINT AT THE KIOSK", "FINGERPRINT"),
    ("the desk captured a palm-vein scan before the block", "palm-vein scan"),
    ("pt's voiceprint for the results line was set up today", "voiceprint"),
    ("Retina: retinal scan image saved to the wrong encounter", "retinal scan image"),
    ("Kiosk\tID: face geometry scan\tmatched", "face geometry scan"),
    ("Enrolment: R index minutiae template on file", "minutiae template"),
    ("Biometría: huella dactilar tomada en admisión", "huella dactilar"),
    ("Foto: foto de la cara del paciente enviada por error", "foto de la cara"),
]


@pytest.mark.parametrize(("note", "part"), GONE)
def test_face_pictures_and_biometrics_of_the_patient_go(engine: Engine, note: str,
                                                        part: str) -> None:
    out = engine.deidentify(note)
    assert part not in out.text
    assert {"PHOTO", "BIOMETRIC"} & set(out.counts)


KEPT = [
    "the pyxis fingerprint reader failed for the circulator again",
    "FINGERPRINT LOCK ON THE WARD TABLET IS BROKEN",
    "retina detachment repair, gas bubble, face down for a week",
    "iris scissors and a Potts for the arteriotomy",
    "face sheet printed, consent signed, site marked",
    "wound photo taken for the chart, abdomen only",
    "facial nerve monitored throughout, no events",
]


@pytest.mark.parametrize("note", KEPT)
def test_other_faces_and_prints_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
