"""Identifiers in prose that a fourteenth blind author wrote and the engine missed
(study14b), with invented examples of the same cues:

- a town after a ride or a journey ("taxi booked to X", "driving down from X"), a home or
  a workplace in a town ("farm in X"), a town given as the answer to "which town ...?";
- an outside site named after its cue (employer, pharmacy, nursing home, facility) with
  its town or street, and two hidden pieces of one place apart by a comma or "in";
- a jail, prison or unit after a town ("from [X] County Jail");
- an age over 89 answered to "how old ...?" or a bare field after a name in a
  semicolon record;
- a weekday before a date, a spoken year beside a date, "the fifth of the fifth, nineteen
  fifty", a month and day in CJK numerals;
- a number after a video phone or relay service;
- a nickname after "calls me" or "Preferred:", a name after "registered for" or
  "family of", a minor's initials.

Negatives: staff, eponyms, ordinary words after "to" and "from", times, doses,
saturations, room numbers.
"""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .growth import assert_grows_linearly, repeated
from .support import left_uncovered, untouched

FOUND = [
    # (note, identifier)
    # towns after a journey, a home, a workplace
    ("Pt stable, taxi booked to Wrenfield Cove after discharge.", "Wrenfield Cove"),
    ("Vol. note: cab ordered to Harrowgate, voucher given.", "Harrowgate"),
    ("Mother says they are driving down from Heron Pond, ETA two hours.", "Heron Pond"),
            ("Q: which town do you live in? A: Pine Hollow, near the lake.", "Pine Hollow"),
    ("Q: where are you coming from? A: Stellbrook, two hours away.", "Stellbrook"),
    # an outside site after its cue, with its town or its street
    ("Employer: Quenford Plastics, Ostwick Vale | DOB on file", "Quenford Plastics, Ostwick Vale"),
    ("Pt, employer Brannock Timber, Yelverton, workers comp claim.",
     "Brannock Timber, Yelverton"),
    ("Pharmacy: Apotek Sunvale on Dorrit St | phone on chart", "Apotek Sunvale on Dorrit St"),
    ("Pt from nursing home Ashcombe Gardens, dressing change MWF.", "Ashcombe Gardens"),
    ("Pt returned to facility Thornbury Correctional, Kelsoe, 1600.",
     "Thornbury Correctional, Kelsoe"),
    ("Son will collect meds from Pemberly's Pharmacy in Wexcombe today.",
     "Pemberly's Pharmacy in Wexcombe"),
    ("Records released to Oakhollow Rehab in Brindle Cross, faxed.",
     "Oakhollow Rehab in Brindle Cross"),
    ("Disc mailed to PO Box 512, Fennimore Glen on Monday.", "PO Box 512, Fennimore Glen"),
    ("Disc returned from PO Box 77, Oak Hollow on the 3rd, resent.", "PO Box 77, Oak Hollow"),
    ("Escorted to Route 12 park-and-ride, wife waiting.", "Route 12 park-and-ride"),
    ("Discharged to Larchmont Apartments, Unit 7C, daughter driving.",
     "Larchmont Apartments, Unit 7C"),
    ("Inmate arrived from Lowry County Jail, escorted by two officers.",
     "Lowry County Jail"),
    ("Inmate transported from Bishop Unit, long drive.", "Bishop Unit"),
    # ages over 89
    ("Q: how old is your mother? A: 96. Q: lives alone? A: no.", "96"),
    ("Q: his age? A: ninety-four. Q: allergies? A: none.", "ninety-four"),
    ("INV 12; Farsi; consent; 30 min; patient Zohreh Tavakkoli; 97; son present", "97"),
    ("REF 4; Tagalog; consult; patient Lorenza Dimaculangan; ninety-two; niece helps",
     "ninety-two"),
    # dates
    ("Surgery moved to Wednesday 11/20, pt informed.", "Wednesday 11/20"),
    ("Q: surgery date? A: next Tuesday the 14th, early.", "next Tuesday the 14th"),
    ("Q: DOB? A: nineteen thirty-eight, June the fourth. Q: name?",
     "nineteen thirty-eight, June the fourth"),
    ("Q: DOB? A: the fifth of the fifth, nineteen fifty-five. Q: ok.",
     "the fifth of the fifth, nineteen fifty-five"),
    ("patient record: DOB 十一月二十日 1944, interpreter booked", "十一月二十日 1944"),
    # phones after a video phone or a relay service
    ("INV 5; ASL; patient Brannock Teale, MRN 44120017; deaf, uses VP 555-0143", "555-0143"),
    ("INV 6; ASL; discharge; patient Brannock Teale; video relay 555-0166", "555-0166"),
    # nicknames and names after "family of"
    ("Q: nickname? A: my friends all call me Tibbs. Q: full name?", "Tibbs"),
    ("Q: anything else? A: everyone calls me Buck.", "Buck"),
    ("Name: Oriel Quartermaine | Preferred: Bee | Language: English", "Bee"),
    ("device serial QX-7781 registered for Al Marsh", "Al Marsh"),
    ('REQ-12 | Baker "Chip" Holloway | home meds reviewed | ok', 'Baker "Chip" Holloway'),
    ("Q: name please? A: APRIL DAWN WINTERBOURNE. Q: date of birth? A: on file.",
     "APRIL DAWN WINTERBOURNE"),
    ("Q: full name? A: Ivy Rose Fairweather. Q: allergies? A: none.", "Ivy Rose Fairweather"),
    ("Vol. Pat: family of Ottoline Sedge given directions to hotel.", "Ottoline Sedge"),
    ("Subpoena logged, records of minor P.M.. Sent to counsel.", "P.M."),
]


@pytest.mark.parametrize(("note", "piece"), FOUND)
def test_found(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


UNTOUCHED = [
    # staff, rooms, departments and ordinary words after the cues
    "Pt escorted to Radiology, then back to PACU at 1400.",
    "Taxi booked to Main Entrance, voucher given by the charge nurse.",
    "Pt driving in from home, may be late for the 0730 start.",
    "Pt went home in stable condition.",
    "Q: how old is the dressing? A: 3 days. Q: any pain? A: mild.",
    "Q: her age? A: 45. Q: consent? A: yes.",
    "Q: saturation? A: 92%. Q: on oxygen? A: 2 L.",
    "INV 3; Spanish; consult; 90 min; on-site; interpreter booked",
    "Pharmacy: verified dose, 2 mg IV given at 0800.",
    "Pharmacy: Vancomycin 1 g IV at 0900 | given by anesthesia",
    "lot 4 of the infuser ok per pharmacy Also: the drip was relabelled.",
    "The patient has travelled from Ohio for the procedure.",
    "Employer: retired | Smoker: no | Alcohol: no",
    "Moved to Friday, same time, room 12.",
    "Pt moved to Room 4, Bed 2 after the block.",
    "Family of the patient updated by the charge nurse.",
    "Babinski sign negative, no Horner syndrome.",
    "Nursing home staff called to ask about the dressing.",
    "Pt goes by her middle name, Preferred: yes | Interpreter: no",
    "Pump registered for home use, serial on file.",
    "Family of Down syndrome patients support group meets Friday.",
    "Child life specialist present; minor procedure under local.",
    'Press "Start" Button twice, then wait for the beep.',
    "Q: name of the procedure? A: Lap Chole. Q: side? A: n/a.",
    "Q: name band on? A: Yes. Q: consent signed? A: Yes.",
    "Q: name please? A: Unknown, unresponsive on arrival.",
    "Disc returned to PO Box in the mailroom, Radiology notified.",
    "Q: where are you coming from? A: Home. Q: anyone with you? A: no.",
]


@pytest.mark.parametrize("note", UNTOUCHED)
def test_untouched(engine: Engine, note: str) -> None:
    untouched(engine, note)


@pytest.mark.parametrize("unit", [
    "Q: how old is your father? A: 94. ",
    "taxi booked to Wrenfield Cove, ",
    "employer Brannock Timber, Yelverton; ",
    "cab to A B C D, ",
    "family of Ab Cd Ef ",
    "Tuesday 11/20 nineteen forty, ",
    "patient Zohreh Tav; 97; ",
])
def test_new_cues_grow_linearly(long_engine: Engine, unit: str) -> None:
    assert_grows_linearly(long_engine.deidentify, lambda n: repeated(unit, n))
