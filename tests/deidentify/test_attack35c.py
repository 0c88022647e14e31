"""attack35c: study35c's eponym_nouns (a narrowing) and log_names (newer, add only),
b88f53f..aa06fab. eponym_nouns lets a lower-case "to"/"from"/"with" lead a surname written
once before a head noun that is also an everyday word ("monitor", "procedure"), so a
person's surname the base hid now reaches students; and a record number in a ticket's shape
after "Incident". log_names reads a capitalised germ after "for" ("Swab for E. Coli,") and
two capitalised procedure words after "Addendum for" as a patient's name. Names, numbers
and notes invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import shown, strict_xfail, untouched


@pytest.mark.parametrize(("note", "secret"), [
    ("Report given to Okafor monitor alarms reviewed.", "Okafor"),
    ("Consent obtained from Quorvell procedure explained.", "Quorvell"),
    ("Question from Quorvell procedure length answered.", "Quorvell"),
    ("Post-op: Update from Oyelaran procedure explained.", "Oyelaran"),
    ("Tx to Tremblay monitor alarms reviewed.", "Tremblay"),
    ("Lab note. incident RITM0808671: pt record merged.", "RITM0808671"),
    ("Pt's wife, Tremblay drain teaching done.", "Tremblay"),
    ("Update to son, Okafor procedure explained.", "Okafor"),
    ("Bed 12 - Nakashima monitor alarming.", "Nakashima"),
    pytest.param("OR 4 | Tremblay repair | 0730", "Tremblay",
                 marks=strict_xfail("OLDER: a board's cell, surname before 'repair'")),
    pytest.param("Room 3: Haddad tube feeds held.", "Haddad",
                 marks=strict_xfail("OLDER: a room's label, surname before 'tube'")),
    pytest.param("Bay 2, Lindqvist catheter removed.", "Lindqvist",
                 marks=strict_xfail("OLDER: a bay's label, surname before 'catheter'")),
    ("Tx to Okafor ventilator.", "Okafor"),
    ("Incident INC0074419: wrong MRN on label.", "INC0074419"),
])
def test_a_surname_led_by_a_small_word_before_a_head_noun_is_hidden(
        engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret, whole_word=True)


@pytest.mark.parametrize("note", [
    "Swab for E. Coli, MRSA.",
    "Screen for H. Pylori: negative.",
    "Cultures sent for S. Aureus; C. Diff. negative.",
    "Addendum for Hernia Repair surgery: mesh lot recorded.",
    "Addendum for Bowel Resection surgery: mesh lot recorded.",
    "Treated for E. Faecalis: negative.",
    "Tenderness in the neighbourhood of McBurney point.",
    "Adhesions in the neighbourhood of Calot triangle, dissected.",
    "EBL in the neighbourhood of Five hundred mL.",
    "Neighbourhood: Quiet, no stairs at home.",
    pytest.param("Consent in English, Dutch interpreter present.",
                 marks=strict_xfail("OLDER: 'English, Dutch' read as an inverted name")),
    # hard negatives the narrowing was made for; they must stay as typed
    "Spitz nevus excised from arm.",
    "Coder: please clarify laterality.",
    "Frank purulence in RUQ.",
    "Adson with teeth to close.",
    "Cx for E. coli sensitive.",
    "CXR shows NORMAL, STABLE.",
    "HOB going to 45 degrees.",
    "Late entry for Lap Chole procedure: drain placed.",
])
def test_phi_free_or_text_stays_as_typed(engine: Engine, note: str) -> None:
    untouched(engine, note)


@pytest.mark.parametrize(("note", "secret"), [
    ("MRN 0074419263. Mrs Baxter pump teaching done, tolerating diet.", "Baxter"),
    ("MRN 0074419263. pt French consented, French interpreter present.", "French"),
    ("MRN 0074419263. Mr English seen pre-op, consent in English signed.", "English"),
    ("MRN 0074419263. Daughter Frank called. Frank purulence noted.", "Frank"),
    ("MRN 0074419263. Brother Merkel visited. Merkel cell carcinoma excised.", "Merkel"),
    ("MRN 0074419263. Emergency contact Baxter, 555-0142.\nBaxter pump primed.", "Baxter"),
    ("MRN 0074419263. Coder: Gideon Marsh queried laterality.", "Marsh"),
])
def test_a_cued_surname_that_is_an_eponym_stays_hidden(engine: Engine, note: str,
                                                       secret: str) -> None:
    assert not shown(engine, note, secret, whole_word=True)
