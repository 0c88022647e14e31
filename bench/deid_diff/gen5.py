"""attack32c: notes in the shapes the NEWER_RULES of 204237d..e6a9f01 read (a test tool).

    PYTHONPATH=. python bench/deid_diff/gen5.py 8000 SEED > /tmp/notes.jsonl

Same record as gen.py ({"id", "text", "phi": [[s, e, cat]], "neutral": [[s, e]]}).
Positives: family tracking codes, FHIR Patient/RelatedPerson JSON, "wife of X", names and
phones in %-encoded query strings, "Pt Given van der Surname 92", numbered lists in CJK,
Hangul and Devanagari, German and Québec addresses, homes, hospitals, dates and phones,
US counties and care sites, German ages ("94 J."), weekday-led dates, trunk-dialled
phones, RAMQ cards, O/l look-alike phones, facilities moved from/to. Hard negatives
(about half the notes, PHI-free): weekday + score/lab/time/count, lots and references
with a leading 0, extensions, pagers, "Cardiac Rehab", "Code Blue", German clinical
text, French drugs and doses, "Station 4B", ICU/PACU/Day Surgery transfers, dosing
"bd", "rang" as a verb. Every word list is invented for this tool.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.deid_diff.gen import Note
from bench.deid_diff.gen4 import emit

RNG = random.Random(32)

FIRST = ["Maud", "Ewan", "Rhona", "Ilona", "Nikos", "Layla", "Ysolde", "Dagny", "Priya",
         "Chidi", "Soren", "Greta", "Kofi", "Niamh", "Zofia", "Ruben", "Hester", "Joost",
         "Elke", "Margit", "Solène", "Gaëlle", "Rowan", "Ottilie", "Anouk", "Benedikt"]
LAST = ["Quillon", "Aberdale", "Tarrow", "Kovacs", "Dufresne", "Haddad", "Pappas", "Dravek",
        "Brightwell", "Okonkwo", "Fenwick", "Lindqvist", "Achterberg", "Halloran", "Szabo",
        "Wójcik", "Brünnler", "Tremblay", "Gagnon", "Pelletier", "Ouellette", "Finch"]
PARTICLES = ["van der", "van", "de", "von", "dos", "da", "del", "ter"]
TOWNS_DE = ["Lindhofen", "Bergweiler", "Eschenbrunn", "Kaltental", "Mühlbach"]
TOWNS_FR = ["Saint-Aubert", "Lac-Brisé", "Rivière-Claire", "Sainte-Odile", "Beaupin"]
TOWNS_US = ["Marlow", "Pike Falls", "Copperton", "Harlan Ridge", "Elmsworth"]
STREETS_DE = ["Lindenweg", "Birkenstraße", "Am Weiher", "Mühlgasse", "Eichenallee"]
STREETS_FR = ["rue des Saules", "rang Sainte-Anne", "chemin du Lac", "boul. Saint-Denis",
              "avenue Laurier"]
SITES_US = ["Maple Crest Rehab", "Sunrise Home Health", "Birch Hollow Assisted Living",
            "Willow Glen Care", "Cedar Point Nursing Home"]
HOSP = ["Mercy Hospital", "St. Jude Medical Center", "Lakeside General Hospital",
        "Riverbend Regional", "Holloway Memorial Hospital"]
CJK = ["田中 太郎", "佐藤 花子", "이서연", "김민준", "राहुल शर्मा", "प्रिया", "王 小明"]
KIN = ["wife", "husband", "daughter", "son", "mother", "father", "sister", "brother"]
KIN_DE = ["Tochter", "Sohn", "Ehefrau", "Ehemann", "Nichte", "Schwester"]
KIN_FR = ["fille", "fils", "épouse", "mari", "sœur"]
WD_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Mon", "Tue", "Wed", "Thu",
         "Fri", "Sat", "Sun"]
WD_DE = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"]
WD_FR = ["lundi", "mardi", "mercredi", "jeudi", "vendredi"]
MOIS = ["janvier", "février", "avril", "juin", "octobre", "mars"]
MEDS = ["paracetamol 1 g", "enoxaparin 40 mg", "metoprolol 25", "ramipril 5", "amoxicillin 500"]
LABS = ["Hb", "K", "INR", "Lactate", "Creat", "Mg"]


def pick(xs):  # type: ignore[no-untyped-def]
    return RNG.choice(xs)


def digits(n: int) -> str:
    return "".join(str(RNG.randint(0, 9)) for _ in range(n))


def name() -> str:
    return f"{pick(FIRST)} {pick(LAST)}"


def enc(s: str) -> str:
    out = []
    for ch in s:
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode())
    return "".join(out)


# ---- positives -------------------------------------------------------------------------
def tracking(n: Note) -> None:
    n.add(pick(["Family in waiting lounge. ", "Volunteer desk: ", "Kiosk: family of pt, "]))
    n.add(pick(["Code ", "tracking # ", "code ", "family of "]))
    n.phi_(pick([digits(4), f"{digits(2)}-{digits(3)}", f"QRT {digits(4)}"]), "OTHERID")
    n.add(pick([" in OR.", " now in PACU.", " pt moved to recovery."]))


def fhir(n: Note) -> None:
    given, family = pick(FIRST), pick(LAST)
    n.add('{"resourceType": "Patient", "name": [{"use": "official", "family": "')
    n.phi_(family, "NAME").add('", "given": ["').phi_(given, "NAME").add('"]}], "gender": "')
    n.add(pick(["female", "male"]) + '"}')


def fhir_ref(n: Note) -> None:
    n.add('{"resourceType": "Encounter", "subject": {"reference": "Patient/')
    n.phi_(digits(5), "ID").add('", "display": "').phi_(name(), "NAME").add('"}}')


def kin_of(n: Note) -> None:
    n.add(pick(["Spoke with ", "Pager to the ", "Called "]) + pick(KIN) + " of ")
    n.phi_(pick(LAST), "NAME").add(pick([" re consent.", ", updated.", " at bedside."]))


def url(n: Note) -> None:
    n.add("Link: https://portal.example/view?ref%3DA-1%26")
    key = pick(["pt", "name", "patient", "phone", "tel"])
    if key in ("phone", "tel"):
        val = enc(f"555-{digits(3)}-{digits(4)}")
        n.add(f"{key}%3D").phi_(val, "PHONE")
    else:
        n.add(f"{key}%3D").phi_(enc(f"{pick(LAST)}, {pick(FIRST)}"), "NAME")
    n.add("%26room%3D4 opened.")


def particle(n: Note) -> None:
    n.add(pick(["Pt ", "pt ", "Patient "])).phi_(pick(FIRST), "NAME").add(" ")
    n.phi_(f"{pick(PARTICLES)} {pick(LAST)}", "NAME")
    age = pick([" 92|, from home.", " 94| in bay 3.", " ninety-one|, frail.", ", 93|, admitted."])
    lead, tail = age.split("|")
    sep = ", " if lead.startswith(",") else " "
    n.add(sep).phi_(lead[len(sep):], "AGE").add(tail)


def script_list(n: Note) -> None:
    n.add("Visitors list for bed 6: ")
    for k in range(1, RNG.randint(2, 4)):
        n.add(f"{k}) ").phi_(pick(CJK), "NAME").add(" ")
    n.add(f"{k + 1}) chaplain")


def de_addr(n: Note) -> None:
    n.add(pick(["wohnhaft ", "Anschrift: ", "Adresse "]))
    n.phi_(f"{pick(STREETS_DE)} {RNG.randint(1, 90)}, {digits(5)} {pick(TOWNS_DE)}", "ADDRESS")
    n.add(pick([". Versorgt durch Tochter.", ".", "; Hausarzt informiert."]))


def de_home(n: Note) -> None:
    n.add("Aufnahme aus dem ").phi_(f"Pflegeheim Haus {pick(['Morgenrot', 'Lindenhof'])}",
                                     "LOCATION")
    n.add(", ").phi_(pick(TOWNS_DE), "LOCATION").add(".")


def de_date(n: Note) -> None:
    n.add("Wiedervorstellung ").phi_(f"{pick(WD_DE)}, {RNG.randint(1, 28)}.{RNG.randint(1, 12)}.",
                                     "DATE")
    n.add(pick([" in der Ambulanz.", ", nüchtern.", "."]))


def de_phone(n: Note) -> None:
    n.add(f"{pick(KIN_DE)} {pick(FIRST)} erreichbar unter ")
    n.phi_(f"0{RNG.randint(2, 9)}{digits(2)} 555{digits(4)}", "PHONE").add(".")


def de_age(n: Note) -> None:
    n.add(pick(["Pat. ", "Patientin, "])).phi_(f"{RNG.randint(90, 99)}", "AGE")
    n.add(" J." + pick([", Sturz zuhause.", ", AZ reduziert."]))


def fr_addr(n: Note) -> None:
    n.add("Adresse : ").phi_(f"{RNG.randint(2, 980)} {pick(STREETS_FR)}, {pick(TOWNS_FR)}",
                            "ADDRESS")
    n.add(pick([". Vit seule.", "."]))


def fr_site(n: Note) -> None:
    n.add("Transfert de l'").phi_(f"Hôpital de {pick(TOWNS_FR)}", "LOCATION").add(".")


def fr_date(n: Note) -> None:
    n.add("RDV ").phi_(f"{pick(WD_FR)} {RNG.randint(2, 28)} {pick(MOIS)}", "DATE")
    n.add(pick([" à 9h.", ", à jeun.", "."]))


def ramq(n: Note) -> None:
    n.add(pick(["RAMQ ", "NAM: ", "carte soleil "]))
    n.phi_(f"{pick(['GAGM', 'TREP', 'PELS'])} {digits(4)} {digits(4)}", "HEALTHPLAN")
    n.add(pick([" vérifiée.", ", exp. 2027.", "."]))


def county(n: Note) -> None:
    place = f"{pick(['Pike', 'Coal Run', 'Bexley'])} County"
    n.add(pick(["Family from ", "Lives in "])).phi_(place, "LOCATION").add(".")


def us_site(n: Note) -> None:
    n.add(pick(["Discharge to ", "Referred to agency ", "Resides at "]))
    n.phi_(pick(SITES_US), "LOCATION").add(", ").phi_(pick(TOWNS_US), "LOCATION").add(".")


def weekday_date(n: Note) -> None:
    n.add(pick(["Clinic ", "Seen ", "Next dressing "]))
    n.phi_(f"{pick(WD_EN)} {RNG.randint(1, 12)}/{RNG.randint(1, 28)}", "DATE")
    n.add(pick([".", ", stable.", " at 0900."]))


def trunk(n: Note) -> None:
    n.add(f"{pick(['Daughter', 'Son', 'Wife', 'Handy'])} ")
    n.phi_(f"0{RNG.randint(2, 9)}{digits(2)} {digits(7)}", "PHONE").add(" if needed.")


def lookalike(n: Note) -> None:
    d = f"{RNG.randint(200, 989)}555{digits(4)}"
    d = d[:3] + "-" + d[3:6] + "-" + d[6:]
    d = d.replace("0", "O", 1).replace("1", "l", 1)
    if not any(c in "Ol" for c in d):
        d = d[:-1] + "O"
    n.add(pick(["call ", "contact ", "phone "])).phi_(d, "PHONE").add(" after 5.")


def transfer(n: Note) -> None:
    n.add(pick(["Transferred from ", "Arrived from ", "Discharged to "]))
    n.phi_(pick(HOSP), "LOCATION").add(", ").phi_(pick(TOWNS_US), "LOCATION").add(".")


POS_MAKERS: list[Callable[[Note], None]] = [
    tracking, fhir, fhir_ref, kin_of, url, particle, script_list, de_addr, de_home, de_date,
    de_phone, de_age, fr_addr, fr_site, fr_date, ramq, county, us_site, weekday_date, trunk,
    lookalike, transfer]


# ---- hard negatives --------------------------------------------------------------------
def neg_weekday(n: Note) -> None:
    wd = pick(WD_EN)
    n.add(pick([f"Pain {wd} {RNG.randint(1, 9)}/10, improving.",
                f"{pick(LABS)} {wd} {RNG.randint(1, 9)}.{RNG.randint(1, 9)}.",
                f"Theatre {wd} 08:30, fasting from 02:00.",
                f"{wd} 3/4 doses given.", f"PT {wd}: walked 20 m x2."]))


def neg_lot(n: Note) -> None:
    n.add(pick([f"Lot 0{digits(3)} {digits(7)} used.", f"REF 0{digits(2)}-{digits(6)}.",
                f"ext {digits(4)}, pager {digits(5)}.", f"Bleep 0{digits(3)} 1{digits(5)}.",
                f"Charge 0{digits(3)} {digits(6)} dokumentiert."]))


def neg_rehab(n: Note) -> None:
    n.add(pick(["Refer to Cardiac Rehab.", "Plan: Inpatient Rehab then Home Care.",
                "Code Blue called 14:32, ROSC.", "CODE BLUE 1432, family notified.",
                "Family updated. Anaesthesia code 00840 billed.", "Station 4B aware."]))


def neg_german(n: Note) -> None:
    n.add(pick(["Patientin wach, orientiert, Kreislauf stabil.",
                "Dammriss 2. Grades versorgt, Blutung steht.",
                "Heparin 25000 IE über Perfusor, Laufrate 2 ml/h.",
                "Kalium 3.4 mmol/l, Substitution begonnen.",
                "Verlegung auf Station 4B, Zimmer 12."]))


def neg_french(n: Note) -> None:
    n.add(pick(["Acétaminophène 500 mg 2 co. q6h PRN.", "Suivi en Hôpital de Jour.",
                "Héparine 5000 unités s.c. bid.", "Voie orale reprise, 1 comprimé au coucher.",
                "Patiente transférée aux soins intensifs."]))


def neg_transfer(n: Note) -> None:
    n.add(pick(["Transferred from PACU to Ward 5.", "Transferred to ICU for monitoring.",
                "Transferred from Day Surgery.", "Sent to Day Surgery for review.",
                "Arrived from Recovery at 1500."]))


def neg_english(n: Note) -> None:
    n.add(pick([f"{pick(MEDS)} bd Held for HR 50.", "Son 1415 rang Recovery, asked for update.",
                "Sister of Proband tested.", "mother of two, lives alone.",
                "sat 1/2 hour in chair."]))


NEG_MAKERS: list[Callable[[Note], None]] = [
    neg_weekday, neg_lot, neg_rehab, neg_german, neg_french, neg_transfer, neg_english]


def main() -> None:
    emit(RNG, POS_MAKERS, NEG_MAKERS, "g5", 32)


if __name__ == "__main__":
    main()
