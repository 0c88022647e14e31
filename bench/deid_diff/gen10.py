"""study35c: look-alikes for eponym_nouns.py, which narrows older rules (a test tool).

    PYTHONPATH=. python bench/deid_diff/gen10.py 4000 SEED > /tmp/notes.jsonl

Same record as gen.py ({"id", "text", "phi": [[s, e, cat]], "neutral": [[s, e]]}).
Positives: patients whose surnames are the eponyms, brands, languages, jobs and
adjectives eponym_nouns.py reads as things ("Brenner", "Baxter", "English", "Coder",
"Frank"), written before the same head nouns after a person cue, after a given name, in
an inverted pair or a board's cell; a record number in a ticket's shape after a record
word; a patient's ID near an interpreter. Hard negatives (about half the notes,
PHI-free): the eponym phrases themselves, languages, "Coder query:", tickets at a line's
start, interpreters' badges. The notes are invented.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.deid_diff.gen import Note
from bench.deid_diff.gen4 import emit

RNG = random.Random(35)

SURNAMES = ["Brenner", "Merkel", "Spitz", "Jacobs", "Bethune", "Hamilton", "Baxter",
            "Philips", "Cisco", "Parker", "English", "Dutch", "Coder", "Frank", "Porter",
            "Gross", "Sharp", "Bright"]
HEADS = ["tumor history", "cell phone 614-555-0190", "nevus check", "chuck key", "rib pain",
         "ventilator settings", "pump site", "monitor on", "phone number", "handles it",
         "interpreter present", "consent form signed", "purulence noted", "release form",
         "with teeth", "mattress ordered", "drain out", "forceps used on", "clamp on"]
CUES = ["pt", "Pt", "patient", "Mr", "Mrs", "Ms", "son", "daughter", "wife", "husband",
        "mother", "PT", "Patient"]
GIVEN = ["Sam", "Ruth", "Joan", "Ada", "Tom", "Lena", "Omar", "Iris"]
GIVEN_LOWER_OK = ["Jane", "Paul", "Ines"]


def pick(xs):  # type: ignore[no-untyped-def]
    return RNG.choice(xs)


def digits(n: int) -> str:
    return "".join(str(RNG.randint(0, 9)) for _ in range(n))


# ---- positives -------------------------------------------------------------------------
def cued(n: Note) -> None:
    n.add(pick(["Note: ", "Ticket: ", "FS: ", "relief: ", "", "TQ: "]))
    n.add(pick(CUES) + " ").phi_(pick(SURNAMES), "NAME").add(" " + pick(HEADS) + ".")


def given_first(n: Note) -> None:
    n.add(pick(["Ticket: ", "Consent: ", "", "Positioning: "]))
    n.phi_(f"{pick(GIVEN)} {pick(SURNAMES)}", "NAME").add(" " + pick(HEADS) + ".")


def inverted(n: Note) -> None:
    n.add(pick(["pt ", "Pt ", "Board: ", "Hover: Pt "]))
    n.phi_(f"{pick(SURNAMES)}, {pick(GIVEN + GIVEN_LOWER_OK)}", "NAME")
    n.add(pick([" | MRN ", " MRN ", " DOB "]))
    n.phi_(digits(7), "MRN").add(pick(["", " in pre-op."]))


def record(n: Note) -> None:
    n.add(pick(["pt MRN ", "MRN ", "acct ", "Pt record ", "pt ID "]))
    n.phi_(pick(["INC", "REQ", "RITM", "TASK"]) + digits(7), "MRN")
    n.add(pick([" on the band.", ", interpreter present.", " checked."]))


def patient_id(n: Note) -> None:
    n.add(pick(["interpreter for pt, ID ", "pt ID ", "patient ID ", "interpreter called, MRN "]))
    n.phi_(digits(pick([4, 6, 7])), "MRN").add(pick([" present.", " confirmed.", ""]))


POS_MAKERS: list[Callable[[Note], None]] = [cued, given_first, inverted, record,
                                            patient_id]


# ---- hard negatives --------------------------------------------------------------------
def neg_eponym(n: Note) -> None:
    n.add(pick(["FS: ", "relief: ", "Ticket: ", "TQ: ", "", "Positioning: "]))
    n.add(pick(["Brenner tumor, benign.", "Merkel cell carcinoma.", "Spitz nevus vs melanoma.",
                "Jacobs chuck key in tray.", "Bethune rib shears used.", "Adson with teeth x2.",
                "Bard-Parker handles #3.", "Hamilton ventilator export.", "Baxter pump update.",
                "Philips monitor down.", "Cisco phone not dialing.", "Montreal mattress used.",
                "de Quervain release.", "Frank purulence in RLQ."]))


def neg_language(n: Note) -> None:
    n.add(pick(["Consent obtained in English.", "Dutch interpreter present.",
                "Signed the Chinese consent form.", "Somali interpreter ID " + digits(4) + ".",
                "interpreter via iPad, Arabic, ID " + digits(4) + "."]))


def neg_ticket(n: Note) -> None:
    n.add(pick(["INC", "RITM", "REQ"]) + digits(7))
    n.add(pick([": printer in PACU down.", ": badge reader OR 3.", ": EHR slow."]))


def neg_job(n: Note) -> None:
    n.add(pick(["Coder query: confirm laterality.", "Coder: duplicate charge, remove.",
                "Porter note: bed to OR 4.", "Coder query for account review."]))


NEG_MAKERS: list[Callable[[Note], None]] = [neg_eponym, neg_language, neg_ticket, neg_job]


def main() -> None:
    emit(RNG, POS_MAKERS, NEG_MAKERS, "g10", 35)


if __name__ == "__main__":
    main()
