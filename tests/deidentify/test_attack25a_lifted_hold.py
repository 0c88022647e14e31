"""attack25a: a newer rule's widening lifts base's identifier-share hold while PHI shows.

Base b949ec6 quarantined these notes for the share of identifiers: counted on the spans
as shown (the payer widened into the plan number), with a word left over so the note was
not "nothing left". given_before now takes that word ("vers", a cue on no list) into the
surname's span, dense_notes.nothing_left finds only ordinary words left ("falls", "ins")
and the hold goes. _more_careful cannot bring it back: its run without NEWER_RULES skips
_shown, so it never counts the shown spans' share that held the note on base. The town's
kind word ("Harmon Falls") is published. Invented strings."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

NOTE = "vers harmon falls-ins HUMANA # W40718263  pt otto lund"


def test_base_held_this_note_for_its_share(engine: Engine) -> None:
    # the hold is what made the visible "falls" safe on base; main's fallback run lacks it
    fallback = engine._deidentify(NOTE, None, None)
    assert fallback.verdict == "redacted"


@pytest.mark.xfail(strict=True, raises=AssertionError,
                   reason="attack25a: given_before hides the only non-ordinary word left, "
                          "lifting the shown-share hold; the fallback run skips _shown")
def test_the_hold_is_kept_while_the_town_shows(engine: Engine) -> None:
    result = engine.deidentify(NOTE)
    assert "falls" not in result.text or result.verdict == "quarantine", (
        result.verdict, result.text)
