"""attack33a: notes in the Italian, Portuguese and Dutch shapes of e52c8eb..62435e1 (a test
tool).

    PYTHONPATH=. python bench/deid_diff/gen8.py 4000 SEED > /tmp/notes.jsonl

Same record as gen.py ({"id", "text", "phi": [[s, e, cat]], "neutral": [[s, e]]}).
Positives: lower-case Italian and Dutch ward notes (two or more of grammar_words'
markers) with a patient's, a kin's or a title's cue and a frequent Italian or Dutch surname
or given name, in lower case or capitals; English lower-case notes holding "sono"/"il" and
"non"; ages (93 anni, 93enne, 93-jarige), worded and abbreviated dates, streets with their
town, record numbers. Hard negatives (about half the notes, PHI-free): a weekday before a
count or a dose, "in corso" (ongoing) before a drug, "in via Medic 14", a log line's
"1415 NG Tube", "uit Radiologie", "Spoedplein 2", a hospital's 90 years. The surnames are
frequent ones of each country (any list of them holds these); the notes are invented.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.deid_diff.gen import Note
from bench.deid_diff.gen4 import emit

RNG = random.Random(33)

IT_LAST = ["colombo", "fontana", "galli", "moretti", "barbieri", "mariani", "pellegrini",
           "fumagalli", "brambilla", "ferri", "sala", "marchetti", "cattaneo", "bellini",
           "neri", "sartori", "riva", "donati", "rossi", "esposito"]
IT_FIRST = ["giulia", "lucio", "carlo", "paolo", "luca", "ornella", "lucrezia", "gianluca",
            "benedetta", "giuseppina"]
NL_LAST = ["visser", "mulder", "dekker", "brouwer", "de vries", "de boer", "bakker",
           "hendriks", "vermeulen", "kuiper", "koster", "hoekstra"]
IT_CUES = ["pz", "paziente", "sig.ra", "sig.", "dott.", "figlia", "moglie", "il pz"]
NL_CUES = ["mevrouw", "meneer", "patiënt", "dochter"]
IT_TAILS = [" non è pronta, il drenaggio è pulito.", " non presente, il letto è pronto.",
            ", il drenaggio non è pronto, anche la sala."]
NL_TAILS = [" is niet nuchter, het infuus is klaar.", " belt nog, het bed is klaar."]
EN_TAILS = ["sono non diagnostic, called |name| re results.",
            "non verbal, il-2 given, |name| updated."]
EN_NAMES = ["colombo", "fumagalli", "barnaby", "tamsin", "quilla"]
TOWNS_IT = ["Cantù", "Lodi", "Vimercate", "Saronno", "Chiari"]
TOWNS_NL = ["Zwolle", "Amsterdam", "Deventer", "Assen", "Tiel"]
WD = ["lunedì", "martedì", "venerdì", "maandag", "vrijdag", "sexta", "terça"]


def pick(xs):  # type: ignore[no-untyped-def]
    return RNG.choice(xs)


def digits(n: int) -> str:
    return "".join(str(RNG.randint(0, 9)) for _ in range(n))


# ---- positives -------------------------------------------------------------------------
def it_cued(n: Note) -> None:
    upper = RNG.random() < 0.2
    who = pick(IT_LAST + IT_FIRST)
    n.add(pick(IT_CUES).upper() if upper else pick(IT_CUES)).add(" ")
    n.phi_(who.upper() if upper else who, "NAME")
    tail = pick(IT_TAILS)
    n.add(tail.upper() if upper else tail)


def nl_cued(n: Note) -> None:
    n.add(pick(NL_CUES) + " ").phi_(pick(NL_LAST), "NAME").add(pick(NL_TAILS))


def en_markers(n: Note) -> None:
    lead, tail = pick(EN_TAILS).split("|name|")
    n.add(lead).phi_(pick(EN_NAMES), "NAME").add(tail)


def age(n: Note) -> None:
    a = RNG.randint(90, 104)
    n.add(pick(["pz ", "paciente de ", "vrouw, ", "donna di "]))
    n.phi_(pick([f"{a}enne", f"{a}a", f"{a}-jarige", f"{a} anni", f"{a} anos"]), "AGE")
    n.add(pick([", caduta a domicilio.", ", queda.", ", gevallen."]))


def date(n: Note) -> None:
    d = RNG.randint(1, 28)
    n.add(pick(["ricovero il ", "internada em ", "opname "]))
    n.phi_(pick([f"{d} febbr. 2025", f"{d} fev 2025", f"{d} maart 2025", f"{d} marzo"]),
           "DATE")
    n.add(".")


def street(n: Note) -> None:
    n.add(pick(["Adres: ", "Residente in ", "Endereço: "]))
    n.phi_(pick([f"Kerkstraat {RNG.randint(1, 99)}", f"Via Roma {RNG.randint(1, 99)}",
                 f"Rua das Flores, {RNG.randint(1, 99)}"]), "ADDRESS")
    n.add(", ").phi_(pick(TOWNS_IT + TOWNS_NL), "LOCATION").add(".")


def record(n: Note) -> None:
    n.add(pick(["prontuário ", "cartella clinica n. ", "cartella "]))
    n.phi_(pick([digits(6), digits(5), f"2025/{digits(6)}"]), "MRN").add(", letto 4.")


POS_MAKERS: list[Callable[[Note], None]] = [it_cued, nl_cued, en_markers, age, date, street,
                                            record]


# ---- hard negatives --------------------------------------------------------------------
def neg_weekday(n: Note) -> None:
    n.add(pick([f"{pick(WD)} {RNG.randint(1, 4)} flaconi di albumina.",
                f"{pick(WD)} {RNG.randint(1, 3)} tabletten.",
                f"{pick(WD)} {RNG.randint(1, 4)}.5 mg aloperidolo."]))


def neg_corso(n: Note) -> None:
    n.add(pick(["Terapia in corso Ceftriaxone 2 g ev.", "in corso Amoxicillina 1 g x 3.",
                "Pt brought in via Medic 14.", "Arrived in via Rescue 3."]))


def neg_log(n: Note) -> None:
    n.add(pick(["1415 NG Tube Placed", "2130 RT Called For Neb", "1045 GP Called Back"]))


def neg_dutch(n: Note) -> None:
    n.add(pick(["terug uit Radiologie, stabiel.", "Zuster naar Spoedplein 2, bed 4.",
                "het ziekenhuis bestaat 90 jaar.", "patiënt terug uit Dialyse."]))


NEG_MAKERS: list[Callable[[Note], None]] = [neg_weekday, neg_corso, neg_log, neg_dutch]


def main() -> None:
    emit(RNG, POS_MAKERS, NEG_MAKERS, "g8", 33)


if __name__ == "__main__":
    main()
