"""attack21c: holes in id_edges' masked codes (deid21): the issuer's letters before a
mask ("JT*****6174") are left in when a format character sits inside the letters or the
mask, when a space stands between the letters and the mask, or when the mask is longer
than the 24 characters the rule looks back over. id_edges.widen runs on the typed text,
not the normalised view, so the invisibles the view drops still split the shape.
Invented codes."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered

REASON = "attack21c: issuer letters of a masked code left in"

LEFT_IN = [
    # a zero-width space or a soft hyphen inside the letters or the mask: the letters (or
    # the letters and the first mask characters) are left ("ins id J\u200b[HEALTHPLAN]")
    ("ins id J\u200bT*****6174 verified", "J\u200bT*****6174"),
    ("ins id JT*\u200b****6174 verified", "JT*\u200b****6174"),
    ("ins id JT**\u00ad***6174 verified", "JT**\u00ad***6174"),
    ("acct J\u200bT\u25cf\u25cf\u25cf\u25cf 3986 on file", "J\u200bT\u25cf\u25cf\u25cf\u25cf 3986"),
    # the letters, then a space, then the mask: "policy JT [HEALTHPLAN] verified"
    ("policy JT \u25cf\u25cf\u25cf\u25cf 6174 verified", "JT \u25cf\u25cf\u25cf\u25cf 6174"),
    ("ins id JT **** 6174 verified", "JT **** 6174"),
    # a mask longer than the 24 characters looked back over: "acct JT●●●● [ACCOUNT]"
    ("acct JT" + " ".join(["\u25cf" * 4] * 6) + " 3986 on file",
     "JT" + " ".join(["\u25cf" * 4] * 6) + " 3986"),
]


@pytest.mark.parametrize(("note", "code"), LEFT_IN)
def test_masked_code_letters_left_in(engine: Engine, note: str, code: str) -> None:
    left = left_uncovered(engine, note, code)
    # the mask characters alone say nothing; the issuer's letters do
    assert not any(c.isalpha() for c in left), (left, engine.deidentify(note).text)


@pytest.mark.parametrize("letters", ["J\u200bV", "J\u200bX", "Q\u200bV"])
def test_masked_code_with_a_split_prefix_is_found(engine: Engine, letters: str) -> None:
    # "ins id JV*****6174" is found (cued_healthplan); with a zero-width space inside the
    # letters, and the second one V or X (52 of the 676 capital pairs), the whole code
    # comes out clean, the digits too; the same on the base before deid21
    note = f"ins id {letters}*****6174 verified"
    result = engine.deidentify(note)
    assert "6174" not in result.text, (result.verdict, result.text)
