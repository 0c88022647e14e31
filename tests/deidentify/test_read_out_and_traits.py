"""Numbers read out in words whose kind was named earlier in the clause, ages with a
capital Y, tables written with "|", public roles with their article, and traits nobody
else has (digit_groups._read_out, digits, normalise, roles, traits)."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

READ_OUT = [
    ("the social on the form is four one two, seven seven, oh three nine one", "SSN"),
    ("please ring the son back on his UK mobile, four four, seven seven zero zero, "
     "nine zero zero one eight seven tonight", "PHONE"),
    ("fax the consent over to three one two, four four, five five five nine eight two one "
     "before noon", "FAX"),
]


@pytest.mark.parametrize(("note", "category"), READ_OUT)
def test_number_read_out_takes_its_kind_from_the_clause(engine: Engine, note: str,
                                                        category: str) -> None:
    result = engine.deidentify(note)
    assert any(f.category == category for f in result.findings), result
    for word in ("seven", "eight", "nine"):
        assert f"{word}," not in result.text and f" {word} " not in result.text[-30:], result


READ_OUT_KEPT = [
    "counts ten, ten, ten correct; BP one twenty, eighty; the phone list: cases at 1400, "
    "1500, 1600",
    "number of sponges 10, 12, 14 and needles 4, 4",
]


@pytest.mark.parametrize("note", READ_OUT_KEPT)
def test_counts_and_clock_times_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


@pytest.mark.parametrize("note", ["GRANDPA OTTO (97Y) WAVED AT THE CAMERA",
                                  "pt 102Y, frail"])
def test_age_with_capital_y(engine: Engine, note: str) -> None:
    result = engine.deidentify(note)
    assert any(f.category == "AGE" for f in result.findings), result


def test_pipe_table_cells_are_not_leetspeak(engine: Engine) -> None:
    # "Age|ninety-three" once read as "Agelninety-three": the age went unseen
    note = "|Field|Value|\n|Age|ninety-three yo|\n|Ward|4B|"
    result = engine.deidentify(note)
    assert "ninety" not in result.text, result


@pytest.mark.parametrize(("note", "role"), [
    ("pt is the harbormaster's friend, the Nantucket fire chief, keep off camera",
     "the Nantucket fire chief"),
    ("FYI: the imam of Lewiston is in pre-op 3", "the imam of Lewiston"),
])
def test_public_role_with_its_article(engine: Engine, note: str, role: str) -> None:
    result = engine.deidentify(note)
    start = note.index(role)
    assert any(f.start <= start and start + len(role) <= f.end for f in result.findings), \
        result


def test_unique_trait_goes_to_review(engine: Engine) -> None:
    note = ("Lap chole in OR 5 running long, EBL minimal, closing with 4-0 Monocryl. The pt in "
            "bay 2 is the only patient with a gold-capped incisor and a peg leg, be kind.")
    result = engine.deidentify(note)
    assert "peg leg" not in result.text and "incisor" not in result.text, result
    assert result.verdict == "review", result


@pytest.mark.parametrize("note", ["chief of surgery signed the consent at 0730",
                                  "only one suction canister left in room 6"])
def test_office_and_only_without_a_person_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


def test_scar_on_the_face_goes_to_review(engine: Engine) -> None:
    note = ("Lap appy in OR 3 went well, EBL 10 mL. Pt has a thin white scar across his right "
            "cheek, wife confirmed identity at the desk.")
    result = engine.deidentify(note)
    assert "cheek" not in result.text, result
    assert result.verdict == "review", result


@pytest.mark.parametrize("note", [
    "Incision through the old Pfannenstiel scar, adhesiolysis took 20 min.",
    "Port-site scar from the prior lap noted; scar tissue dense around the sac.",
    "Hand surgery: release of the palmar scar contracture, 4-0 nylon.",
])
def test_surgical_scars_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


def test_tattoo_at_a_visible_place_goes(engine: Engine) -> None:
    note = ("Positioning done, pads placed, arms tucked. Small tattoo on his left hand noted "
            "by the circulator for the property list.")
    result = engine.deidentify(note)
    assert "tattoo on his left hand" not in result.text, result


@pytest.mark.parametrize(("note", "gone"), [
    ("pt is 96 years of age and lives alone", "of age"),
    ("93 y.o. female for hip pinning", "y.o."),
    ("she is in her late nineties, still drives", "late"),
])
def test_age_takes_its_unit_and_decade_part(engine: Engine, note: str, gone: str) -> None:
    result = engine.deidentify(note)
    assert gone not in result.text, result
