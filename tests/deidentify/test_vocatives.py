"""A given name a staff text opens by addressing (vocatives.py): after a greeting, or
before a request to the reader. Messages written for these tests (not from any corpus)."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "name"), [
    ("thx dana!! all set for the 2nd case", "dana"),
    ("hey sunny can u grab the bovie pad from core", "sunny"),
    ("kit pls bring the lead aprons to 6", "kit"),
    ("carmen ur 3pm add-on is in holding", "carmen"),
])
def test_the_name_a_message_addresses(engine: Engine, note: str, name: str) -> None:
    out = engine.deidentify(note).text
    assert name not in out.split() and name + "!!" not in out, out


@pytest.mark.parametrize("note", [
    "hey can someone grab the bovie pad from core",
    "thanks all, great case",
    "hope u feel better soon, shift swap approved",
    "ty will do after this case",
    "mark pls before the timeout, site not marked yet",
])
def test_messages_that_address_no_one_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
