"""attack27c: what main (2b70941) does worse than its base (5a1ecfb) on invented notes.

NEW (base hid the identifier, main shows it):
- board_names: a field whose name ends like a procedure ("-desis", "-pexy") is skipped on
  the base pattern too ("Theodesis / lap chole"), not only on the new separators (43a0cfe);
- facility_tails: the residence stop list now gates every "lives/living/staying in" town, so a
  town opening with "Local" or "Other" is read as no town (2b70941);
- employers: base's own cue "from work at" joined the new job cues, so _not_a_job drops a
  one-word employer, a device maker or a name opening with a service word (2b70941);
- facility_tails._SPOKEN: the unit look-ahead reads "Days Inn" or "mi" as a unit after a
  route number base hid (2b70941).
- hold lost: an older rule (not in NEWER_RULES) now hides what base left unread and doubted,
  a JSON zip field ('"zip": "02139"', digits._ZIP_BEFORE), an OCR'd IP (phone_ends), a JSON
  age field or a second device serial in a found one's shape (id_edges), so
  the review that held the rest of the note goes and an identifier neither engine reads is
  published (review -> redacted; fe01a7c, db9d033..., attack27a's 'zip is' cause in other shapes).
A false alarm main adds: phone_ends' short look-alike reads a plain-digit span of hours after
"texted" as a phone whenever the note holds a look-alike digit elsewhere (fe01a7c), though
local_phones' fix (_round_hours) keeps the same span; and a brand before "3M" opens the
board gate (_AGE_SEX) and is read as a board name ("Coban 3M wrap", 2b70941).
OLDER: holes base has too, some left open by this session's fixes themselves.
Each failed on 2b70941 (strict xfails); the NEW ones pass since the fixes after this
attack (the session's additions to older rules run as newer rules)."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

NEW = "NEW vs base 5a1ecfb (attack27c)"
OLDER = "OLDER: base shows it too (attack27c)"
FA = "NEW false alarm vs base 5a1ecfb (attack27c)"


def _xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, raises=AssertionError, reason=reason)


SHOWN = [
    # board_names: PROCEDURE_ENDINGS applied to base's _FIELD
    ("Theodesis / lap chole", "Theodesis"),
    ("OR 4: Kalodesis / TKA", "Kalodesis"),
    ("B. Karadesis / ex-lap", "Karadesis"),
    ("Pappadesis → PACU", "Pappadesis"),
    # facility_tails: _NOT_RESIDENCE on every _HOME_IN cue
    ("lives in Local Harbor with wife", "Local Harbor"),
    ("staying in Other Harbor with friend", "Other Harbor"),
    # employers: "from work at" under _not_a_job
    ("came straight from work at Target, fell", "Target"),
    ("came from work at Medicare Cab Co", "Cab Co"),
    ("came in from work at Transport Quorlander", "Quorlander"),
    ("came from work at Medtronic", "Medtronic"),
    ("came from work at Medtronic Federal Credit Union", "Credit Union"),
    # facility_tails._SPOKEN: a unit word after a route number
    ("staying at the Route Nine Days Inn", "Nine"),
    ("lives off Rte Nine mi from town", "Nine"),
    # OLDER holes (base shows them too); several are what a fix's look-ahead gave up
    pytest.param("DOB 21.07 Day 2 post-op", "21.07", marks=_xfail(OLDER)),
    pytest.param("DOB 11 4 31 wks", "11 4 31", marks=_xfail(OLDER)),
    pytest.param("dob 4 22 31 yrs", "4 22 31", marks=_xfail(OLDER)),
    pytest.param("called 745-1500 and left msg", "745-1500", marks=_xfail(OLDER)),
    pytest.param("Pain score 3, admitted O3/1O", "O3/1O", marks=_xfail(OLDER)),
    pytest.param("FROM MERCY HOSPITAL IN ORANGE WITH SEPSIS", "ORANGE", marks=_xfail(OLDER)),
    pytest.param("lives in Glen&#x2D;harrow with", "harrow", marks=_xfail(OLDER)),
    pytest.param("J*n McD*n*ld at bedside", "McD*n*ld", marks=_xfail(OLDER)),
]


@pytest.mark.parametrize(("note", "secret"), SHOWN)
def test_identifier_hidden(engine: Engine, note: str, secret: str) -> None:
    r = engine.deidentify(note)
    assert secret not in r.text


AUTO = ("clean", "redacted")
HOLD_LOST = [  # NEW: base review, main redacted with the other identifier shown
    ('{"zip": "02139", "note": "DOB 11 4 31 wks"}', "11 4 31"),
    ('{"dest_zip": "02139", "hx": "called 745-1500 and left msg"}', "745-1500"),
    ('{"pt_zip": "02139", "note": "J*n McD*n*ld at bedside"}', "McD*n*ld"),
    ('{"zip": "02139", "note": "lives in Glen&#x2D;harrow with son"}', "harrow"),
    ("IP 2O3.O.ll3.7l. DOB 11 4 31 wks", "11 4 31"),
    ('{"ip": "2O3.O.ll3.7l"} J*n McD*n*ld at bedside', "McD*n*ld"),
    # a JSON age field (age_unit) and a second serial in a found one's shape (db9d033)
    ('{"pt": "K. Vellanova", "age": "93", "note": "pacu overnight"}', "Vellanova"),
    ('{"age": "94"} J*n McD*n*ld at bedside', "McD*n*ld"),
    ("pacer card lists lead serials QXR 551204 V and QXR 551890 V. DOB 11 4 31 wks",
     "11 4 31"),
]


@pytest.mark.parametrize(("note", "secret"), HOLD_LOST)
def test_note_with_other_identifier_still_held(engine: Engine, note: str,
                                               secret: str) -> None:
    r = engine.deidentify(note)
    assert not (r.verdict in AUTO and secret in r.text)


KEPT = [  # PHI-free: a span of hours after "texted" in a note with an OCR'd digit elsewhere
    ("Wt 150lbs. texted 800-1200 block"),
    ("pt 2O kg. texted 930-1145 about"),
    # board_names: "3M" (the maker) after a brand reads as an age and sex, opens the gate
    # (2b70941's _AGE_SEX) and the brand at the line's start becomes a board name
    ("Coban 3M wrap to forearm"),
    ("Cavilon 3M barrier film to peri-wound"),
    ("Littmann 3M stethoscope left in room"),
]


@pytest.mark.parametrize("note", KEPT)
def test_phi_free_unchanged(engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert r.text == note
