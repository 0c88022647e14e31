"""attack31b, new false alarms of other_kinds' rules on ordinary clinical text (base
93939a8 left each note whole; head a301418 hides part of it, and eats the guard):

- vehicle_marks: an orthopaedic "plate", "CAR-T" and a "parked" wheelchair cue a
  plate, so a bone plate's or a bed's code is hidden; "mg" and "range" are car makes,
  so a dose's frequency ("200 mg TDS 3 M") or a lab value after "normal range," ("ALT
  45 U") is a plate with its make, and the unit or the word "range" goes with it;
- age_answers: "I'm 99.5 kg" hides "99" as an age and shows ".5 kg" (the lookahead
  takes the decimal point for a full stop);
- day_dates: "sat" the verb before an ordinal ("Pt sat 1st, then stood") and a
  weekday before "2nd-line" (a hyphen counts as the note's punctuation) are days;
  a GCS's or a pain score's change "from 09/15-12/15" is a stay.

Fixed on branch fix31b by narrowing those rules; plain tests now.

Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FALSE_ALARMS = [
    ("Ferrous sulfate 200 mg TDS 3 M", "200 mg TDS 3 M"),
    ("Cyanocobalamin 1 mg IMI 3 M review", "1 mg IMI 3 M"),
    ("LFTs in normal range, ALT 45 U/L.", "normal range, ALT 45 U/L"),
    # a bone plate's code, a CAR-T bag's code, a bed's code after a cue word
    ("Plate removed (LCP 12 H).", "LCP 12 H"),
    ("Distal radius plate, DVR 3 A, fixed.", "DVR 3 A"),
    ("CAR-T infusion: cells from bag CAR 19 A given.", "CAR 19 A"),
    ("parked wheelchair by bed B12 ICU", "B12 ICU"),
    ("Wt: I'm 99.5 kg, pt says.", "99.5 kg"),
    ("I'm 98.6 now, feeling better.", "98.6"),
    ("Pt sat 1st, then stood with frame.", "sat 1st"),
    ("Started Fri 2nd-line chemo.", "2nd-line"),
    ("GCS improved from 09/15-12/15 overnight", "09/15-12/15"),
    ("Pain score from 08/10-02/10 with PCA.", "08/10-02/10"),
]


@pytest.mark.parametrize(("note", "guard"), FALSE_ALARMS)
def test_ordinary_text_stays_whole(engine: Engine, note: str, guard: str) -> None:
    out = engine.deidentify(note)
    assert guard in out.text, (out.verdict, out.text)
