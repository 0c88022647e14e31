"""pt_lower_pairs: a given name and surname after a lower-case "pt"/"patient" before an
identifier, as pt_names.before_ids reads them after "Pt"; verbs and clinical words stay.
Invented strings."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "name"), [
    ("cxl-07 pt Solace Crane DOB 2/3/1950 afib, rebook", "Solace Crane"),
    ("patient Amity Heron MRN 2231907, consent signed", "Amity Heron"),
])
def test_pairs_are_hidden(engine: Engine, note: str, name: str) -> None:
    text = engine.deidentify(note).text
    for word in name.split():
        assert word not in text


@pytest.mark.parametrize(("note", "kept"), [
    ("pt Identity Verified DOB read back by RN", "pt Identity Verified DOB"),
    ("pt Hip Fracture DOB checked at the desk", "pt Hip Fracture DOB"),
])
def test_other_words_stay(engine: Engine, note: str, kept: str) -> None:
    assert kept in engine.deidentify(note).text
