"""A trauma alias or an "aka" name (aliases.py), and a public figure told with "he is"/
"she's" or a role the first list lacked (public_figures.py). Invented sentences."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "alias"), [
    ("GSW chest, no ID yet, TRAUMA ALIAS KILO TANGO to OR 3", "KILO TANGO"),
    ("Trauma board\nAlias: TRAUMA-WREN\nAge: 30s", "TRAUMA-WREN"),
    ("pt registered under alias Quartz Heron until family arrives", "Quartz Heron"),
    ("brother, aka Dutch Malloy, in the lobby", "Dutch Malloy"),
    ("unknown male, trauma alias is walrus pine, to CT first", "walrus pine"),
    ("MVC, trauma alias pt HERON QUARTZ, ETA 5 min", "HERON QUARTZ"),
    ("Tonight's unknowns:\n- OSCAR PAPA bay 2\n- oscar quebec bay 4", "OSCAR PAPA"),
    ("ED board | trauma | Foxtrot Sierra | CT done", "Foxtrot Sierra"),
    ("unit number read to me as seven mike tango four four", "seven mike tango four four"),
])
def test_an_alias_is_redacted(engine: Engine, note: str, alias: str) -> None:
    text = engine.deidentify(note).text
    assert not any(w in text for w in alias.replace("-", " ").split()), text


@pytest.mark.parametrize(("note", "figure"), [
    ("please no visitors talk shop, as she is a well-known anchor on the Channel 9 "
     "morning news in Toledo.", "anchor on the Channel 9"),
    ("he's a retired Orioles shortstop, fans at the desk", "Orioles shortstop"),
    ("pt was the 2017 county fair chili champion, staff know her", "chili champion"),
])
def test_a_public_figure_is_redacted(engine: Engine, note: str, figure: str) -> None:
    assert figure not in engine.deidentify(note).text


@pytest.mark.parametrize("note", [
    "no alias needed, name confirmed",
    "she is well known to the pain service",
    "he is the chief of surgery today",
    "alias: none",
    "trauma alias was dropped once her name was confirmed",
    "golf cart accident, delta pressure up, echo done, tango lesson injury",
    "per pharmacy the alpha blockers are held",
])
def test_ordinary_sentences_are_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
