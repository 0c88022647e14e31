"""attack30b: notes in machine and semi-structured shapes (a test tool).

    python bench/deid_diff/gen3.py 30000 SEED > /tmp/notes.jsonl

Same record as gen.py ({"id", "text", "phi": [[s, e, cat]], "neutral": [[s, e]]}): CSV rows
with and without headers, pipe/tab tables, key=value log lines and URL queries (%XX, '+'),
XML/HTML fragments (elements, attributes, quotes, entities), SQL INSERT/UPDATE/SELECT with
'' escapes, JSON objects (nested), vCard/iCalendar (folded lines), HL7-like segments, and
prose around them. Names of many origins, dictionary-word names (Hope, Mark, Strong, Day),
weekday-like names (Sun, Thu, Tue), particles; dates of birth in every format (ISO 8601
with times too), ages over 89, phones, MRNs, zips, towns, emails, IPs. Hard negatives:
staff by role, drugs, devices, rooms, event timestamps, log levels, hostnames. Every word
list is invented for this tool.
"""

from __future__ import annotations

import json
import random
import sys
from urllib.parse import quote, quote_plus

from bench.deid_diff.gen import Note

GIVEN = ["Hope", "Mark", "Grace", "June", "Will", "Faith", "Rose", "Joy", "Summer", "Sunny",
         "Thu", "Tue", "Sun", "Mai", "Wren", "Ottilie", "Kwabena", "Yusra", "Dagny", "Ignatius",
         "Xiadani", "Oluwaseun", "Radomir", "Siobhan", "Tatsuya", "Anahera", "Bertil", "Zofia",
         "Hamid", "Leilani", "Ngozi", "Pita", "Ilse", "Rafferty", "Marisol", "Teodor"]
LAST = ["Hope", "Mark", "Strong", "Young", "Day", "Monday", "Friday", "Sun", "Winter", "Rich",
        "Little", "Bird", "Fox", "Stone", "Love", "Bell", "Moss", "Lake", "Snow", "March",
        "Quorvale", "Okonkwo-Bright", "Vashchenko", "Tanaka-Reyes", "Brisbane", "Halvorsen",
        "Ngata", "Obuya", "Pellegrino", "Zawadzki", "Feldmann", "Achterberg", "Iwu",
        "O'Rourke", "D'Amato", "McAllister", "Nakamura", "Srivastava", "Thibodeaux"]
PARTICLES = ["van der", "de la", "von", "de", "da", "di", "bin", "al", "ter", "Mac", "dos"]
TOWNS = ["Fernhollow", "Quarry Bend", "Little Harrow", "Oakmere", "Brackwater", "Elmsby",
         "Hope Springs", "Fairday", "Kettering Falls", "Saltmarsh", "Millhaven", "Grayport"]
STREETS = ["Wren", "Larch", "Quarry", "Hope", "Kestrel", "Tamarack", "Birch", "Harrow"]
STATES2 = ["WA", "OR", "CA", "NY", "TX", "ME", "PA", "OH", "FL", "MN"]
ROLES = ["circulator", "scrub", "CRNA", "attending", "resident", "anesthesia", "charge RN",
         "surgeon", "fellow", "PA-C", "tech", "RN"]
DRUGS = ["cefazolin 2 g", "propofol 200 mg", "fentanyl 100 mcg", "ondansetron 4 mg",
         "vancomycin 1 g", "rocuronium 50 mg", "heparin 5000 units", "ketorolac 30 mg",
         "dexamethasone 8 mg", "sugammadex 200 mg", "Ancef", "Zofran", "Toradol", "Decadron"]
DEVICES = ["Foley 16Fr", "Bair Hugger", "Bovie", "da Vinci Xi", "C-arm", "LMA 4",
           "Mayo stand", "tourniquet", "Stryker drill", "Hemovac", "Jackson-Pratt"]
ROOMS = ["OR 3", "OR-12", "PACU bay 4", "Room 7", "Cysto 2", "Hybrid OR", "Main OR 5"]
HOSTS = ["or-app-01.internal", "deid-gw-2", "hl7-feed-a", "sched-db.prod", "pacs03"]
LEVELS = ["INFO", "WARN", "DEBUG", "ERROR", "TRACE"]
PROCS = ["lap chole", "TKA left", "R THA", "ORIF radius", "appy", "hernia repair", "cysto",
         "CABG x2", "TURP", "carpal tunnel release"]

RNG = random.Random(30)


def pick(xs):  # type: ignore[no-untyped-def]
    return RNG.choice(xs)


def digits(n: int) -> str:
    return "".join(str(RNG.randint(0, 9)) for _ in range(n))


def person() -> tuple[str, str]:
    first, last = pick(GIVEN), pick(LAST)
    if RNG.random() < 0.15:
        last = pick(PARTICLES) + " " + last
    return first, last


def dob() -> str:
    y, m, d = RNG.randint(1921, 1999), RNG.randint(1, 12), RNG.randint(1, 28)
    hh, mm, ss = RNG.randint(0, 23), RNG.randint(0, 59), RNG.randint(0, 59)
    return pick([f"{y}-{m:02d}-{d:02d}", f"{y}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}:{ss:02d}Z",
                 f"{y}-{m:02d}-{d:02d}T00:00:00", f"{y}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}",
                 f"{y}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}:{ss:02d}.000+00:00",
                 f"{y}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}:{ss:02d}-05:00",
                 f"{m}/{d}/{y}", f"{m:02d}/{d:02d}/{str(y)[2:]}", f"{d:02d}.{m:02d}.{y}",
                 f"{y}{m:02d}{d:02d}", f"{d} {pick(['Jan', 'Mar', 'Jul', 'Oct'])} {y}",
                 f"{y}/{m:02d}/{d:02d}", f"{d:02d}-{m:02d}-{y}"])


def iso_event() -> str:
    return (f"2026-{RNG.randint(1, 12):02d}-{RNG.randint(1, 28):02d}T"
            f"{RNG.randint(0, 23):02d}:{RNG.randint(0, 59):02d}:{RNG.randint(0, 59):02d}Z")


def phone() -> str:
    return pick([f"({digits(3)}) {digits(3)}-{digits(4)}", f"{digits(3)}-{digits(3)}-{digits(4)}",
                 f"{digits(3)}.{digits(3)}.{digits(4)}", f"+1 {digits(3)} {digits(3)} {digits(4)}"])


def email(first: str, last: str) -> str:
    tail = digits(2)
    box = pick(["mail.com", "inbox.org", "web.net"])
    return f"{first.lower()}.{last.lower().replace(' ', '')}{tail}@{box}"


def ip() -> str:
    a, b, c = RNG.randint(11, 223), RNG.randint(0, 255), RNG.randint(0, 255)
    return f"{a}.{b}.{c}.{RNG.randint(1, 254)}"


def age() -> str:
    return str(RNG.randint(90, 104))


FIELDS = ["name", "dob", "mrn", "phone", "zip", "city", "age", "email", "ip", "nok"]
KEYS = {"name": ["name", "pt_name", "patientName", "patient", "pt", "full_name", "fn"],
        "dob": ["dob", "birthDate", "dateOfBirth", "date_of_birth", "dob_ts", "birth_dt",
                "DOB", "bday", "dob_iso", "birthTime"],
        "mrn": ["mrn", "MRN", "patient_id", "mrn_no"],
        "phone": ["phone", "tel", "mobile", "home_phone", "cell"],
        "zip": ["zip", "postal_code", "zipcode"],
        "city": ["city", "town", "home_town"],
        "age": ["age", "pt_age", "age_yrs"],
        "email": ["email", "contact_email"],
        "ip": ["ip", "client_ip", "patient_ip", "src_ip"],
        "nok": ["nok", "next_of_kin", "emergency_contact", "mother", "wife", "guardian"]}
CATS = {"name": "NAME", "dob": "DATE", "mrn": "MRN", "phone": "PHONE", "zip": "ZIP",
        "city": "LOCATION", "age": "AGE", "email": "EMAIL", "ip": "IP", "nok": "NAME"}


def record() -> list[tuple[str, str, str | None]]:
    """(key, value, category or None) fields of one patient's record, with negatives."""
    first, last = person()
    out: list[tuple[str, str, str | None]] = []
    for f in RNG.sample(FIELDS, RNG.randint(2, 6)):
        key = pick(KEYS[f])
        v = {"name": lambda: pick([f"{first} {last}", f"{last}, {first}",
                                   f"{last.upper()}^{first.upper()}", first, last,
                                   f"{first.lower()} {last.lower()}"]),
             "dob": dob, "mrn": lambda: pick([digits(7), "MRN" + digits(6), digits(8)]),
             "phone": phone, "zip": lambda: digits(5), "city": lambda: pick(TOWNS), "age": age,
             "email": lambda: email(first, last), "ip": ip,
             "nok": lambda: f"{pick(GIVEN)} {last}"}[f]()
        out.append((key, v, CATS[f]))
    for _ in range(RNG.randint(0, 3)):  # hard negatives
        k = RNG.randint(0, 7)
        out.append([("room", pick(ROOMS), None), ("drug", pick(DRUGS), None),
                    ("device", pick(DEVICES), None), ("ts", iso_event(), None),
                    ("level", pick(LEVELS), None), ("host", pick(HOSTS), None),
                    ("proc", pick(PROCS), None), ("role", pick(ROLES), None)][k])
    RNG.shuffle(out)
    return out


def put(n: Note, v: str, cat: str | None) -> None:
    if cat:
        n.phi_(v, cat)
    else:
        n.add(v)


def csv_(n: Note) -> None:
    rec = record()
    sep = pick([",", ";", "\t", "|", " | "])
    if RNG.random() < 0.6:
        n.add(sep.join(k for k, _v, _c in rec) + "\n")
    for j, (_k, v, c) in enumerate(rec):
        if j:
            n.add(sep)
        q = '"' if (sep.strip() in ("", ",") and ("," in v or RNG.random() < 0.3)) else ""
        n.add(q)
        put(n, v.replace('"', '""'), c)
        n.add(q)
    if RNG.random() < 0.5:  # a second row
        n.add("\n")
        for j, (_k, v, c) in enumerate(record()[:len(rec)]):
            if j:
                n.add(sep)
            q = '"' if "," in v else ""
            n.add(q)
            put(n, v, c)
            n.add(q)


def table(n: Note) -> None:
    rows = [record() for _ in range(RNG.randint(1, 3))]
    width = min(len(r) for r in rows)
    head = RNG.random() < 0.5
    if head:
        n.add("| " + " | ".join(k for k, _v, _c in rows[0][:width]) + " |\n")
        if RNG.random() < 0.5:
            n.add("|" + "---|" * width + "\n")
    for r in rows:
        n.add("| ")
        for j, (_k, v, c) in enumerate(r[:width]):
            if j:
                n.add(" | ")
            put(n, v, c)
        n.add(" |\n")


def kv(n: Note) -> None:
    rec = record()
    if RNG.random() < 0.6:
        n.add(f"{iso_event()} {pick(LEVELS)} {pick(HOSTS)} ")
    sep = pick([" ", " ", ", ", "; ", "&"])
    for j, (k, v, c) in enumerate(rec):
        if j:
            n.add(sep)
        n.add(k + "=")
        q = pick(['"', "", ""]) if " " not in v else pick(['"', "'", ""])
        n.add(q)
        put(n, v, c)
        n.add(q)


def url(n: Note) -> None:
    rec = record()
    n.add(pick(["GET ", "redirect to ", "link: ", "", "POST "]))
    n.add(f"https://{pick(HOSTS)}/portal/{pick(['intake', 'lookup', 'chart'])}?")
    for j, (k, v, c) in enumerate(rec):
        if j:
            n.add("&")
        n.add(k + "=")
        put(n, quote_plus(v) if RNG.random() < 0.5 else quote(v, safe=""), c)
    n.add(pick(["", " HTTP/1.1 200", " -> 302"]))


def xml(n: Note) -> None:
    rec = record()
    root = pick(["patient", "record", "Case", "pt", "subject", "intake"])
    n.add(f"<{root}>")
    for k, v, c in rec:
        ev = v.replace("&", "&amp;").replace("'", "&#39;" if RNG.random() < 0.5 else "&apos;")
        style = RNG.randint(0, 3)
        if style == 0:
            n.add(f"<{k}>")
            put(n, ev, c)
            n.add(f"</{k}>")
        elif style == 1:
            q = pick(['"', "'"])
            n.add(f"<{k} value={q}")
            put(n, ev, c)
            n.add(f"{q}/>")
        elif style == 2:
            n.add(f'<field name="{k}">')
            put(n, ev, c)
            n.add("</field>")
        else:
            n.add(f'<input name="{k}" value="')
            put(n, ev, c)
            n.add('">')
        n.add(pick(["", "\n", "\n  "]))
    n.add(f"</{root}>")


def sql_(n: Note) -> None:
    rec = record()
    table_ = pick(["patients", "pt", "cases", "intake", "or_cases"])
    esc = [(k, v.replace("'", "''"), c) for k, v, c in rec]
    k = RNG.randint(0, 2)
    if k == 0:
        n.add(f"INSERT INTO {table_} (" + ", ".join(x for x, _v, _c in esc) + ") VALUES (")
        for j, (_x, v, c) in enumerate(esc):
            if j:
                n.add(", ")
            n.add("'")
            put(n, v, c)
            n.add("'")
        n.add(");")
    elif k == 1:
        n.add(f"UPDATE {table_} SET ")
        for j, (x, v, c) in enumerate(esc[:-1] or esc):
            if j:
                n.add(", ")
            n.add(f"{x} = '")
            put(n, v, c)
            n.add("'")
        if len(esc) > 1:
            x, v, c = esc[-1]
            n.add(f" WHERE {x} = '")
            put(n, v, c)
            n.add("';")
    else:
        x, v, c = esc[0]
        n.add(f"SELECT * FROM {table_} WHERE {x} = '")
        put(n, v, c)
        n.add("'")
        for x, v, c in esc[1:3]:
            n.add(f" AND {x}='")
            put(n, v, c)
            n.add("'")
        n.add(";")


def json_(n: Note) -> None:
    rec = record()
    sp = pick(["", " "])
    n.add("{" + sp + '"resourceType":' + sp + '"Patient",' + sp)
    nest = RNG.random() < 0.5
    if nest:
        n.add('"patient":' + sp + "{" + sp)
    for j, (k, v, c) in enumerate(rec):
        if j:
            n.add("," + sp)
        n.add(f'"{k}":{sp}"')
        put(n, v.replace('"', '\\"'), c)
        n.add('"')
    if nest:
        n.add(sp + "}")
    n.add(sp + "}")


def vcard(n: Note) -> None:
    first, last = person()
    n.add("BEGIN:VCARD\nVERSION:3.0\nN:")
    n.phi_(last, "NAME")
    n.add(";")
    n.phi_(first, "NAME")
    n.add(";;;\nFN:")
    n.phi_(f"{first} {last}", "NAME")
    n.add("\n")
    if RNG.random() < 0.7:
        n.add(pick(["BDAY:", "BDAY;VALUE=date:", "BDAY;VALUE=date-time:"]))
        n.phi_(dob(), "DATE")
        n.add("\n")
    if RNG.random() < 0.6:
        n.add("TEL;TYPE=home:")
        n.phi_(phone(), "PHONE")
        n.add("\n")
    if RNG.random() < 0.6:
        n.add(";;".join(["ADR;TYPE=home:", ""]))
        n.phi_(f"{RNG.randint(1, 999)} {pick(STREETS)} St", "ADDRESS")
        n.add(";")
        n.phi_(pick(TOWNS), "LOCATION")
        n.add(f";{pick(STATES2)};")
        n.phi_(digits(5), "ZIP")
        n.add(";USA\n")
    if RNG.random() < 0.5:
        n.add("EMAIL:")
        e = email(first, last)
        if len(e) > 20 and RNG.random() < 0.5:  # a folded line
            cut = RNG.randint(5, len(e) - 5)
            n.phi_(e[:cut], "EMAIL")
            n.add("\n ")
            n.phi_(e[cut:], "EMAIL")
        else:
            n.phi_(e, "EMAIL")
        n.add("\n")
    if RNG.random() < 0.4:
        n.add("NOTE:")
        n.phi_(age(), "AGE")
        n.add(pick([", lives alone", " y/o", ", DNR"]) + "\n")
    n.add("END:VCARD")


def ical(n: Note) -> None:
    first, last = person()
    n.add(f"BEGIN:VEVENT\nDTSTART:2026{digits(4)}T073000\nSUMMARY:{pick(PROCS)} - ")
    n.phi_(f"{last}, {first}" if RNG.random() < 0.5 else f"{first} {last}", "NAME")
    n.add(f"\nLOCATION:{pick(ROOMS)}\n")
    if RNG.random() < 0.5:
        n.add("DESCRIPTION:MRN ")
        n.phi_(digits(7), "MRN")
        n.add(" DOB ")
        n.phi_(dob(), "DATE")
        n.add("\n")
    if RNG.random() < 0.4:
        n.add("ATTENDEE;CN=")
        n.phi_(f"{first} {last}", "NAME")
        n.add(":mailto:")
        n.phi_(email(first, last), "EMAIL")
        n.add("\n")
    n.add(f"ORGANIZER;CN=OR Scheduling:mailto:sched@{pick(HOSTS)}\nEND:VEVENT")


def hl7(n: Note) -> None:
    first, last = person()
    n.add(f"MSH|^~\\&|ORCAST|OR|ADT|HOSP|2026{digits(8)}||ADT^A04|{digits(6)}|P|2.5\r")
    n.add("PID|1||")
    n.phi_(digits(7), "MRN")
    n.add("^^^HOSP^MR||")
    n.phi_(f"{last.upper()}^{first.upper()}", "NAME")
    n.add("||")
    y, m, d = RNG.randint(1921, 1999), RNG.randint(1, 12), RNG.randint(1, 28)
    n.phi_(pick([f"{y}{m:02d}{d:02d}", dob()]), "DATE")
    n.add("|F|||")
    n.phi_(f"{RNG.randint(1, 999)} {pick(STREETS)} Ave", "ADDRESS")
    n.add("^^")
    n.phi_(pick(TOWNS), "LOCATION")
    n.add(f"^{pick(STATES2)}^")
    n.phi_(digits(5), "ZIP")
    n.add("||")
    n.phi_(phone(), "PHONE")
    if RNG.random() < 0.5:
        n.add("\rNK1|1|")
        n.phi_(f"{last.upper()}^{pick(GIVEN).upper()}", "NAME")
        n.add("|SPO^Spouse|")


def prose(n: Note) -> None:
    k = RNG.randint(0, 7)
    first, last = person()
    if k == 0:
        n.add(pick(["Pt ", "Patient ", "pt "]))
        n.phi_(f"{first} {last}", "NAME")
        n.add(f", {pick(['DOB', 'dob', 'born', 'DOB (ISO)', 'Geburtsdatum:'])} ")
        n.phi_(dob(), "DATE")
        n.add(f", here for {pick(PROCS)}.")
    elif k == 1:
        n.add(pick(["Daughter ", "Son ", "Wife ", "HCP "]))
        n.phi_(f"{first} {last}", "NAME")
        n.add(" at ")
        n.phi_(phone(), "PHONE")
        n.add(".")
    elif k == 2:
        n.add("Pt is ")
        n.phi_(age(), "AGE")
        n.add(" y/o, lives in ")
        n.phi_(pick(TOWNS), "LOCATION")
        n.add(".")
    elif k == 3:
        role, drug = pick(ROLES).capitalize(), pick(DRUGS)
        n.add(f"{role} gave {drug} at {RNG.randint(7, 17):02d}:{RNG.randint(0, 59):02d}"
              f" in {pick(ROOMS)}; {pick(DEVICES)} placed.")
    elif k == 4:
        n.add(f"[{iso_event()}] {pick(LEVELS)} {pick(HOSTS)}: case synced for {pick(ROLES)}.")
    elif k == 5:
        n.add("Emailed ")
        n.phi_(email(first, last), "EMAIL")
        n.add(" from ")
        n.phi_(ip(), "IP")
        n.add(".")
    elif k == 6:
        n.add("MRN ")
        n.phi_(digits(7), "MRN")
        n.add(", zip ")
        n.phi_(digits(5), "ZIP")
        n.add(".")
    else:
        n.add(f"Turnover {pick(ROOMS)} {RNG.randint(10, 59)} min; {pick(ROLES)} relieved.")


def negative(n: Note) -> None:
    """A PHI-free machine record."""
    k = RNG.randint(0, 4)
    if k == 0:
        n.add(f"{iso_event()} {pick(LEVELS)} {pick(HOSTS)} room={pick(ROOMS).replace(' ', '_')} "
              f"event={pick(['in_room', 'incision', 'close', 'out'])} user=svc_or")
    elif k == 1:
        n.add("| Room | Role | Drug |\n|---|---|---|\n"
              f"| {pick(ROOMS)} | {pick(ROLES)} | {pick(DRUGS)} |")
    elif k == 2:
        n.add(f"INSERT INTO drug (name, dose) VALUES ('{pick(DRUGS)}', '{RNG.randint(1, 9)}');")
    elif k == 3:
        ts, room = iso_event(), pick(ROOMS)
        n.add(f'<event ts="{ts}" room="{room}"><device>{pick(DEVICES)}</device></event>')
    else:
        n.add(f'{{"level": "{pick(LEVELS)}", "host": "{pick(HOSTS)}", "ts": "{iso_event()}", '
              f'"msg": "{pick(ROLES)} timeout done"}}')


PIECES = [(csv_, 3), (table, 3), (kv, 3), (url, 2), (xml, 3), (sql_, 3), (json_, 3),
          (vcard, 2), (ical, 1), (hl7, 1), (prose, 3)]


def make(i: int) -> dict:
    n = Note()
    with_phi = RNG.random() < 0.85
    for j in range(RNG.randint(1, 3)):
        if j:
            n.add(pick(["\n", "\n\n", " ", ". "]))
        if not with_phi or RNG.random() < 0.15:
            negative(n)
        else:
            fns, ws = zip(*PIECES, strict=True)
            RNG.choices(fns, weights=ws)[0](n)
    return {"id": i, "text": n.text, "phi": n.phi, "neutral": n.neutral}


def main() -> None:
    global RNG
    count = int(sys.argv[1])
    RNG = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 30)
    for i in range(count):
        print(json.dumps(make(i), ensure_ascii=False))


if __name__ == "__main__":
    main()
