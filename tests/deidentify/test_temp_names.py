"""The name an unidentified patient is registered under, cued as a temporary name, or
named where the note says who it turned out to be (deid23): "temp name Trauma Kestrel",
"Trauma Kestrel now ID'd as ...". Invented names."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "name"), [
    ("unk pt, temp name Trauma Kestrel, MRN 7730419", "Trauma Kestrel"),
    ("temporary name: Quartz Heron until family arrives", "Quartz Heron"),
    ("Trauma Kestrel now ID'd as Hal Quorvell, merge charts", "Trauma Kestrel"),
    ("Doe Quartz identified as the man from bay 3", "Doe Quartz"),
])
def test_a_temporary_name_goes(engine: Engine, note: str, name: str) -> None:
    assert left_uncovered(engine, note, name) == ""


@pytest.mark.parametrize("note", [
    "temp name band printed, pending",
    "Lesion now identified as a lipoma on frozen",
    "Pt now ID'd as the driver, per police",
])
def test_no_temporary_name_stays(engine: Engine, note: str) -> None:
    untouched(engine, note)
