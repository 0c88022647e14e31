"""A staff member's first name that is also an everyday word ("olive") or that no list
knows, standing where a person stands (opening a message before what someone does, after
"tell" or "per", before "'s", after a title, beside a removed name, a doctor's lone
initial), is not redacted as a guess: the note goes to a person (`review`) with the word
and its reason (person_slots.py). The same words in ordinary sentences stay clean.
Examples made up."""

from __future__ import annotations

import pytest

from services.common.deid import Engine
from services.deidentify.explain import RULE_WORDS

SLOT = "doubt_name_in_person_slot"


def _doubted(engine: Engine, note: str) -> tuple[str, list[tuple[str, str]]]:
    r = engine.deidentify(note)
    return r.verdict, [(note[d.start:d.end], d.reason) for d in r.doubts]


@pytest.mark.parametrize(("note", "left"), [
    ("olive is circulating in 6, back at noon", "olive"),  # a name and a fruit
    ("OLIVE ON LUNCH 1200-1230", "OLIVE"),  # a whiteboard line in capitals
    ("someone tell olive that the van is here", "olive"),
    ("ned from sterile processing is asking about trays", "ned"),
    ("Quillan can u take my friday", "Quillan"),  # in no list at all
    ("ok Pellow u were right about the cart", "Pellow"),
    ("ned the printer in 2 is jammed", "ned"),  # a vocative
    ("fridge note: RUFUS'S LUNCH", "RUFUS"),
    ("dr. p said to hold the heparin", "p"),  # a doctor's initial alone
    ("badge reprinted per May in security", "May"),
    ("07:00 Olive -> Brannoch Kellan (circ)", "Olive"),  # beside a removed name
    ("Deputy Pellow at bedside, cuffs off", "Pellow"),  # after a title
    ("Sgt. Pellow waiting outside", "Pellow"),
    ("olive out of surgery at 3, family updated", "olive"),
    ("PT PREFERS OLIVE; BAND SAYS OTHERWISE", "OLIVE"),  # given as a name
    ("yes olive is her middle name", "olive"),
    ("told the family that olive is out of surgery", "olive"),
])
def test_a_word_in_a_persons_slot_goes_to_review(engine: Engine, note: str, left: str) -> None:
    assert _doubted(engine, note) == ("review", [(left, SLOT)])


@pytest.mark.parametrize("note", [
    "will the 2pm start on time?",
    "will stop the drip at noon",
    "may need more saline",
    "hope it goes well",
    "hope is fading for an early start",
    "grace period for badges ends today",
    "chip on the scope lens, sent to biomed",
    "hall lights out near 4",
    "HALL LIGHTS OUT",
    "scope is fogging",
    "chart says NPO since midnight",
    "pathology says margins clear",
    "he says ok",
    "tell them that the room is ready",
    "mark ur specimens please",
    "family wants a chaplain. Chaplain paged at noon",  # a role, then a new sentence
    "prefers Spanish for consent",
    "pt prefers to walk to the OR",
    "family called back at noon",
    "pt speaks Tagalog and English, interpreter not needed",
    "dose per unit policy",
    "recipient will need a second unit",
    "MS flare last year, on steroids",
    "the pump is doing fine now",
    "Dr. K. Vance to see pt",  # an initial before a surname: the name rules' (redacted)
])
def test_the_same_words_in_ordinary_sentences_raise_no_slot_doubt(
        engine: Engine, note: str) -> None:
    verdict, doubts = _doubted(engine, note)
    assert verdict in ("clean", "redacted") and doubts == []


def test_the_approver_reads_the_reason_in_words() -> None:
    assert "first name" in RULE_WORDS[SLOT]
