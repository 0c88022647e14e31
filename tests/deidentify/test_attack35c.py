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
    pytest.param("Report given to Okafor monitor alarms reviewed.", "Okafor",
                 marks=strict_xfail("NEW: 'to' leads a surname before 'monitor'")),
    pytest.param("Consent obtained from Quorvell procedure explained.", "Quorvell",
                 marks=strict_xfail("NEW: 'from' leads a surname before 'procedure'")),
    pytest.param("Question from Quorvell procedure length answered.", "Quorvell",
                 marks=strict_xfail("NEW: 'from' leads a surname before 'procedure'")),
    pytest.param("Post-op: Update from Oyelaran procedure explained.", "Oyelaran",
                 marks=strict_xfail("NEW: 'from' leads a surname before 'procedure'")),
    pytest.param("Tx to Tremblay monitor alarms reviewed.", "Tremblay",
                 marks=strict_xfail("NEW: 'to' leads a surname before 'monitor'")),
    pytest.param("Lab note. incident RITM0808671: pt record merged.", "RITM0808671",
                 marks=strict_xfail("NEW: a record number in a ticket's shape after "
                                    "'incident'")),
    pytest.param("Pt's wife, Tremblay drain teaching done.", "Tremblay",
                 marks=strict_xfail("NEW: a kin cue then a comma is no person cue to the "
                                    "narrowing")),
    pytest.param("Update to son, Okafor procedure explained.", "Okafor",
                 marks=strict_xfail("NEW: a kin cue then a comma is no person cue to the "
                                    "narrowing")),
    pytest.param("Bed 12 - Nakashima monitor alarming.", "Nakashima",
                 marks=strict_xfail("NEW: a bed's number then ' - ' leads a surname")),
    pytest.param("OR 4 | Tremblay repair | 0730", "Tremblay",
                 marks=strict_xfail("OLDER: a board's cell, surname before 'repair'")),
    pytest.param("Room 3: Haddad tube feeds held.", "Haddad",
                 marks=strict_xfail("OLDER: a room's label, surname before 'tube'")),
    pytest.param("Bay 2, Lindqvist catheter removed.", "Lindqvist",
                 marks=strict_xfail("OLDER: a bay's label, surname before 'catheter'")),
    pytest.param("Tx to Okafor ventilator.", "Okafor",
                 marks=strict_xfail("NEW: 'to' leads a surname before 'ventilator'")),
    pytest.param("Incident INC0074419: wrong MRN on label.", "INC0074419",
                 marks=strict_xfail("NEW: a record number in a ticket's shape after "
                                    "'Incident'")),
])
def test_a_surname_led_by_a_small_word_before_a_head_noun_is_hidden(
        engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret, whole_word=True)


@pytest.mark.parametrize("note", [
    pytest.param("Swab for E. Coli, MRSA.",
                 marks=strict_xfail("NEW: log_names reads 'for E. Coli,' as a name")),
    pytest.param("Screen for H. Pylori: negative.",
                 marks=strict_xfail("NEW: log_names reads 'for H. Pylori:' as a name")),
    pytest.param("Cultures sent for S. Aureus; C. Diff. negative.",
                 marks=strict_xfail("NEW: log_names reads 'for S. Aureus;' as a name")),
    pytest.param("Addendum for Hernia Repair surgery: mesh lot recorded.",
                 marks=strict_xfail("NEW: log_names reads 'Addendum for Hernia Repair "
                                    "surgery' as a name")),
    pytest.param("Addendum for Bowel Resection surgery: mesh lot recorded.",
                 marks=strict_xfail("NEW: log_names reads 'Addendum for Bowel Resection "
                                    "surgery' as a name")),
    pytest.param("Treated for E. Faecalis: negative.",
                 marks=strict_xfail("NEW: log_names reads 'for E. Faecalis:' as a name")),
    pytest.param("Tenderness in the neighbourhood of McBurney point.",
                 marks=strict_xfail("NEW: home_sites reads 'neighbourhood of Mc' as a place "
                                    "(and cuts 'McBurney' inside the word)")),
    pytest.param("Adhesions in the neighbourhood of Calot triangle, dissected.",
                 marks=strict_xfail("NEW: home_sites reads an eponym after 'neighbourhood "
                                    "of' as a place")),
    pytest.param("EBL in the neighbourhood of Five hundred mL.",
                 marks=strict_xfail("NEW: home_sites reads a number word after "
                                    "'neighbourhood of' as a place")),
    pytest.param("Neighbourhood: Quiet, no stairs at home.",
                 marks=strict_xfail("NEW: home_sites reads a social-history answer as a "
                                    "place")),
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
