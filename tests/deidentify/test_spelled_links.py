"""A web address read out or typed with spaces, with its path (spoken_links.scan_spelled):
"w w w dot example dot org slash smith", "h t t p s colon slash slash …", "www . site .
example . org / visit / name".

Every address here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

GONE = [
    ("the family page is at w w w dot example dot org slash quorn period", "slash"),
    ("link is h t t p s colon slash slash live dot example dot com slash b r o n t",
     "colon"),
    ("pt's page www . carepages . example . org / visit / ansel shared by family", "visit"),
]


@pytest.mark.parametrize(("note", "part"), GONE)
def test_spoken_and_spaced_links_go_whole(engine: Engine, note: str, part: str) -> None:
    out = engine.deidentify(note)
    assert part not in out.text
    assert "URL" in out.counts


KEPT = [
    "the dot on the skin marks the port site, slash the fascia after",
    "www access for the OR stream is down, IT called",
]


@pytest.mark.parametrize("note", KEPT)
def test_other_dots_and_slashes_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
