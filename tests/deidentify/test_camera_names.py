"""A phone or camera names a picture by its own scheme ("IMG_", "PXL_", "DSC", "VID_" and
digits): the name stays the picture's even when the extension is cut off or the name is
typed without it, and no measurement, dose or device model is written that way.

All file names here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched

FOUND = [
    ("picture of pt's face saved as IMG_8830 on the ipad", "IMG_8830"),
    ("mom sent PXL_20251102_073355 to the unit phone, deleted", "PXL_20251102_073355"),
    ("camera roll DSC_0912 shows the pt, remove", "DSC_0912"),
    ("clip VID-20250817-WA0003 was of the pt talking", "VID-20250817-WA0003"),
    ("file DSCN7721 is the full face shot", "DSCN7721"),
]

KEPT = [
    "COVID-19 swab negative, proceed",
    "Img quality poor, repeat fluoro at 30 fps",
    "DSC done at 0930, pump primed",
    "pt is on a video call with interpreter, img intensifier in room 3",
]


@pytest.mark.parametrize(("note", "piece"), FOUND)
def test_a_camera_file_name_goes(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.parametrize("note", KEPT)
def test_words_like_camera_prefixes_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
