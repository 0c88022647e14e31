"""attack31c: notes in the shapes the NEWER_RULES of 93939a8..a301418 read (a test tool).

    python bench/deid_diff/gen4.py 15000 SEED > /tmp/notes.jsonl

Same record as gen.py ({"id", "text", "phi": [[s, e, cat]], "neutral": [[s, e]]}).
Positives: "SURNAME, Given" after a band/EOB/sample cue, relation words and given names,
chat self-introductions, player names, nicknames in brackets, names in two scripts,
HTML-entity names; flats, units, house names, sites with a kind and a town, hostels,
prisons, "lives X", "from X"; UK plates near car words, payer-prefixed member IDs,
weekday/today ordinals, licence numbers in groups, "I'm 9x", spelled digits between
number pieces, device maker codes. Hard negatives (about half the notes, PHI-free):
clinical pairs after the same cues, departments, spinal levels and scores near car
words, doses and weights after "I'm", ordinals counting things. Every word list is
invented for this tool.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable

from bench.deid_diff.gen import Note

RNG = random.Random(31)

FIRST = ["Maud", "Ewan", "Rhona", "Tane", "Losa", "Mereana", "Ilona", "Nikos", "Layla", "Hemi",
         "Ysolde", "Tevita", "Aroha", "Dagny", "Priya", "Chidi", "Soren", "Greta", "Faith",
         "June", "Kofi", "Wiremu", "Niamh", "Émile", "Zofia", "Ruben", "Hester", "Ottis"]
LAST = ["Quillon", "Aberdale", "Tarrow", "Kovacs", "Vainikolo", "Dufresne", "Wharerau",
        "Haddad", "Pappas", "Dravek", "Brightwell", "Okonkwo", "Marsh", "Tuilagi", "Kolt",
        "Fenwick", "Osei", "Lindqvist", "Achterberg", "Moana", "Halloran", "Szabo"]
TOWNS = ["Brisk", "Fenby", "Little Brisk", "Wexbury", "Copperton", "Harrowgate", "Osier Vale",
         "Kettlewick", "Marrowby", "Dunholm"]
STREETS = ["Osier Walk", "Gannet Parade", "Copse Row", "Quarry Lane", "Alder Rise",
           "Mill Lane", "Heron Close", "Tansy Court"]
SITES = ["Oakhurst", "Elm Row", "Fernside", "Copperfield", "Cedar Row", "Larkspur", "Quarry Lane"]
KINDS = ["Care Centre", "Care Home", "Urgent Care", "Dialysis Unit", "Imaging Centre",
         "Diagnostics", "Roofing Ltd", "Lodge", "hostel", "Stores"]
MAKES = ["Ford Focus", "Kia Picanto", "Toyota Yaris", "Vauxhall Corsa", "VW Golf", "Honda Jazz"]
COLOURS = ["red", "silver", "blue", "black", "grey"]
PAYERS = ["BCBSTX", "HMSA", "AETNA", "UHC", "CIGNA", "Humana", "KAISER"]
KIN = ["Aunty", "Uncle", "Nana", "koro", "whānau", "family", "cousin"]
POS = ["prop", "hooker", "winger", "fullback", "striker", "goalkeeper"]
WEEKDAY = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Monday", "Thursday"]
DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
# PHI-free look-alikes
DEPTS = ["Cardiology", "Radiology", "Recovery", "PACU", "Theatre", "Maternity", "Oncology",
         "Physio", "Pharmacy", "Endoscopy", "Day Surgery", "Outpatients", "Home", "Ward 5"]
LABS = [("GLUCOSE", "Fasting"), ("SODIUM", "Serum"), ("ALLERGY", "Latex"), ("ABG", "arterial"),
        ("CULTURE", "Blood"), ("FALLS", "High risk"), ("DIET", "Soft"), ("VANCOMYCIN", "Trough"),
        ("POTASSIUM", "Plasma"), ("MRSA", "Negative"), ("Warfarin", "Held")]
LEVELS = ["T12 NAD", "C5 ASA", "L4 ORIF", "T2 DMS", "C7 RHS", "L1 MRI", "A1 ABG", "T4 LOC"]
COUNTS = ["attempt", "dose", "reading", "case", "cycle", "fraction", "trimester"]
MEDS = ["paracetamol 1 g", "enoxaparin 40 mg", "ondansetron 4 mg", "cefazolin 2 g"]


def pick(xs):  # type: ignore[no-untyped-def]
    return RNG.choice(xs)


def digits(n: int) -> str:
    return "".join(str(RNG.randint(0, 9)) for _ in range(n))


def letters(n: int) -> str:
    return "".join(RNG.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))


# ---- positives -------------------------------------------------------------------------
def band(n: Note) -> None:
    cue = pick(["Wristband reprint: ", "Member: ", "Sample ", "EOB | ", "band shows ", "Pt: "])
    last, first = pick(LAST), pick(FIRST)
    n.add(cue).phi_(f"{last.upper() if RNG.random() < 0.6 else last}, {first}", "NAME")
    n.add(pick([" MRN ", " DOB ", " ID: "])).phi_(digits(7), "MRN").add(" checked.")


def kin(n: Note) -> None:
    n.add(pick(["call ", "", "spoke with ", "at bedside: "])).neu(pick(KIN)).add(" ")
    nm = pick(FIRST)
    if RNG.random() < 0.3:
        n.add("(").phi_(nm, "NAME").add(")")
    else:
        n.phi_(nm, "NAME")
    n.add(pick([" at bedside.", " will bring meds.", ", aware of plan."]))


def chat(n: Note) -> None:
    n.add(pick(["USER: hello ", "hi ", "Message: ", ""]))
    n.add(pick(["i'm ", "im ", "my name is ", "this is "]))
    nm = pick(FIRST)
    if RNG.random() < 0.4:
        nm = f"{nm} {pick(LAST)}"
    n.phi_(nm if RNG.random() < 0.6 else nm.lower(), "NAME").add(", is my op tomorrow?")


def player(n: Note) -> None:
    if RNG.random() < 0.5:
        n.add("Physio review for player ").phi_(f"{pick(FIRST)} {pick(LAST)}", "NAME")
        n.add(", hamstring strain.")
    else:
        n.phi_(f"{pick(FIRST)} {pick(LAST)}", "NAME").add(f" ({pick(POS)}) ACL repair listed.")


def nick(n: Note) -> None:
    n.add("Pt ").phi_(pick(FIRST), "NAME").add(" (").phi_(pick(["Tom", "Bex", "Mo", "Kit"]), "NAME")
    n.add(") ").phi_(pick(LAST), "NAME").add(" consented.")


def scripts(n: Note) -> None:
    n.phi_(pick(["ليلى حداد", "Νίκος Παππάς", "Ζωή Λάμπρου"]), "NAME").add(" (Mrs ")
    n.phi_(f"{pick(FIRST)} {pick(LAST)}", "NAME").add(") interpreter booked.")


def entity(n: Note) -> None:
    n.add("Pt ").phi_(pick(["Br&eacute;nda", "Ren&eacute;e", "Zo&euml;", "Jos&eacute;"]), "NAME")
    n.add(" ").phi_(pick(LAST), "NAME").add(" arrived.")


def flat(n: Note) -> None:
    n.add(pick(["Address: ", "Lives at ", "Home: "]))
    n.phi_(f"Flat {RNG.randint(1, 40)}, {RNG.randint(1, 99)} {pick(STREETS)}, {pick(TOWNS)}",
        "ADDRESS").add(".")


def house(n: Note) -> None:
    n.add("Home: ").phi_(f"The Old {pick(['Vicarage', 'Rectory', 'Grange'])}, {pick(STREETS)}",
                      "ADDRESS").add(", keys with neighbour.")


def site(n: Note) -> None:
    n.add(pick(["Transfer from ", "pickup ", "works at ", "Discharge to "]))
    n.phi_(f"{pick(SITES)} {pick(KINDS)}", "LOCATION")
    if RNG.random() < 0.5:
        n.add(", ").phi_(pick(TOWNS), "LOCATION")
    n.add(".")


def prison(n: Note) -> None:
    n.add("Escorted from ").phi_(f"HMP {pick(['Brisk', 'Fenby', 'Marrowby'])}", "LOCATION")
    n.add(" with two officers.")


def lives(n: Note) -> None:
    n.add(pick(["Lives ", "lives alone in ", "daughter from "])).phi_(pick(TOWNS), "LOCATION")
    n.add(pick([", independent.", ".", " |"]))


def plate(n: Note) -> None:
    p = pick([f"{letters(2)}{digits(2)} {letters(3)}", f"{letters(1)}{digits(3)} {letters(3)}"])
    if RNG.random() < 0.5:
        n.add("His car, reg ").phi_(p, "VEHICLE").add(", is in the car park.")
    else:
        n.add("Keys to a ").phi_(f"{pick(COLOURS)} {pick(MAKES)} {p}", "VEHICLE").add(" at desk.")


def payer(n: Note) -> None:
    n.add("Insurance: ").phi_(f"{pick(PAYERS)} {letters(3)} {digits(7)}", "HEALTHPLAN")
    n.add(" verified.")


def dayd(n: Note) -> None:
    n.add(pick(["Clinic ", "Discharged ", "Seen "]))
    if RNG.random() < 0.5:
        d = RNG.randint(1, 28)
        suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(d, "th")
        n.phi_(f"{pick(WEEKDAY)} {d}{suffix}", "DATE")
    else:
        n.phi_(f"{pick(['yesterday', 'tomorrow'])} the {RNG.randint(4, 20)}th", "DATE")
    n.add(pick([".", ", stable.", " at 10:00."]))


def licence(n: Note) -> None:
    n.add("my driving licence is ").phi_(f"{pick(LAST).upper()} {digits(3)} {digits(1)}"
                                      f"{letters(1)}{digits(1)} {letters(2)}", "LICENSE")
    n.add(" if needed")


def age(n: Note) -> None:
    n.add(pick(["I'm ", "i am ", "im "])).phi_(str(RNG.randint(90, 104)), "AGE")
    n.add(pick([" and live alone.", ", still driving.", " years old."]))


def spelled(n: Note) -> None:
    n.add("SSN ").phi_(f"{digits(3)}, {pick(DIGIT_WORDS)} {pick(DIGIT_WORDS)}, {digits(4)}", "SSN")
    n.add(" per daughter.")


def device(n: Note) -> None:
    n.add("ICD (").phi_(f"{letters(3)} {letters(1)}{digits(1)}{digits(5)}", "DEVICE")
    n.add(") interrogated.")


POS_MAKERS: list[Callable[[Note], None]] = [
    band, kin, chat, player, nick, scripts, entity, flat, house, site, prison, lives, plate,
    payer, dayd, licence, age, spelled, device]


# ---- PHI-free look-alikes --------------------------------------------------------------
def neg_lab(n: Note) -> None:
    a, b = pick(LABS)
    n.add(pick(["Sample: ", "Pt: ", "for ", "Name of test: ", "REPRINT: "])).add(f"{a}, {b}")
    n.add(pick([" sent.", " noted", " ID pending."]))


def neg_dept(n: Note) -> None:
    n.add(pick(["Referred from ", "Transferred from ", "Message from ", "Lives ",
                "Patient lives "]))
    n.add(pick([*DEPTS, "Independently", "Locally", "Alone", "Nearby"]))
    n.add(pick([".", ":", ","]))


def neg_level(n: Note) -> None:
    cue = pick(["ORIF with plate, ", "Car seat fitted; ", "Reg insulin given, ",
                "Parked trolley, ", "car crash 2019, ", "plates removed, "])
    n.add(cue).add(pick(LEVELS)).add(pick([" on imaging.", " noted.", " grade II."]))


def neg_ordinal(n: Note) -> None:
    w = pick(["sat", "Sat", "sun", "Wed", "Mon", "today the", "Fri"])
    n.add(pick(["Patient ", "Mild ", "Rota: ", "Pt "])).add(f"{w} {RNG.randint(1, 3)}")
    n.add(pick(["st", "nd", "rd"])).add(pick([f" {pick(COUNTS)}.", "-degree burn.", ", then stood.",
                                              " and 3rd toes."]))


def neg_self(n: Note) -> None:
    n.add(pick(["I'm ", "i am ", "this is ", "my name is "]))
    n.add(pick(["99.5 kg", "96.5 percent sure", "Nervous", "Ready", "Nurse Kim's patient",
                "Sore", "Dizzy", "Theatre 2", "Tuesday's list"])).add(".")


def neg_player(n: Note) -> None:
    n.add(pick(["Player Welfare Officer consulted.", "player safety review due.",
                "Player Liaison Team informed.", "Player Medical Officer aware."]))


def neg_kin(n: Note) -> None:
    n.add(pick(["Family Meeting held.", "family Hx of DVT.", "Uncle Sam clinic closed.",
                "Family Liaison Nurse called.", "Cousin Marriage noted in history."]))


def neg_site(n: Note) -> None:
    n.add(pick(["Renal Dialysis Unit", "Day Surgery Unit", "Recovery Care Centre",
                "Main Imaging Centre", "Paediatric Urgent Care"]))
    n.add(pick([", Level 2.", ": booked.", " aware."]))


def neg_dose(n: Note) -> None:
    n.add(f"Given {pick(MEDS)} IV at {RNG.randint(8, 20)}:00; member of staff ID badge seen.")


NEG_MAKERS: list[Callable[[Note], None]] = [
    neg_lab, neg_dept, neg_level, neg_ordinal, neg_self, neg_player, neg_kin, neg_site, neg_dose]


def mixed(rng: random.Random, pos: list[Callable[[Note], None]],
          neg: list[Callable[[Note], None]], note_id: str) -> dict:
    """One to three pieces, half the notes of look-alikes (neg) only, the rest mixed."""
    n = Note()
    phi_free = rng.random() < 0.5
    for k in range(rng.randint(1, 3)):
        if k:
            n.add(rng.choice([" ", "\n", " | "]))
        if phi_free or rng.random() < 0.4:
            rng.choice(neg)(n)
        else:
            rng.choice(pos)(n)
    return {"id": note_id, "text": "".join(n.parts), "phi": n.phi, "neutral": n.neutral}


def emit(rng: random.Random, pos: list[Callable[[Note], None]],
         neg: list[Callable[[Note], None]], prefix: str, seed: int) -> None:
    """`N [SEED]` from the command line: N notes as JSON lines, `rng` (the makers' own)
    seeded first."""
    rng.seed(int(sys.argv[2]) if len(sys.argv) > 2 else seed)
    for i in range(int(sys.argv[1])):
        print(json.dumps(mixed(rng, pos, neg, f"{prefix}-{i}"), ensure_ascii=False))


def main() -> None:
    emit(RNG, POS_MAKERS, NEG_MAKERS, "g4", 31)


if __name__ == "__main__":
    main()
