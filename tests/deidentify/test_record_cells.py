"""Pipe tables read by their header row, and YAML-like blocks by their person's key: the
cells under "Age", "Town", "Locker", "Pt"... and the name under "patient:". Invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine, record_cells

from .growth import assert_grows_linearly, repeated
from .support import left_uncovered


@pytest.mark.parametrize(("note", "piece", "category"), [
    ("| Pt | DOB | Age |\n|---|---|---|\n| Wendeline Ostrova | 1931-02-11 | 94 |", "94", "AGE"),
    ("| Patient | Age |\n| Corvin Daleshire | ninety-six |", "ninety-six", "AGE"),
    ("| Patient | Band # | Locker |\n| Corvin Daleshire | WB-7720194 | LK-31 |", "LK-31", "ID"),
    ("| Pt | Town of employer |\n| Corvin Daleshire | Quarrington Mills |",
     "Quarrington Mills", "LOCATION"),
    ("| Pt | Permit | State |\n| Odile Varnhagen | P993-1120-447 | Utah |", "Odile Varnhagen",
     "NAME"),
    ("| Pt | Name as typed | Fixed |\n| bay 3 | Brenadette Quoll | Bernadette Quoll |",
     "Brenadette Quoll", "NAME"),
])
def test_cell_under_its_header(engine: Engine, note: str, piece: str, category: str) -> None:
    assert left_uncovered(engine, note, piece) == ""
    found = {note[f.start:f.end]: f.category for f in engine.deidentify(note).findings}
    assert found.get(piece) == category, found


@pytest.mark.parametrize("note", [
    "| Pt | Name as typed |\n| bay 3 | Brenadette Quoll |",  # "bay 3": no name
    "| Pt | Age |\n| bay 7 | 64 |",  # 64: no age to hide
    "| Name | Dose |\n| cefazolin | 2 g |",  # a drug's name
    "| Pt: Ames | DOB 3/4 |\n| Bay 2 | stable |",  # a row of values, no header
    "| Town | Cases |\n| n/a | 4 |",
])
def test_cells_that_are_no_identifier(note: str) -> None:
    spans = record_cells.tables(note, lambda w: w.lower() in {"cefazolin", "stable", "bay",
                                                              "g", "dose"})
    words = {note[s:e] for s, e, *_ in spans}
    assert not words & {"bay 3", "bay 7", "64", "cefazolin", "Bay 2", "stable", "n/a", "4"}


@pytest.mark.parametrize(("note", "piece"), [
    ("patient:\n  name: M4rgu3r1te Z0llner\n  note: typed with digits", "M4rgu3r1te Z0llner"),
    ("patient:\n  name: Ottoline de Vries Hallam\n  ward: 5B", "Ottoline de Vries Hallam"),
    ("next_of_kin:\n  - name: Pim Achterveld  # son\n    phone: n/a", "Pim Achterveld"),
])
def test_yaml_name_under_person(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


def test_yaml_name_outside_person_key_stays() -> None:
    note = "tray:\n  name: Major ortho\nroom:\n  name: OR 4"
    assert record_cells.yaml_names(note) == []


def test_arbitrary_pipes_never_raise() -> None:
    for note in ("|", "||\n||", "| Age |\n|", "| Pt |\n| \\| x |", "|---|\n| Age |\n| 99 |",
                 "patient:\n", "patient:\n  name:", "patient:\n  name: #\n"):
        for s, e, cat, *_ in record_cells.tables(note, str.islower) + \
                record_cells.yaml_names(note):
            assert 0 <= s < e <= len(note) and cat


def test_long_table_grows_linearly(long_engine: Engine) -> None:
    def make(n: int) -> str:
        return "| Pt | Age | Town |\n|---|---|---|\n" + repeated("| Ada Quorn | 97 | Ely |\n", n)

    def one_row(n: int) -> str:
        return "| Pt | Age |\n" + repeated("|-", n)

    assert_grows_linearly(lambda t: record_cells.tables(t, str.islower), make)
    assert_grows_linearly(lambda t: record_cells.tables(t, str.islower), one_row)
    assert_grows_linearly(long_engine.deidentify, make)

    def block(n: int) -> str:
        return "patient:\n" + repeated("  name: Ada Quorn #x:y\n", n)

    assert_grows_linearly(record_cells.yaml_names, block)


def test_number_cell_keeps_its_description() -> None:
    note = "| Pt | Plate | Phone |\n| Isaura Penwick | grey hatchback KRT4471 | 555-0139 (work) |"
    spans = {note[s:e]: cat for s, e, cat, *_ in record_cells.tables(note, str.islower)}
    assert spans.get("KRT4471") == "VEHICLE" and spans.get("555-0139") == "PHONE", spans


def test_name_cell_and_value_without_their_words() -> None:
    note = "| Pt | Relative |\n| Isaura Penwick | niece Dorotea Vance |"
    assert "Dorotea Vance" in {note[s:e] for s, e, *_ in record_cells.tables(note, str.islower)}
    note = "patient:\n  name: \"Vance, Dorotea\"\n  ward: 4"
    assert [note[s:e] for s, e, *_ in record_cells.yaml_names(note)] == ["Vance, Dorotea"]


@pytest.mark.parametrize(("note", "piece", "category"), [
    ('name,dob,age,town\n"Penwick, Isaura",1930-05-06,96,Lower Ashfold', "Penwick, Isaura",
     "NAME"),
    ('name,dob,age,town\n"Penwick, Isaura",1930-05-06,96,Lower Ashfold', "96", "AGE"),
    ('name,dob,age,town\n"Penwick, Isaura",1930-05-06,96,Lower Ashfold', "Lower Ashfold",
     "LOCATION"),
    ("Patient\tAge\tLocker\nOrla Brennock\t91\tLK-204", "LK-204", "ID"),
    ("Pt;Home town\nOrla Brennock;Quarrington Mills", "Quarrington Mills", "LOCATION"),
])
def test_delimited_table_cells(note: str, piece: str, category: str) -> None:
    found = {note[s:e]: cat for s, e, cat, *_ in record_cells.tables(note, str.islower)}
    assert found.get(piece) == category, found


@pytest.mark.parametrize("note", [
    "Pt, wife at bedside\nDr Vell aware, plan CT",  # one column named: prose, no header
    "We saw the pt, age and town noted.\nBob Smith, 94",
    "name,dob\nsee chart,pending",
])
def test_delimited_prose_is_no_table(note: str) -> None:
    assert record_cells.tables(note, lambda w: w.lower() in {"see", "chart"}) == []


@pytest.mark.parametrize("unit", ['","', '"a,', '""x,', '"",', 'a\t"', '";"'])
def test_long_delimited_row_grows_linearly(unit: str) -> None:
    def make(n: int) -> str:
        return "name,age\n" + repeated(unit, n) + "\nname;age\tdob\n" + repeated(unit, n)

    assert_grows_linearly(lambda t: record_cells.tables(t, str.islower), make)


def test_delimited_table_through_the_engine(engine: Engine) -> None:
    note = 'name,age,home town\n"Brennock, Orla",95,Quarrington Mills'
    for piece in ("Brennock, Orla", "95", "Quarrington Mills"):
        assert left_uncovered(engine, note, piece) == "", piece


def test_blank_line_ends_a_table() -> None:
    note = "| Pt | Age |\n| Orla Brennock | 95 |\n\n| Tray | Count |\n| Major set | 97 |"
    found = {note[s:e] for s, e, *_ in record_cells.tables(note, str.islower)}
    assert found == {"Orla Brennock", "95"}, found


# fix28a: a "Name" column's cells are names whatever their words (attack28a)
@pytest.mark.parametrize(("note", "piece"), [
    ("Name;Age\nMeadow Briar;93\n", "Meadow Briar"),
    ("| NAME | AGE |\n| ASH HOLLOW | 93 |\n", "ASH HOLLOW"),
    ('Surname,Age\n"Meadow, Briar",93\n', "Meadow, Briar"),
])
def test_name_column_of_dictionary_words(note: str, piece: str) -> None:
    spans = record_cells.tables(note, lambda w: True)  # every word a dictionary word
    assert (note.index(piece), note.index(piece) + len(piece)) in {(s, e) for s, e, *_ in spans}


@pytest.mark.parametrize("note", [
    "Name,Age\nbay 5,93\n", "Name,Age\nn/a,93\n", "Name,Age\nunknown,93\n",
    "| Name | Dose |\n| cefazolin | 2 g |",
])
def test_name_column_placeholders_stay(note: str) -> None:
    assert [sp for sp in record_cells.tables(note, lambda w: True) if sp[2] == "NAME"] == []


def test_unquoted_last_comma_first_row() -> None:
    note = "Name,Age,Town\nMeadow, Briar,93,Castlebrack\n"
    got = {note[s:e]: cat for s, e, cat, *_ in record_cells.tables(note, lambda w: False)}
    assert got == {"Meadow, Briar": "NAME", "93": "AGE", "Castlebrack": "LOCATION"}


def test_yaml_name_parts_under_a_name_key() -> None:
    note = ("guardian:\n  name:\n    given: Briar\n    family: Meadow\n    use: official\n"
            "  phone: n/a\nroom:\n  name:\n    given: theatre\n")
    got = [note[s:e] for s, e, *_ in record_cells.yaml_names(note)]
    assert got == ["Briar", "Meadow"]
