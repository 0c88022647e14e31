"""attack35c: look-alikes for eponym_nouns.py (narrowing) and log_names.py (a test tool).

    PYTHONPATH=. python bench/deid_diff/gen14.py 4000 SEED > /tmp/notes.jsonl

Same record as gen.py ({"id", "text", "phi": [[s, e, cat]], "neutral": [[s, e]]}).
Positives: a surname (no eponym, no brand) written once, after "to"/"from"/"with" or a
line's start, before a head noun of eponym_nouns.py that is also an everyday word
("procedure", "monitor", "test", "release", "drain"): "Report given to Okafor monitor
alarms"; a ticket-shaped number after "incident" that is a record's. Hard negatives
(PHI-free): capitalised germ names after "for" ("Swab for E. Coli, MRSA."), two
capitalised procedure words after "Addendum for", language and eponym phrases. Invented.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.deid_diff.gen import Note
from bench.deid_diff.gen4 import emit

RNG = random.Random(14)

SURNAMES = ["Okafor", "Quorvell", "Adeyemi", "Vasquez", "Lindqvist", "Marsh", "Oyelaran",
            "Tremblay", "Nakashima", "Brannigan", "Kowalczyk", "Haddad"]
LEADS = ["Report given to ", "Consent obtained from ", "Question from ", "Tx to ",
         "Handover from ", "Call to ", "Teaching provided to ", "Message from ",
         "Results sent to ", "Reviewed with ", "Update from "]
HEADS = ["monitor alarms reviewed.", "procedure explained.", "procedure length answered.",
         "ventilator settings.", "test results pending.", "release form signed.",
         "drain output 40 mL.", "pump teaching done.", "repair scheduled.",
         "tube feeds held.", "score discussed."]
GERMS = ["E. Coli", "S. Aureus", "H. Pylori", "C. Albicans", "K. Pneumoniae", "P. Aeruginosa",
         "S. Epidermidis", "E. Faecalis"]


def pick(xs):  # type: ignore[no-untyped-def]
    return RNG.choice(xs)


def digits(n: int) -> str:
    return "".join(str(RNG.randint(0, 9)) for _ in range(n))


# ---- positives -------------------------------------------------------------------------
def led_surname(n: Note) -> None:
    n.add(pick(["", "Post-op: ", "PACU. ", "Ward round. "]) + pick(LEADS))
    n.phi_(pick(SURNAMES), "NAME").add(" " + pick(HEADS))


def kin_comma(n: Note) -> None:
    n.add(pick(["Pt's wife, ", "Update to son, ", "Called daughter, ", "Bed 12 - ",
                "Bed 4 - ", "Spoke to husband, "]))
    n.phi_(pick(SURNAMES), "NAME").add(" " + pick(HEADS))


def record_ticket(n: Note) -> None:
    n.add(pick(["Incident ", "incident ", "ticket "]))
    n.phi_(pick(["INC", "REQ", "RITM"]) + digits(7), "MRN")
    n.add(pick([": wrong MRN on the band.", ": pt record merged.", " is the pt's record."]))


POS_MAKERS: list[Callable[[Note], None]] = [led_surname, kin_comma,
                                            record_ticket]


# ---- hard negatives --------------------------------------------------------------------
def neg_germ(n: Note) -> None:
    n.add(pick(["Swab for ", "Cultures sent for ", "Screen for ", "Treated for ", "Positive for "]))
    n.add(pick(GERMS) + pick([", MRSA negative.", "; sensitivities pending.", ": negative.",
                              ", on cefazolin."]))


def neg_entry(n: Note) -> None:
    n.add(pick(["Addendum for ", "Late entry for ", "Note for "]))
    n.add(pick(["Hernia Repair", "Lap Chole", "Whipple Revision", "Bowel Resection",
                "Knee Arthroscopy"]) + pick([" surgery: mesh lot recorded.",
                                             " procedure: drain placed.", " case: delayed."]))


def neg_neighbourhood(n: Note) -> None:
    n.add(pick(["Tenderness in the neighbourhood of ", "Adhesions in the neighborhood of ",
                "Erythema in the neighbourhood of "]))
    n.add(pick(["McBurney point.", "Calot triangle, dissected.", "Hesselbach triangle.",
                "Virchow node, none felt.", "Morison pouch, fluid suctioned."]))


def neg_eponym(n: Note) -> None:
    n.add(pick(["Spitz nevus excised.", "Frank purulence in RUQ.", "Adson with teeth to close.",
                "Consent in English, Dutch interpreter present.", "Coder: clarify laterality.",
                "Hamilton ventilator export.", "Kocher maneuver performed."]))


NEG_MAKERS: list[Callable[[Note], None]] = [neg_germ, neg_entry, neg_neighbourhood,
                                            neg_eponym]


def main() -> None:
    emit(RNG, POS_MAKERS, NEG_MAKERS, "g14", 14)


if __name__ == "__main__":
    main()
