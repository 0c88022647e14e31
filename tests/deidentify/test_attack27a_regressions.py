"""attack27a: what main (dd4c594) does worse than its base (5a1ecfb) on invented notes.

- A zip after "is"/"was" that base left unread held the whole note for review; main
  redacts the zip, the hold goes, and an older hole elsewhere in the note now reaches
  students (review -> redacted).
- Notes in capitals now read in Title Case: ordinary words after "IN" become a town
  ("PT AT HOME IN [NO] DISTRESS"), and a town after a facility runs on over clinical words.
- The new job cues ("drives for", "job at") take a service or a place as the employer.
Each failed on dd4c594 (strict xfails) and passes since the fixes after the attack."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

AUTO = ("clean", "redacted")


HOLD_LOST = [  # NEW: base review, main redacted with the identifier shown
    ("Zip is 02139. Pt J W*lk*r to OR 3.", "W*lk*r"),
    ("zip is 02139. Admitted 4 slash 2 slash 24.", "4 slash 2 slash 24"),
    ("zip was 02139\n4401 pt.", "4401"),
    ("Postal code is 02139. DOS 8 slash 3 slash 2024.", "3 slash 2024"),
]


@pytest.mark.parametrize(("note", "secret"), HOLD_LOST)
def test_note_with_other_identifier_still_held(engine: Engine, note: str,
                                               secret: str) -> None:
    r = engine.deidentify(note)
    assert not (r.verdict in AUTO and secret in r.text)


CAPS_KEPT = [  # NEW: base clean, main redacts an ordinary word as a town
    "PT AT HOME IN NO DISTRESS.",
    "PT LIVES IN SHELTER NOW.",
    "PT LIVES IN CAR SINCE MAY.",
    "PT LIVES IN NURSING HOME WITH DAUGHTER.",
    "PT LIVES IN GROUP HOME WITH SISTER.",
    "PATIENT IS AT HOME IN BED REST.",
    "PT LIVES IN SECTION 8 HOUSING.",
    "PT LIVES IN BARRACKS.",
]


@pytest.mark.parametrize("note", CAPS_KEPT)
def test_capitals_note_unchanged(engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert (r.text, r.verdict) == (note, "clean")


CLINICAL_AFTER_TOWN = [  # NEW: base kept the clinical words, main takes them into the town
    # (strict xfail again: the clinical words that made it pass let a surname so spelled
    # through, attack27d; safety first)
    pytest.param("TRANSFERRED FROM BRACKWELL HOSPITAL IN ATRIAL FIBRILLATION.",
                 "ATRIAL FIBRILLATION", marks=pytest.mark.xfail(
                     strict=True, raises=AssertionError,
                     reason="a false alarm: 'atrial fibrillation' is on no word list")),
    ("TRANSFERRED FROM BRACKWELL HOSPITAL IN SINUS RHYTHM.", "SINUS RHYTHM"),
    ("PT FROM MERCY CLINIC IN NO DISTRESS.", "NO DISTRESS"),
]


@pytest.mark.parametrize(("note", "kept"), CLINICAL_AFTER_TOWN)
def test_clinical_words_after_facility_kept(engine: Engine, note: str, kept: str) -> None:
    assert kept in engine.deidentify(note).text


EMPLOYER_KEPT = [  # NEW: base clean, main redacts a service or a place as an employer
    "Pt drives for Medicaid transport.",
    "Pt drives for Dialysis.",
    "Pt drives for Hospice.",
    "Pt job at Home, retired.",
]


@pytest.mark.parametrize("note", EMPLOYER_KEPT)
def test_job_cue_note_unchanged(engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert (r.text, r.verdict) == (note, "clean")


BIRTH_NUMBERS_KEPT = [  # NEW: date_spoken's "born 9920" reads a birth weight in grams;
    # dob_values reads "Birthday 2-3 days ago" as a date
    "Baby girl born 3400 g, cried at delivery.",
    "Twin A born 2980 g at 0912.",
    "BABY BORN 3120 G, APGARS 8 AND 9.",
    "Baby born: 2650 g.",
    "Birthday 2-3 days ago, fell.",
]


@pytest.mark.parametrize("note", BIRTH_NUMBERS_KEPT)
def test_birth_weight_unchanged(engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert (r.text, r.verdict) == (note, "clean")


BRAND_EMPLOYER_KEPT = [  # NEW: a device maker's rep in the room is not the patient's employer
    "Employee of Stryker is in room.",
    "Rep trabaja para Medtronic.",
    "Pt is employee of Month.",
]


@pytest.mark.parametrize("note", BRAND_EMPLOYER_KEPT)
def test_brand_after_job_cue_unchanged(engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert (r.text, r.verdict) == (note, "clean")


NBSP_KEPT = [  # NEW: name_edges grows a LOCATION over "&nbsp;", a space the view shows
    ("Pt lives in Boston&nbsp;with wife.", "with wife"),
    ("Pt lives in Glenharrow&nbsp;and works nights.", "and works nights"),
    ("Pt lives in Boston&#46;Toradol given.", "Toradol given"),  # a full stop
    ("Pt lives in Boston&#32;with wife.", "with wife"),  # a plain space
    ("Pt lives in Boston&comma;stable.", "stable"),
]


@pytest.mark.parametrize(("note", "kept"), NBSP_KEPT)
def test_word_after_nbsp_kept(engine: Engine, note: str, kept: str) -> None:
    assert kept in engine.deidentify(note).text


STAR_JOINED_KEPT = [  # NEW: masks now read capitals after the star, so two star-joined
    # abbreviations, drug brands or a lettered plan item read as a masked name
    "Labs: CBC*BMP PT*INR pending.",
    "Rx: Ancef*Flagyl Tylenol*Toradol given.",
    "Note: A. FIB*FLUTTER on monitor.",
    "A. LINE*PLACED and confirmed.",
    "ABG*VBG ION*CA drawn.",
]


@pytest.mark.parametrize("note", STAR_JOINED_KEPT)
def test_star_joined_terms_unchanged(engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert (r.text, r.verdict) == (note, "clean")


HOMETOWN_KEPT = [  # NEW: the "hometown" cue takes any capitalised word after it
    "Hometown: Same as above.",
    "Hometown - Rural, farming community.",
    "HOMETOWN: RURAL.",
]


@pytest.mark.parametrize("note", HOMETOWN_KEPT)
def test_hometown_ordinary_word_unchanged(engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert (r.text, r.verdict) == (note, "clean")


TIME_RANGE_KEPT = [  # NEW: a call word straight before a time range ("800-1200") now reads
    # it as a local number
    "Charge RN texted 800-1200 block.",
    "Anesthesia called 730-0800 for delay.",
    "Surgeon called 945 1015 to reschedule.",
    "Llam\u00f3 830-1230 la familia.",
]


@pytest.mark.parametrize("note", TIME_RANGE_KEPT)
def test_time_range_after_call_word_unchanged(engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert (r.text, r.verdict) == (note, "clean")


BOARD_BRANDS_KEPT = [  # NEW: a drug or device brand between the new dash/"OR n:" separators
    # reads as a board's surname
    "Mesh - Phasix - Strattice - placed",
    "Stapler - Tristapler - Signia - fired",
    "OR 2: Xarelto - held",
    "OR 1: Kcentra - given",
    "OR 2: NIMBEX - 10 MG",
    "Closure - Zipline - Prineo",
]


@pytest.mark.parametrize("note", BOARD_BRANDS_KEPT)
def test_brand_between_separators_unchanged(engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert (r.text, r.verdict) == (note, "clean")


ROUTE_IS_KEPT = [  # NEW: "Route/Highway/Zip is|was" + a number word now reads as a road
    # number or a spoken zip, even before a dose, a count or a unit
    "Tylenol. Route is one tab PO.",
    "TYLENOL ROUTE IS TWO TABS PO.",
    "Route is five mg IV push.",
    "Route was four times daily.",
    "Highway was two lanes, MVC rollover.",
    "Zip is ten minutes away.",
]


@pytest.mark.parametrize("note", ROUTE_IS_KEPT)
def test_route_is_number_word_unchanged(engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert (r.text, r.verdict) == (note, "clean")


OCR_SCORE_KEPT = [  # NEW: ocr_dates reads an OCR'd pain score ("4/1O") as a day and month
    "Pain 1O/1O preop, now 4/1O.",
]


@pytest.mark.parametrize("note", OCR_SCORE_KEPT)
def test_ocr_score_unchanged(engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert (r.text, r.verdict) == (note, "clean")


def test_a_state_in_capitals_is_no_town(engine: Engine) -> None:
    """Found on the studied corpora after the fixes: the capitals' flags kept a state."""
    note = "PATIENT FROM MEXICO, LIVES IN CALIFORNIA NOW. LICHTENSTEIN, MESH 6X11."
    assert engine.deidentify(note).text == note
