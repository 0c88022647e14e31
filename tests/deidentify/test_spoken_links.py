"""Web addresses said aloud are redacted whole; numbers said with "dot" are not links."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "link"), [
    ("family page is lotsa helping dot org slash circle slash okafor clan so check it",
     "lotsa helping dot org slash circle slash okafor clan"),
    ("w w w dot gofundme dot com slash f slash fix nana june, please share",
     "w w w dot gofundme dot com slash f slash fix nana june"),
    ("daughter streams at twitch dot tv slash x, and on meet dot example dot com slash "
     "okafor dash family", "meet dot example dot com slash okafor dash family"),
])
def test_a_spoken_link_is_redacted_whole(engine: Engine, note: str, link: str) -> None:
    r = engine.deidentify(note)
    start = note.index(link)
    assert all(any(f.start <= i < f.end for f in r.findings) or note[i] == " "
               for i in range(start, start + len(link))), r.text


@pytest.mark.parametrize("note", [
    "ten dot four ml given at induction",
    "Lap chole, port site one dot five cm, closed with 4-0",
])
def test_numbers_said_with_dot_are_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
