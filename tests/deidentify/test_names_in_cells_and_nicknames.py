"""Names told by where they stand: a board cell shaped like a name, the words right
before an MRN or DOB label, a quoted nickname between two parts of a name, a surname's
initial ending a field (name_cells.py, name_edges.py, name_tails.py). Invented notes."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "name"), [
    ("OR 5 | lap appy | T. Okoronkwo | DOB 01/02/1990 | NPO", "T. Okoronkwo"),
    ("rm 9 | FERNSWORTH J | MRN 4410023 | lap chole", "FERNSWORTH J"),
    ("band read QUILLAN, MARGO MRN 55120931 so we stopped", "QUILLAN, MARGO"),
    ("PACU 2 | Yetunde A. | drowsy | family called", "Yetunde A."),
    ("pt Odalys V. | consent signed", "Odalys V."),
    ('pt Harold "Skip" Whitcombe to OR 3 for hernia', 'Harold "Skip" Whitcombe'),
    ('PT MAVIS "MOE" GUNDERSEN TO PACU.', 'MAVIS "MOE" GUNDERSEN'),
])
def test_the_name_is_redacted(engine: Engine, note: str, name: str) -> None:
    text = engine.deidentify(note).text
    assert name not in text and "[NAME]" in text, text
    assert not any(w in text for w in name.replace('"', " ").replace(",", " ").split()
                   if len(w) > 2), text


@pytest.mark.parametrize("note", [
    "OR 4 | 0800 | CEA R | shunt | neuro checks",
    "OR 8 | 0845 | PCNL L | prone | nephrostomy",
    "culture | E. coli | sensitive to cipro",
    "Verified MRN and DOB at time out",
    "armband checked, MRN matches",
    "OR 3 | Hip R | spinal | 0930",
])
def test_an_ordinary_cell_is_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
