"""attack23b: fix23 kept a surname typed in lower case after "pt" only when the next word
is in `_SUBJECT_NEXT` or PT_VERBS or ends in "-ing" (names._plain_lower). Every other
thing a subject does lets it through: a past tense ("ambulated", "vomited"), a present
"-s" ("complains", "requires"), an adverb ("currently", "also"), "w/", a preposition
("in pain", "to OR 4"), an adjective ("comfortable"). main (5389418) redacted all of these
(regressions). "c/o" is in the list, but the note's tokens split it ("c", "/", "o"), so
"pt marsh c/o nausea" passes on main too (older hole). Invented surnames."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered

REASON = "attack23b: a lower-case surname after 'pt' before a word fix23's lists lack"


def _assert_gone(engine: Engine, note: str, name: str) -> None:
    left = left_uncovered(engine, note, name)
    assert not any(c.isalpha() for c in left), (left, engine.deidentify(note).text)


@pytest.mark.parametrize("note", [
    "Post-op check. Pt marsh ambulated to bathroom, family updated.",
    "Post-op check. Pt marsh vomited once, family updated.",
    "Post-op check. Pt marsh denied pain, family updated.",
    "Post-op check. Pt marsh complains of nausea, family updated.",
    "Post-op check. Pt marsh requires assist, family updated.",
    "Post-op check. Pt marsh currently resting, family updated.",
    "Post-op check. Pt marsh also nauseated, family updated.",
    "Post-op check. Pt marsh w/ nausea, family updated.",
    "Post-op check. Pt marsh in pain, family updated.",
    "Post-op check. Pt marsh to OR 4, family updated.",
    "Post-op check. Pt marsh comfortable, family updated.",
    "Post-op check. Patient marsh ambulated to bathroom, family updated.",
    "Post-op check. Pt crane ambulated to bathroom, family updated.",
    "Post-op check. Pt chambers ambulated to bathroom, family updated.",
    "Post-op check. Pt frost ambulated to bathroom, family updated.",
    # the cue typed "pt", "PT" or "Pt:" in the same mixed-case note
    "Post-op check. pt marsh ambulated, family updated.",
    "Post-op check. PT marsh ambulated, family updated.",
    "Post-op check. Pt: marsh ambulated, family updated.",
])
def test_a_lower_case_surname_before_a_subjects_word_goes(engine: Engine, note: str) -> None:
    _assert_gone(engine, note, note.split()[3].strip(":"))


@pytest.mark.xfail(strict=True, raises=AssertionError, reason=REASON + " (older hole)")
def test_a_lower_case_surname_before_c_o_goes(engine: Engine) -> None:
    _assert_gone(engine, "Post-op check. Pt marsh c/o nausea, family updated.", "marsh")


@pytest.mark.parametrize("note", ["Post-op check. Pt marsh tolerated clears, family updated.",
                                  "Post-op check. Pt marsh ambulating, family updated.",
                                  "Post-op check. Pt marsh and wife updated."])
def test_the_listed_next_words_held(engine: Engine, note: str) -> None:
    _assert_gone(engine, note, "marsh")
