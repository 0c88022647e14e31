"""attack19's hits, kept as regression tests: the set and substring tests that gate
job_places and read_out (90721db) skipped notes whose job or spelled code the rule's own
regex would find, read_out matched only the typed characters, its run pattern backtracked
catastrophically on long blanks between too few pieces, and a spaced-letter run began at
the s of a registered name's "'s".

All names, places and codes here are invented for these tests."""

from __future__ import annotations

import time

import pytest

from services.common.deid import CaseIdentifiers, Engine

from .support import left_uncovered


@pytest.mark.parametrize(
    ("note", "piece"),
    [
        (
            "Pt, band teacher at\nBrackenmoor Middle School",
            "band teacher at\nBrackenmoor Middle School",
        ),
        ("pt's parents are the owners at\nFennick Bistro", "the owners at\nFennick Bistro"),
        ("Pt, 3rd grade teacher\tat Brackenmoor Elementary", "3rd grade teacher\tat Brackenmoor"),
    ],
)
def test_a_job_at_a_place_across_a_line_break_goes(engine: Engine, note: str, piece: str) -> None:
    spaced = note.replace("\n", " ").replace("\t", " ")
    assert engine.deidentify(spaced).findings  # found when the blanks are spaces
    assert left_uncovered(engine, note, piece) == ""


def test_letters_spelled_as_in_title_case_go_with_their_code(engine: Engine) -> None:
    note = "policy: b As In boy, d As In dog, 4 4 7 1 9"
    assert left_uncovered(engine, note, "b As In boy, d As In dog") == ""


def test_a_short_note_with_long_blanks_between_capitals_is_quick(engine: Engine) -> None:
    gap = " " * 24
    note = "pt note A" + gap + "B" + gap + "1" + gap + "2" + gap + "C x"  # 120 characters
    assert len(note) <= 280  # a milestone note (schemas/api/milestone-submit.json)
    started = time.perf_counter()
    engine.deidentify(note)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize(
    "note",
    ["Smith's a c-section today, going well", "Update: Quincy's a b neg, blood ready"],
)
def test_a_registered_name_before_lone_letters_never_goes_through(
    engine: Engine, case: CaseIdentifiers, note: str
) -> None:
    result = engine.deidentify(note, case)
    assert "Smith" not in result.text and "Quincy" not in result.text, result.text


@pytest.mark.parametrize(
    ("note", "piece"),
    [
        ("tag is five X ray Tan\u00adgo two eight one", "five X ray Tan\u00adgo two eight one"),
        ("tag is five X ray T\u0430ngo two eight one", "five X ray T\u0430ngo two eight one"),
        (
            "ins member number R as\u00a0in robert five five two zero nine one",
            "R as\u00a0in robert",
        ),
    ],
)
def test_a_spelled_code_with_an_invisible_or_look_alike_goes(
    engine: Engine, note: str, piece: str
) -> None:
    plain = note.replace("\u00ad", "").replace("\u0430", "a").replace("\u00a0", " ")
    assert (
        left_uncovered(
            engine, plain, piece.replace("\u00ad", "").replace("\u0430", "a").replace("\u00a0", " ")
        )
        == ""
    )  # the plain spelling is found
    assert left_uncovered(engine, note, piece) == ""


def test_a_spaced_name_after_a_one_letter_prefix_still_joins() -> None:
    # the apostrophe rule above spares the "O'" of an Irish name: "O'B r i e n" reads O'Brien
    from services.common.deid import normalise

    seen = normalise.view("seen by O'B r e n n a n today")
    assert seen is not None and "O'Brennan" in seen.text


@pytest.mark.parametrize(
    ("note", "piece"),
    [
        ("tag is five &#88; ray Tango two eight one", "five &#88; ray Tango two eight one"),
        ("tag is five \uff38 ray Tango two eight one end", "five \uff38 ray Tango two eight one"),
    ],
)
def test_a_spelled_code_with_an_entity_or_a_full_width_letter_goes(
    engine: Engine, note: str, piece: str
) -> None:
    # read_out reads the note's characters (normalise.letters) and redacts the typed offsets
    result = engine.deidentify(note)
    assert left_uncovered(engine, note, piece) == ""
    assert all(0 <= f.start < f.end <= len(note) for f in result.findings)
