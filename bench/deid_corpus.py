"""Seeded generator of labelled synthetic OR notes for the de-identification evaluator.

    python bench/deid_corpus.py [--n 1200] [--seed 20240611] [--out tests/data/deid_corpus.jsonl]

Written from the HIPAA Safe Harbor list and from the way OR coordinators type
(fast, abbreviated, sometimes lower case, with typos), *before* the engine: the
name pools below are hand-written and deliberately not drawn from the engine's
lexicons (some names are in no lexicon at all, so only the case identifiers or a
context cue can find them). Every value is fictitious; phone numbers use 555.

Each line: {"id", "text", "case": {"patient_names", "mrn", "dob"},
"entities": [{"start", "end", "category"}]}. Entity spans are minimal: for
"Mr. Smith" only "Smith", for "92 yo" only "92", for "MRN 1234567" only the number.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from collections.abc import Callable
from pathlib import Path

Piece = tuple[str, str | None]

FIRST = (
    "John Mary Robert Linda Michael Susan David Karen James Patricia Thomas Nancy "
    "Daniel Lisa Matthew Sandra Anthony Ashley Kevin Donna Brian Carol George Ruth "
    "Rose Mark Hope Bill Grace Will May Joy Faith Dawn Summer Hunter Iris Ivy Sky "
    "Priya Oluwaseun Siobhan Xiaoming Aoife Thanh Mehmet Joaquín Zoë Anaïs Björn "
    "Nkechi Ramón Yusuf Fatima Dmitri Ingrid Kwame Chiara Tariq Leilani Mateo "
    "Ebony Tyrone Keisha Dolores Earl Gladys Herbert Mildred Wendell Luz Guadalupe"
).split()
LAST = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez "
    "Wilson Anderson Taylor Moore Jackson Martin Lee Thompson White Harris Clark "
    "Rose Bell King Stone Young Long Hill Wood Nguyen Patel Kowalski Okafor "
    "O'Brien McAllister Van der Berg García Müller Hernández Al-Sayed Ng Li "
    "Abernathy Szczepański Oyelaran Fitzgerald-Hughes Delacroix Lindqvist Haddad "
    "Kaczmarek Nakamura Abernethy Oyelowo Brennan Castellanos Ferreira Papadopoulos "
    "Whitlock Pemberton Achebe Ivanova Tran Dubois Rasmussen Quispe Mbeki Yilmaz"
).split()
# "Van der Berg" got split above; rejoin particles.
LAST = [w for w in LAST if w not in ("Van", "der", "Berg")] + ["Van der Berg", "de la Cruz"]
STAFF_LAST = (
    "Okonkwo Alvarez Lindgren Brennan Haddad Kowalczyk Obi Delacroix Reyes Cho "
    "Feldman Osei Marchetti Sorensen Vance Whitaker Adeyemi Castillo Novak Park"
).split()
STAFF_FIRST = "Maria Jess Tom Ana Raj Keiko Sam Dana Omar Beth Luis Ngozi".split()
FAMILY_FIRST = "Linda Grace Mark Rose Will Joy Tom Eileen Marcus Aisha Pedro Mei Hope".split()
CITIES = [
    *(
        "Springfield Tacoma Fresno Toledo Dayton Albany Spokane Boise Tulsa Lancaster "
        "Bakersfield Chattanooga Worcester Scranton Duluth Savannah Provo Eugene"
    ).split(),
    *["San Diego", "St. Louis", "Fort Wayne", "El Paso", "Grand Rapids"],
]
STATES = "MA CA NY TX OH PA WA IL GA OR MN MI FL".split()
STREETS = "Maple Oak Pine Cedar Elm Washington Lake Hillcrest Sunset Park Ridge Birch".split()
SUFFIX = "St Street Ave Avenue Rd Road Blvd Lane Ln Dr Drive Ct Way".split()
MONTHS = (
    "January February March April May June July August September October November December"
).split()

PROCS = (
    "lap chole|Whipple|Nissen fundoplication|Roux-en-Y gastric bypass|open AAA repair|"
    "lap appy|Hartmann procedure|TKA|CABG x3|Lichtenstein hernia repair|robotic prostatectomy|"
    "sigmoid colectomy|thyroidectomy|Ivor Lewis esophagectomy|ex lap"
).split("|")
EPONYM_PHRASES = (
    "Kocher maneuver done|Pringle applied 15 min|Foley placed|Bovie on 30/30|"
    "Trendelenburg, Veress in|Hasson port placed|Calot's triangle cleared|"
    "Hartmann's pouch identified|Jackson-Pratt drain placed|Blake drain x2|"
    "Bookwalter retractor set|Balfour in|Deaver and Richardson retractors|"
    "Metzenbaum and DeBakey on field|Allis clamps x4|Babcock on appendix|"
    "Satinsky on IVC|Pfannenstiel incision|McBurney's point marked|Murphy's sign +|"
    "Mallampati 2|Glasgow 15|Apgar 8/9|Kelly clamps|Gelpi and Weitlaner in|"
    "Penrose around cord|Cobb elevator used|Crile on bleeder|Doyen clamp placed|"
    "Mayo scissors|Nissen wrap done|Whipple reconstruction started|Bassini repair"
).split("|")
VITALS = (
    "BP 120/80|BP 134/82, HR 72|HR 88 sinus|sats 98%|SpO2 97% on 2L|EBL 150 mL|EBL 1200 mL|"
    "temp 36.8|MAP 65|ETCO2 35|UOP 300 mL|pain 3/10|pain 7/10 in PACU|counts 10/10 correct|"
    "sponge count correct x2|GCS 15/15|strength 5/5|K 4.2|Hgb 10.4|INR 1.1|Plt 245|"
    "insufflation 15 mmHg|fentanyl 100 mcg|2 units PRBC|1/2 NS running|FiO2 40%|PEEP 5"
).split("|")
MEASURES = (
    "5-0 Prolene|3-0 Vicryl|2-0 silk ties|12 mm trocar|5 mm port|24 Fr chest tube|"
    "4 x 3 cm mass|0.5% Marcaine 20 mL|Ancef 2 g|10 mm Hasson|60 mm stapler load x3|"
    "size 7.5 ETT|18G IV x2|Da Vinci Xi docked|3 ports"
).split("|")


def _date(rng: random.Random, lo: int = 1925, hi: int = 2024) -> dt.date:
    return dt.date(rng.randint(lo, hi), rng.randint(1, 12), rng.randint(1, 28))


def _fmt_date(rng: random.Random, d: dt.date, *, with_year: bool | None = None) -> str:
    y = rng.random() < 0.6 if with_year is None else with_year
    m, mon, day = d.month, MONTHS[d.month - 1], d.day
    sfx = {1: "st", 2: "nd", 3: "rd"}.get(day if day < 20 else day % 10, "th")
    if y:
        return rng.choice(
            [
                f"{m:02d}/{day:02d}/{d.year}",
                f"{m}/{day}/{d.year}",
                f"{m}/{day}/{d.year % 100:02d}",
                f"{d.isoformat()}",
                f"{mon} {day}, {d.year}",
                f"{day} {mon[:3]} {d.year}",
                f"{m}-{day}-{d.year}",
                f"{m:02d}.{day:02d}.{d.year}",
                f"{mon[:3]}. {day} {d.year}",
            ]
        )
    return rng.choice(
        [
            f"{m}/{day}",
            f"{mon} {day}",
            f"{mon} {day}{sfx}",
            f"{day} {mon[:3]}",
            f"{mon[:3]} {day}",
            f"the {day}{sfx}",
        ]
    )


class Gen:
    def __init__(self, rng: random.Random) -> None:
        self.r = rng
        self.new_case()

    def new_case(self) -> None:
        r = self.r
        self.first, self.last = r.choice(FIRST), r.choice(LAST)
        self.mrn_value = str(r.randint(10**6, 10**10 - 1)).zfill(r.choice([7, 8, 9, 10]))
        self.dob_date = _date(r, 1925, 2010)

    def case(self) -> dict[str, object]:
        return {
            "patient_names": [f"{self.first} {self.last}"],
            "mrn": self.mrn_value,
            "dob": self.dob_date.isoformat(),
        }

    # ---- PHI slots: each returns pieces (text, category or None)
    def pt(self) -> list[Piece]:
        r, f, last = self.r, self.first, self.last
        k = r.random()
        if k < 0.15:
            return [(f, "NAME"), (" ", None), (last, "NAME")]
        if k < 0.25:
            return [(r.choice(["Mr. ", "Mrs. ", "Ms. ", "Mr ", "Ms "]), None), (last, "NAME")]
        if k < 0.33:
            return [(last, "NAME")]
        if k < 0.40:
            return [(last.lower(), "NAME")] if r.random() < 0.5 else [(f.lower(), "NAME")]
        if k < 0.47:
            return [(r.choice(["pt ", "patient "]), None), (f, "NAME")]
        if k < 0.53:
            return [(last + "'s", "NAME")]
        if k < 0.60:
            return [(f"{f[0]}.{last[0]}.", "NAME")]
        if k < 0.65:
            return [(f"{f[0]}{last[0]}".upper(), "NAME")]
        if k < 0.71:
            return [(f"{f[0]}. ", "NAME"), (last, "NAME")]
        if k < 0.76:
            return [(last.upper(), "NAME")]
        if k < 0.81:
            return [(last, "NAME"), (", ", None), (f, "NAME")]
        if k < 0.84 and len(last) > 4:  # transposition typo
            i = r.randint(1, len(last) - 3)
            typo = last[:i] + last[i + 1] + last[i] + last[i + 2 :]
            return [(typo, "NAME")]
        return [(f, "NAME")]

    def staff(self) -> list[Piece]:
        r = self.r
        k = r.random()
        if k < 0.5:
            return [
                (r.choice(["Dr. ", "Dr ", "dr ", "Doctor "]), None),
                (r.choice(STAFF_LAST), "NAME"),
            ]
        if k < 0.8:
            role = r.choice(["RN ", "circulator ", "CRNA ", "scrub tech ", "resident ", "PA "])
            return [(role, None), (r.choice(STAFF_FIRST), "NAME")]
        return [
            (r.choice(["attending ", "anesthesia: "]), None),
            (r.choice(STAFF_FIRST), "NAME"),
            (" ", None),
            (r.choice(STAFF_LAST), "NAME"),
        ]

    def fam(self) -> list[Piece]:
        r = self.r
        rel = r.choice(["wife", "husband", "daughter", "son", "mother", "brother", "sister"])
        name = r.choice(FAMILY_FIRST)
        if r.random() < 0.2:
            name = name.lower()
        return [(rel + " ", None), (name, "NAME")]

    def date(self) -> list[Piece]:
        return [(_fmt_date(self.r, _date(self.r, 2015, 2024)), "DATE")]

    def dob(self) -> list[Piece]:
        r = self.r
        lab = r.choice(["DOB ", "DOB: ", "dob ", "born ", "D.O.B. "])
        return [(lab, None), (_fmt_date(r, self.dob_date, with_year=True), "DATE")]

    def age90(self) -> list[Piece]:
        r = self.r
        a = str(r.randint(90, 104))
        form = r.choice(
            ["{} yo", "{}yo", "{} y/o", "{}-year-old", "aged {}", "age {}", "{} year old"]
        )
        pre, post = form.split("{}")
        return [(pre, None), (a, "AGE"), (post, None)]

    def _num(self, n: int) -> str:
        return "".join(str(self.r.randint(0, 9)) for _ in range(n))

    def phone(self) -> list[Piece]:
        a, b = self._num(3), self._num(4)
        s = self.r.choice(
            [
                f"(617) 555-{b}",
                f"617-555-{b}",
                f"{a}.555.{b}",
                f"+1 {a} 555 {b}",
                f"{a}555{b}",
                f"{a}-555-{b}",
            ]
        )
        return [
            (self.r.choice(["call ", "cb ", "phone ", "cell ", "reach wife at "]), None),
            (s, "PHONE"),
        ]

    def fax(self) -> list[Piece]:
        return [
            (self.r.choice(["fax ", "faxed to ", "Fax: "]), None),
            (f"{self._num(3)}-555-{self._num(4)}", "FAX"),
        ]

    def email(self) -> list[Piece]:
        user = self.r.choice(
            [self.last.lower().replace(" ", "").replace("'", ""), "jdoe", "famcontact"]
        )
        user = user.encode("ascii", "ignore").decode() or "pt"
        return [
            (
                f"{user}{self._num(2)}@{self.r.choice(['gmail.com', 'yahoo.com', 'mail.org'])}",
                "EMAIL",
            )
        ]

    def ssn(self) -> list[Piece]:
        lab = self.r.choice(["SSN ", "ssn: ", "SS# ", ""])
        val = (
            f"{self._num(3)}-{self._num(2)}-{self._num(4)}"
            if self.r.random() < 0.8
            else self._num(9)
        )
        return [(lab, None), (val, "SSN")]

    def mrn(self) -> list[Piece]:
        lab = self.r.choice(["MRN ", "MRN: ", "mrn#", "MR# ", "med rec ", "", ""])
        return [(lab, None), (self.mrn_value, "MRN")]

    def acct(self) -> list[Piece]:
        lab = self.r.choice(["acct ", "account # ", "billing acct no. ", "FIN "])
        return [(lab, None), (self.r.choice(["", "A-"]) + self._num(8), "ACCOUNT")]

    def hp(self) -> list[Piece]:
        lab = self.r.choice(["member ID ", "BCBS ID ", "Medicaid # ", "policy # ", "insurance id "])
        val = self.r.choice(["XJH", "W", "MCD", ""]) + self._num(9)
        return [(lab, None), (val, "HEALTHPLAN")]

    def lic(self) -> list[Piece]:
        lab = self.r.choice(["DL# ", "driver's license ", "license no. "])
        return [(lab, None), (self.r.choice("DSWK") + self._num(7), "LICENSE")]

    def dev(self) -> list[Piece]:
        lab = self.r.choice(["pacemaker serial ", "S/N ", "serial no. ", "implant SN: ", "UDI "])
        val = self.r.choice(
            [f"PJN{self._num(6)}H", f"{self._num(2)}X{self._num(5)}", f"0064316900{self._num(4)}"]
        )
        return [(lab, None), (val, "DEVICE")]

    def url(self) -> list[Piece]:
        tail = (
            self.last.lower().encode("ascii", "ignore").decode().replace(" ", "").replace("'", "")
        )
        v = self.r.choice(
            [
                f"https://www.caringbridge.org/visit/{tail}",
                f"www.gofundme.com/f/{tail}-surgery",
                f"http://portal.mercyhealth.org/pt/{self._num(5)}",
            ]
        )
        return [(v, "URL")]

    def ip(self) -> list[Piece]:
        r = self.r
        return [
            (r.choice(["from ip ", "IP ", "workstation "]), None),
            (
                f"{r.choice([10, 172, 192])}.{r.randint(0, 255)}."
                f"{r.randint(0, 255)}.{r.randint(1, 254)}",
                "IP",
            ),
        ]

    def addr(self) -> list[Piece]:
        r = self.r
        v = (f"{r.randint(1, 9999)} {r.choice(['', 'N ', 'West '])}"
             f"{r.choice(STREETS)} {r.choice(SUFFIX)}")
        if r.random() < 0.3:
            v += f" Apt {r.randint(1, 40)}{r.choice('AB')}"
        return [(r.choice(["lives at ", "home: ", "address "]), None), (v, "ADDRESS")]

    def city(self) -> list[Piece]:
        r = self.r
        c = r.choice(CITIES)
        k = r.random()
        if k < 0.4:
            return [(r.choice(["from ", "lives in ", "transferred from "]), None), (c, "LOCATION")]
        if k < 0.7:
            return [(c, "LOCATION"), (", " + r.choice(STATES), None)]
        return [(c, "LOCATION"), (", " + r.choice(STATES) + " ", None), (self._num(5), "ZIP")]

    def zip(self) -> list[Piece]:
        return [
            (self.r.choice(["zip ", "ZIP: "]), None),
            (self._num(5) + (f"-{self._num(4)}" if self.r.random() < 0.3 else ""), "ZIP"),
        ]

    def veh(self) -> list[Piece]:
        r = self.r
        if r.random() < 0.5:
            return [
                (r.choice(["plate ", "license plate ", "tag "]), None),
                (
                    f"{r.randint(1, 9)}"
                    f"{''.join(r.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(3))}"
                    f"{self._num(3)}",
                    "VEHICLE",
                ),
            ]
        vin = "1HGCM8" + "".join(r.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(11))
        return [("VIN ", None), (vin, "VEHICLE")]

    # ---- hard negatives (never PHI)
    def neg(self, kind: str) -> str:
        r = self.r
        if kind == "time":
            h, m = r.randint(6, 23), r.randint(0, 59)
            return r.choice(
                [
                    f"{h:02d}:{m:02d}",
                    f"{h:02d}{m:02d}",
                    f"{h % 12 or 12}:{m:02d}{r.choice(['am', 'pm', ' AM', ' PM'])}",
                    f"at {h:02d}{m:02d}",
                ]
            )
        if kind == "dur":
            return r.choice(
                [
                    f"T+{r.randint(5, 240)} min",
                    f"{r.randint(1, 6)}h{r.randint(0, 59):02d}m",
                    f"{r.randint(5, 90)} minutes",
                    f"{r.randint(1, 5)}.5 hrs",
                    "~20 min",
                ]
            )
        if kind == "year":
            return (
                r.choice(["lap chole in", "hx CABG", "prior hernia repair", "dx"])
                + f" {r.randint(1990, 2023)}"
            )
        if kind == "age":
            return r.choice(
                [
                    f"{r.randint(18, 89)} yo {r.choice('MF')}",
                    f"{r.randint(20, 89)}-year-old",
                    f"aged {r.randint(30, 89)}",
                    "age 89",
                ]
            )
        if kind == "room":
            return r.choice(
                [
                    f"OR {r.randint(1, 24)}",
                    f"PACU bay {r.randint(1, 12)}",
                    f"room {r.randint(1, 30)}",
                    f"bay {r.randint(1, 9)}",
                    f"ICU bed {r.randint(1, 20)}",
                ]
            )
        if kind == "vital":
            return r.choice(VITALS)
        if kind == "meas":
            return r.choice(MEASURES)
        if kind == "epon":
            return r.choice(EPONYM_PHRASES)
        if kind == "proc":
            return r.choice(PROCS)
        if kind == "word":
            return r.choice(
                [
                    "BP rose to 150 after induction",
                    "will close with staples",
                    "may need drain",
                    "hope to extubate in OR",
                    "mark the site",
                    "grace period ok",
                    "bill to OR budget",
                    "joy stick on robot recalibrated",
                    "Will reassess in PACU",
                    "May convert to open",
                ]
            )
        raise KeyError(kind)


PHI_TEMPLATES = [
    "{pt} in room {time}, {age} for {proc}.",
    "Time-out {time}: {pt}, {proc}, {dob}. {epon}.",
    "{pt} positioned supine, {epon}. {staff} scrubbed in {time}.",
    "Incision {time}. {staff} and {staff} at table. {vital}.",
    "Update for {fam}: {pt} stable, {vital}, {dur} so far. {phone}.",
    "{fam} in waiting room, {phone}. {pt} doing well.",
    "{pt} is {age90}, frail. {vital}, {meas}.",
    "{mrn} - {pt} - {proc} started {time}",
    "Anesthesia start {time}; {staff}. {pt} {mrn}.",
    "{pt} seen in clinic {date}, consented {date} for {proc}.",
    "Pre-op: {age90}, {dob}, {vital}. Lives alone in {city}.",
    "Family contact {email}, {fam}. {pt} out of room {time}.",
    "Closure {time}, {meas}, {epon}. Implant {dev}.",
    "Pacemaker interrogated, {dev}, rep {staff} present.",
    "Billing: {acct}, {hp}. {pt} {mrn}.",
    "Registration: {ssn}, {lic}. Patient {pt}.",
    "{pt} arrived from {city}; {addr}, {zip}.",
    "Transport: {fam} parked in garage, {veh}. {pt} to PACU {time}.",
    "Photos uploaded from {ip} to {url}. {pt} OK.",
    "Records {fax} {date}. {staff} reviewed.",
    "{pt} ({age90}) {proc}: {epon}, {vital}. {fam} updated {time}.",
    "{staff} called {fam} at {phone} {time}.",
    "{pt}, {dob}, {mrn}. {proc} in OR {n}.",
    "Specimen to path, labelled {pt} {mrn}. {meas}.",
    "{pt} tolerated well. {vital}. Out {time}. DOB {dobonly}",
    "pt {ptlow} extubated {time}, {vital}",
    "{epon}; {staff} asks {fam} to call {phone}",
    "Prior surgery {date} at outside hospital in {city}. {year}.",
    "Consent signed by {fam} on {date}, witness {staff}.",
    "{pt} {dob} {mrn} {age90}",
    "Started {time}. {word}. {pt}'s {fam} notified.",
    "Device check: {dev}. Rep {staff}. {meas}.",
    "{pt} (DOB {dobonly}) in {room}, {vital}.",
]
NEG_TEMPLATES = [
    "Patient in room {time}. {age} for {proc}. {vital}.",
    "Time-out completed {time}, site marked, Ancef given. {epon}.",
    "Incision {time}. {epon}. {meas}. {vital}.",
    "{proc} underway, {dur} in. {epon}. {vital}, {vital}.",
    "{word}. {vital}. {room}.",
    "Closure started {time}, {meas}, {epon}. {vital}.",
    "Out of room {time}, to {room}. {vital}. {dur} total.",
    "{age}, {year}. {proc} in {room}. {epon}.",
    "{epon}. {epon}. {meas}.",
    "Docked {time}, console {dur}. {word}.",
    "Pt stable, {vital}, {vital}. {word}.",
    "Anesthesia start {time}, {meas}, {vital}. {epon}.",
    "{proc}: {epon}, {epon}, EBL minimal. Counts correct x2.",
    "Specimen out {time}. {meas}. {word}. {room}.",
    "{vital}; {vital}; {dur}. {age}.",
]


def _build(g: Gen, template: str) -> tuple[str, list[dict[str, object]]]:
    pieces: list[Piece] = []
    pos = 0
    for m in re.finditer(r"\{(\w+)\}", template):
        pieces.append((template[pos : m.start()], None))
        pos = m.end()
        slot = m.group(1)
        phi: dict[str, Callable[[], list[Piece]]] = {
            "pt": g.pt,
            "staff": g.staff,
            "fam": g.fam,
            "date": g.date,
            "dob": g.dob,
            "age90": g.age90,
            "phone": g.phone,
            "fax": g.fax,
            "email": g.email,
            "ssn": g.ssn,
            "mrn": g.mrn,
            "acct": g.acct,
            "hp": g.hp,
            "lic": g.lic,
            "dev": g.dev,
            "url": g.url,
            "ip": g.ip,
            "addr": g.addr,
            "city": g.city,
            "zip": g.zip,
            "veh": g.veh,
        }
        if slot in phi:
            pieces.extend(phi[slot]())
        elif slot == "ptlow":
            pieces.append((g.last.lower(), "NAME"))
        elif slot == "dobonly":
            pieces.append((_fmt_date(g.r, g.dob_date, with_year=True), "DATE"))
        elif slot == "n":
            pieces.append((str(g.r.randint(1, 20)), None))
        else:
            pieces.append((g.neg(slot), None))
    pieces.append((template[pos:], None))
    text, ents, off = "", [], 0
    for s, cat in pieces:
        if cat is not None and s.strip():
            lead = len(s) - len(s.lstrip())
            core = s.strip()
            ents.append({"start": off + lead, "end": off + lead + len(core), "category": cat})
        text += s
        off += len(s)
    return text, ents


def _noise(r: random.Random, text: str, ents: list[dict[str, object]]) -> str:
    """Length-preserving typing noise: lower-casing or a transposition outside entities."""
    if r.random() < 0.12:
        low = text.lower()
        if len(low) == len(text):
            text = low
    if r.random() < 0.15:
        covered = {i for e in ents for i in range(int(str(e["start"])) - 1, int(str(e["end"])) + 1)}
        spots = [
            i
            for i in range(len(text) - 1)
            if text[i].isalpha()
            and text[i + 1].isalpha()
            and i not in covered
            and i + 1 not in covered
        ]
        if spots:
            i = r.choice(spots)
            text = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return text


def generate(n: int, seed: int) -> list[dict[str, object]]:
    r = random.Random(seed)
    g = Gen(r)
    rows: list[dict[str, object]] = []
    for i in range(n):
        if i % 6 == 0:
            g.new_case()
        if r.random() < 0.36:
            parts = [_build(g, r.choice(NEG_TEMPLATES)) for _ in range(r.randint(2, 4))]
        else:
            parts = [_build(g, r.choice(PHI_TEMPLATES)) for _ in range(r.choice([1, 1, 2]))]
            parts += [_build(g, r.choice(NEG_TEMPLATES)) for _ in range(r.randint(1, 3))]
            r.shuffle(parts)
        text, ents = "", []
        for t, es in parts:
            base = len(text) + (1 if text else 0)
            text = f"{text} {t}" if text else t
            ents += [
                {**e, "start": int(str(e["start"])) + base, "end": int(str(e["end"])) + base}
                for e in es
            ]
        text = _noise(r, text, ents)
        rows.append({"id": f"n{i:05d}", "text": text, "case": g.case(), "entities": ents})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=20240611)
    ap.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parents[1] / "tests/data/deid_corpus.jsonl",
    )
    a = ap.parse_args()
    rows = generate(a.n, a.seed)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    with a.out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    free = sum(1 for row in rows if not row["entities"])
    print(f"wrote {len(rows)} notes ({free} PHI-free) to {a.out}")


if __name__ == "__main__":
    main()
