"""OR words the name and place rules took for a name or a town ("sms from perfusion",
"outside hosp", "PT HOH", "pt iol", "apgars"), eponyms of scores, instruments and
procedures that stand alone on a board ("Apfel 3", "Brodsky 2", "Caspar", "Boyle-Davis",
"Brescia-Cimino"), and an insurance group number, which names an employer's plan and
no person (the member id beside it still goes).

Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

KEPT = [
    "msg from perfusion: circuit primed",
    "pt came from an outside hosp, labs pending",
    "SENT TO OUTSIDE HOSP AFTER CT",
    "PT HOH, WRITE THINGS DOWN",
    "cataract pt iol in, eye shield on",
    "baby apgars fine, to nursery",
    "PONV risk: Apfel 2",
    "tonsils: Brodsky 3",
    "OR 9 | ACDF | Caspar pins | Leksell",
    "mouth gag: Boyle-Davis and Crowe-Davis on the tray",
    "Brescia-Cimino fistula L wrist",
    "sutures: Biosyn 3-0 on the back table",
    "Group: 44120, copay 30",
    "insurance group 33012 updated",
    "GROUP NO 99213 ON CARD",
    # scores after a relation word ("DAD GCS 14"), and score eponyms
    "TRAUMA BAY: DAD GCS 14 ON ARRIVAL",
    "Lenke 1A curve, fusion T4-L1",
    "MELD 18, INR 1.6",
    "Bromage 0 at 0900",
]


@pytest.mark.parametrize("note", KEPT)
def test_or_words_eponyms_and_group_numbers_are_kept(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


GONE = [
    ("Member ID: QRT 442 981 006, Group: 44120", "442 981 006"),
    ("ins policy W88120344 group 4410", "W88120344"),
    ("wife Apfel Marta called", "Marta"),
]


@pytest.mark.parametrize(("note", "value"), GONE)
def test_member_ids_and_names_beside_them_still_go(engine: Engine, note: str,
                                                   value: str) -> None:
    assert value not in engine.deidentify(note).text
