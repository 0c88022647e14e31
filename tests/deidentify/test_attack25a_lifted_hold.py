"""attack25a: a newer rule's widening lifts base's identifier-share hold while PHI shows.

Base b949ec6 quarantined these notes for the share of identifiers, counted on the spans
as shown (a payer widened into its plan number, a photo's phrase into its file), with one
word left over that no list holds so the note was not "nothing left". A rule of 43e2b5e
now takes that word into a span: given_before the line's first word ("vers", a cue on no
list), place_tails a town's hyphened part ("-Aldmoor"), name_syllables a given name's
syllable ("-min"). dense_notes.nothing_left then finds only ordinary words left and the
hold goes, though the rest of the town or name ("falls", a surname typed "rose") shows.
_more_careful could not bring the hold back: its run without NEWER_RULES skipped _shown, so
it never counted the shown spans' share that held the note on base. Fixed: that run widens
as shown too. Invented strings."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

NOTES = [  # (note, the PHI word left shown)
    ("vers harmon falls-ins HUMANA # W40718263  pt otto lund", "falls"),  # given_before
    ("from Quincy-Aldmoor falls-ins face photo sent to OR group IMG_2547", "falls"),  # tails
    ("pt Seo-min rose, face photo sent to OR group IMG_7384", "rose"),  # name_syllables
]


@pytest.mark.parametrize(("note", "shown"), NOTES)
def test_the_fallback_run_holds_it_as_base_did(engine: Engine, note: str, shown: str) -> None:
    # the run without NEWER_RULES, whose verdict _more_careful keeps when more careful
    assert engine._deidentify(note, None, None).verdict == "quarantine"


@pytest.mark.parametrize(("note", "shown"), NOTES)
def test_the_hold_is_kept_while_phi_shows(engine: Engine, note: str, shown: str) -> None:
    result = engine.deidentify(note)
    assert shown not in result.text or result.verdict == "quarantine", (
        result.verdict, result.text)
