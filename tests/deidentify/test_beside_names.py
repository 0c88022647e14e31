"""beside_names: the same person's words beside a name found: a nickname in brackets
between its parts, the name in another script before it in brackets or after a
"name …:" label, a word mangled by HTML entities before it, the name clipped in
capitals. Invented strings."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "gone"), [
    ("USER: my name is Mohamed (Mo) Sesay, DOB 3 May 1980 BOT: ok", "Mo)"),
    ("leaflet given to السيدة ليلى حداد (Mrs Layla Haddad), interpreter present", "ليلى"),
    ("REPRINT: HADDAD, Samir MRN 6000912 - Arabic name on band: سمير حداد", "سمير"),
    ('post-it OCR: "J&amp;net O&#39;Dowd" - bay 2', "J&amp;net"),
    ("Clerk: Ms Tahu Wharerautangi DOB 2/6/1990 - truncated to WHARERAUT", "WHARERAUT"),
])
def test_same_person_words_are_hidden(engine: Engine, note: str, gone: str) -> None:
    assert gone not in engine.deidentify(note).text


@pytest.mark.parametrize("note", [
    "the Mayfield &amp; Greenberg set is in OR 9",
    "Dr Sesay (Anaes) reviewed, PACU TRANSFER approved",
])
def test_other_words_stay(engine: Engine, note: str) -> None:
    result = engine.deidentify(note)
    assert "&amp;" in result.text and "set is in OR 9" in result.text \
        if "&amp;" in note else "(Anaes)" in result.text and "TRANSFER" in result.text
