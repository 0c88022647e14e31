"""attack28b: notes in the shapes the study14b/records rules read (a test tool).

    python bench/deid_diff/gen2.py 60000 SEED > /tmp/notes.jsonl

Same record as gen.py ({"id", "text", "phi": [[s, e, cat]], "neutral": [[s, e]]}): HL7 v2
segments (with and without MSH, CR or LF separators, typed inline), pipe/tab/CSV tables with
header rows (and tables naming no patient column), YAML-like blocks, a cued pair of everyday
words before a verb or an identifier label, staff quotes and portal questions holding a
name, towns after rides and sites, PO boxes, ages over 89 as answers or fields, weekday
dates, VP numbers, nicknames. Every word list is invented for this tool; gen.py's pieces
are mixed in.
"""

from __future__ import annotations

import json
import random
import sys

from bench.deid_diff import gen
from bench.deid_diff.gen import Note

# given names that are everyday words, surnames that are everyday words (not frequent
# surnames), invented surnames, invented towns (some everyday words)
WORD_GIVEN = ["Marigold", "Saffron", "Hazel", "Juniper", "Clover", "Sorrel", "Rowan", "Wren",
              "Ember", "Briar", "Linden", "Bramble", "Heath", "Story", "Sunny", "Ocean",
              "Summer", "Autumn", "Willow", "Meadow", "River", "Sky", "Bay", "Cliff", "Glen"]
WORD_LAST = ["Kettle", "Lark", "Thistle", "Bramble", "Larkspur", "Sparrow", "Pickle", "Button",
             "Ladle", "Gable", "Quill", "Tinder", "Furrow", "Hedge", "Mallow", "Spindle",
             "Puddle", "Candle", "Crumb", "Saddle", "Marrow", "Teasel", "Bracken", "Pebble"]
ODD_LAST = ["Quorlander", "Vexler", "Thistlewood", "Ostrander", "Brannock", "Pennebaker",
            "Zelinsky", "Oyelaran", "Haverbrook", "Castellanos", "Dreeve", "Ulvaeus"]
GIVEN = gen.FIRST + WORD_GIVEN
LAST = gen.LAST + WORD_LAST + ODD_LAST
TOWNS = ["Quincy", "Beloit", "Tahlequah", "Ogdensburg", "Pocatello", "Kenosha", "Yreka",
         "Elm Ridge", "Fox Hollow", "Millbrook", "Cedar Flats", "Harrowgate", "Brisk",
         "Stonebridge", "Marrowby", "Kestrel Point", "Ashdown", "Pike Crossing"]
STREETS = ["Birch", "Quarry", "Tamarack", "Elm", "Oak", "Larch", "Juniper", "Mill"]
VERBS = ["complained", "refused", "asked", "said", "walks", "needs", "was", "has", "fell",
         "wants", "called", "slept", "requested", "reports", "left", "is", "arrived"]
CASE_VERBS = ["booked", "scheduled", "delayed", "cancelled", "started"]
ROLES = ["Scrub", "Surgeon", "Circ", "Circulator", "Anesthesia", "RN", "CRNA", "Resident",
         "Attending", "Nurse", "Fellow", "Assistant"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
SITES = ["nursing home", "pharmacy", "facility", "employer", "boss at", "released to",
         "works at", "rehab at"]
SITE_NAMES = ["Larchmont Manor", "Greyfield Care", "Owlsbury Pharmacy", "Tiller & Sons",
              "Copperline Mill", "Bellweather Lodge"]
RIDES = ["taxi booked to", "driving down from", "ride home to", "bus back to",
         "flew in from", "family driving up from", "firm in", "lives in", "home in",
         "transfer to hospital in", "drove in from", "shuttle to", "train from"]
NICKS = ["Buck", "Chip", "Bubba", "Sunny", "Tiny", "Red", "Duke", "Peaches", "Scout",
         "Bear", "Pops", "Boots", "Ziggy", "Nan"]
CLINICAL = ["lap chole", "TKA left", "ORIF", "cysto", "appy", "hernia repair", "CABG x2"]


def pick(xs):  # type: ignore[no-untyped-def]
    return RNG.choice(xs)


RNG = random.Random(28)


def digits(n: int) -> str:
    return "".join(str(RNG.randint(0, 9)) for _ in range(n))


def hl7_date() -> str:
    return f"{RNG.randint(1920, 1999)}{RNG.randint(1, 12):02d}{RNG.randint(1, 28):02d}"


def hl7(n: Note) -> None:
    """HL7 v2 segments: with or without MSH, CR, LF, CRLF or spaces between segments."""
    sep = pick(["\r", "\n", "\r\n", " ", "\n"])
    if RNG.random() < 0.3:
        n.add(pick(["from the feed: ", "ADT msg: ", "interface dump\n", "msg "]))
    segs: list[str] = []
    if RNG.random() < 0.6:
        n.add(f"MSH|^~\\&|ORCAST|OR{RNG.randint(1, 9)}|ADT|HOSP|2026{digits(4)}||ADT^A0"
              f"{RNG.randint(1, 8)}|{digits(6)}|P|2.{RNG.randint(3, 7)}")
        segs.append("MSH")
    kinds = RNG.sample(["PID", "NK1", "IN1", "GT1", "PV1", "OBX", "ZPI", "ZNK", "AL1"],
                       RNG.randint(1, 5))
    if "PID" not in kinds and RNG.random() < 0.7:
        kinds.insert(0, "PID")
    for k in kinds:
        if segs:
            n.add(sep)
        segs.append(k)
        last, first = pick(LAST), pick(GIVEN)
        up = RNG.random() < 0.5
        if up:
            last, first = last.upper(), first.upper()
        if k == "PID":
            n.add("PID|1||")
            n.phi_(digits(7), "MRN")
            n.add(f"^^^{pick(['HOSP', 'MRN', 'OR'])}^MR||")
            n.phi_(f"{last}^{first}" + (f"^{pick('ABCDEFG')}" if RNG.random() < 0.4 else ""),
                   "NAME")
            n.add("||")
            n.phi_(hl7_date(), "DATE")
            n.add(f"|{pick('MFU')}|||")
            if RNG.random() < 0.6:
                n.phi_(f"{RNG.randint(1, 999)} {pick(STREETS)} St", "ADDRESS")
                n.add("^^")
                n.phi_(pick(TOWNS), "LOCATION")
                n.add(f"^{pick(gen.STATES2)}^")
                n.phi_(digits(5), "ADDRESS")
            n.add("||")
            if RNG.random() < 0.6:
                n.phi_(f"({digits(3)}){digits(3)}-{digits(4)}", "PHONE")
            n.add("|||||")
            if RNG.random() < 0.5:
                n.phi_(digits(9), "SSN")
        elif k == "NK1":
            n.add("NK1|1|")
            n.phi_(f"{last}^{first}", "NAME")
            rel = pick(['SPO', 'DAU', 'SON', 'MTH', 'FTH'])
            n.add(f"|{rel}^{pick(['Spouse', 'Daughter', 'Son'])}|")
            if RNG.random() < 0.5:
                n.phi_(f"{RNG.randint(1, 999)} {pick(STREETS)} Rd", "ADDRESS")
                n.add("^^")
                n.phi_(pick(TOWNS), "LOCATION")
            n.add("|")
            n.phi_(f"({digits(3)}){digits(3)}-{digits(4)}", "PHONE")
        elif k == "IN1":
            n.add(f"IN1|1|{pick(['BCBS', 'AETNA', 'MCR'])}|{digits(4)}|")
            n.neu(pick(gen.PAYERS))
            n.add("|||||")
            n.phi_(pick(["W" + digits(8), digits(10)]), "HEALTHPLAN")
            n.add("||||||")
            n.phi_(f"{last}^{first}", "NAME")
            n.add("|SEL|")
            n.phi_(hl7_date(), "DATE")
        elif k == "GT1":
            n.add("GT1|1||")
            n.phi_(f"{last}^{first}", "NAME")
            n.add("||")
            n.phi_(f"{RNG.randint(1, 999)} {pick(STREETS)} Ave", "ADDRESS")
            n.add("^^")
            n.phi_(pick(TOWNS), "LOCATION")
            n.add("|")
            n.phi_(f"{digits(3)}-{digits(3)}-{digits(4)}", "PHONE")
        elif k == "PV1":
            n.add(f"PV1|1|{pick('IOE')}|OR^{RNG.randint(1, 20)}^{RNG.randint(1, 3)}||||")
            doc = digits(4) + "^" + pick(['HOLLIS', 'AMSEL', 'VARGA'])  # attending (staff)
            n.add(f"{doc}^{pick(['ANNA', 'LEE', 'RAJ'])}")
            n.add("|||SUR||||||||")
            n.phi_(digits(8), "MRN")
        elif k == "OBX":
            n.add(f"OBX|1|{pick(['TX', 'ST', 'NM'])}|{pick(['NOTE', 'COMMENT', '8867-4'])}||")
            if RNG.random() < 0.5:
                n.add("pt ")
                n.phi_(f"{first.title()} {last.title()}", "NAME")
                n.add(pick([" stable", " prefers to be called ", " ok"]))
            else:
                n.add(str(RNG.randint(40, 120)))
            n.add("||||||F")
        elif k in ("ZPI", "ZNK"):
            n.add(f"{k}|1|")
            n.phi_(f"{last}^{first}", "NAME")
            n.add("|")
            if RNG.random() < 0.5:
                n.phi_(pick(NICKS), "NAME")
        else:
            code = f"{pick(['PCN', 'LATEX', 'SULFA'])}^{pick(['Penicillin', 'Latex'])}"
            n.add(f"AL1|1|DA|{code}|SV")
    if RNG.random() < 0.3:
        n.add(pick(["\nend of msg", " -- ack sent", "\n"]))


HEADERS = [("Pt", "name"), ("Name", "name"), ("Patient", "name"), ("Patient Name", "name"),
           ("Age", "age"), ("DOB", "dob"), ("Town", "town"), ("City", "town"),
           ("Locker", "locker"), ("Room", "room"), ("Proc", "proc"), ("Time", "time"),
           ("Surgeon", "staff"), ("MRN", "mrn"), ("Status", "status"), ("Bed", "room")]
NO_PT_HEADERS = [("Tray", "tray"), ("Item", "item"), ("Count", "count"), ("Room", "room"),
                 ("Status", "status"), ("Time", "time"), ("Proc", "proc"),
                 ("Vendor", "vendor")]


def cell(n: Note, kind: str) -> None:
    if kind == "name":
        st = RNG.randint(0, 3)
        if st == 0:
            n.phi_(f"{pick(GIVEN)} {pick(LAST)}", "NAME")
        elif st == 1:
            n.phi_(f"{pick(LAST)}, {pick(GIVEN)}", "NAME")
        elif st == 2:
            n.phi_(pick(LAST).upper(), "NAME")
        else:
            n.phi_(f"{pick(GIVEN)[0]}. {pick(LAST)}", "NAME")
    elif kind == "age":
        if RNG.random() < 0.5:
            n.phi_(str(RNG.randint(90, 104)), "AGE")
        else:
            n.add(str(RNG.randint(20, 85)))
    elif kind == "dob":
        n.phi_(f"{RNG.randint(1, 12)}/{RNG.randint(1, 28)}/{RNG.randint(1925, 1999)}", "DATE")
    elif kind == "town":
        n.phi_(pick(TOWNS), "LOCATION")
    elif kind == "locker":
        n.add(str(RNG.randint(1, 300)))
    elif kind == "room":
        n.add(f"OR {RNG.randint(1, 22)}")
    elif kind == "proc":
        n.add(pick(CLINICAL))
    elif kind == "time":
        n.add(gen.time_())
    elif kind == "staff":
        n.add(pick(["Dr Hollis", "Dr. Varga", "Amsel", "Kempe"]))
    elif kind == "mrn":
        n.phi_(digits(RNG.randint(6, 8)), "MRN")
    elif kind == "status":
        n.add(pick(["ready", "in OR", "PACU", "held", "done", "Bay 4", "Will call", "May go"]))
    elif kind == "tray":
        n.add(f"tray {RNG.randint(1, 40)}")
    elif kind == "item":
        n.add(pick(["Kelly clamp", "Mayo scissors", "Hope retractor", "Grace tray",
                    "Allis", "Deaver", "Will's tray", "Young forceps", "Baker tube"]))
    elif kind == "count":
        n.add(str(RNG.randint(1, 20)))
    else:
        n.add(pick(["Stryker", "Medtronic", "Arthrex"]))


def table(n: Note) -> None:
    sep = pick(["|", " | ", "\t", ",", ";", "| "])
    if RNG.random() < 0.25:
        cols = RNG.sample(NO_PT_HEADERS, RNG.randint(2, 4))
    else:
        cols = RNG.sample(HEADERS, RNG.randint(2, 5))
    edge = sep.strip() == "|" and RNG.random() < 0.5
    if RNG.random() < 0.3:
        n.add(pick(["Board:\n", "list for today\n", "PACU census\n", "lockers\n"]))

    def row(vals: list) -> None:
        if edge:
            n.add("| ")
        for i, v in enumerate(vals):
            if i:
                n.add(sep)
            if isinstance(v, str):
                n.add(v)
            else:
                cell(n, v[1])
        if edge:
            n.add(" |")
    heads = [c[0] for c in cols]
    if RNG.random() < 0.3:
        heads = [h.upper() for h in heads]
    row(heads)
    if sep.strip() == "|" and RNG.random() < 0.4:
        n.add("\n")
        row(["---"] * len(cols))
    for _ in range(RNG.randint(1, 4)):
        n.add("\n")
        row(list(cols))
    if RNG.random() < 0.4:
        n.add("\n" + pick(["end", "counts ok", "Will update", "May call"]))


def yaml(n: Note) -> None:
    ind = pick(["", "  ", "- "])
    n.add(pick(["case:\n", "record:\n", "", "---\n"]))
    keys = RNG.sample(["patient", "pt", "name", "age", "dob", "town", "room", "proc",
                       "surgeon", "nickname", "preferred", "mrn", "status"], RNG.randint(2, 5))
    for i, k in enumerate(keys):
        if i:
            n.add("\n")
        n.add(f"{ind}{k}: ")
        q = pick(["", "", '"', "'"])
        n.add(q)
        if k in ("patient", "pt", "name"):
            n.phi_(f"{pick(GIVEN)} {pick(LAST)}" if RNG.random() < 0.7 else pick(LAST), "NAME")
        elif k == "age":
            if RNG.random() < 0.6:
                n.phi_(str(RNG.randint(90, 104)), "AGE")
            else:
                n.add(str(RNG.randint(20, 80)))
        elif k == "dob":
            n.phi_(f"{RNG.randint(1925, 1999)}-{RNG.randint(1, 12):02d}-{RNG.randint(1, 28):02d}",
                   "DATE")
        elif k == "town":
            n.phi_(pick(TOWNS), "LOCATION")
        elif k in ("nickname", "preferred"):
            n.phi_(pick(NICKS), "NAME")
        elif k == "mrn":
            n.phi_(digits(7), "MRN")
        elif k == "surgeon":
            n.add(pick(["Dr Hollis", "Varga"]))
        else:
            cell(n, {"room": "room", "proc": "proc", "status": "status"}[k])
        n.add(q)


def cued_pair(n: Note) -> None:
    cue = pick(["Patient", "Pt", "pt", "Inmate", "Detainee", "Prisoner", "patient", "Pt."])
    if RNG.random() < 0.4:
        n.add(pick(["Note: ", "Update - ", "", "At 14:05 ", "OR 4: "]))
    n.add(cue + " ")
    first = pick(WORD_GIVEN + gen.FIRST)
    last = pick(WORD_LAST + ODD_LAST + gen.LAST)
    n.phi_(f"{first} {last}", "NAME")
    k = RNG.randint(0, 3)
    if k == 0:
        n.add(" " + pick(VERBS) + " " + pick(["pain meds", "to sign", "about the time",
                                                  "in bay 3", "water"]))
    elif k == 1:
        n.add(pick([", escort x2", ", awake", "; family aware", " (transfer)"]))
    elif k == 2:
        n.add(" " + pick(CASE_VERBS) + " for " + pick(CLINICAL))
    else:
        n.add(" " + pick(["IP ", "SSN ", "DL ", "Email ", "email: ", "Ph ", "Phone ", "Tel ",
                          "Acct ", "DOB ", "MRN "]))
        lab = n.parts[-1].strip().rstrip(":").lower()
        if lab == "ip":
            n.phi_(f"10.{RNG.randint(0, 255)}.{RNG.randint(0, 255)}.{RNG.randint(1, 254)}", "IP")
        elif lab == "ssn":
            n.phi_(f"{digits(3)}-{digits(2)}-{digits(4)}", "SSN")
        elif lab == "dl":
            n.phi_(pick("ABCDEFGH") + digits(7), "LICENSE")
        elif lab == "email":
            n.phi_(f"{first.lower()}.{last.lower()}@example.org", "EMAIL")
        elif lab == "dob":
            n.phi_(gen.a_date(), "DATE")
        elif lab in ("mrn", "acct"):
            n.phi_(digits(8), "MRN")
        else:
            n.phi_(f"{digits(3)}-{digits(3)}-{digits(4)}", "PHONE")


def quote(n: Note) -> None:
    role = pick(ROLES)
    n.add(role + ": " + pick(['"', '“']))
    k = RNG.randint(0, 5)
    nm = pick(LAST + WORD_LAST)
    if k == 0:
        n.phi_(nm, "NAME")
        n.add(pick([", can you hear me?", " is asleep.", "?", ", squeeze my hand.", "."]))
    elif k == 1:
        n.add(pick(["Mr. ", "Mrs. ", "Ms. "]))
        n.phi_(nm, "NAME")
        n.add(pick([" is ready.", ", deep breaths.", " - time out."]))
    elif k == 2:
        n.add(pick(["Is this ", "Confirm patient ", "This is ", "Say hi to "]))
        n.phi_(f"{pick(GIVEN)} {nm}", "NAME")
        n.add("?")
    elif k == 3:
        n.phi_(pick(WORD_GIVEN), "NAME")
        n.add(pick([", wake up.", ", we're done.", ", open your eyes."]))
    elif k == 4:
        n.add(pick(["Correct.", "Irrigate, then hold.", "Count is correct.", "Kettle's on.",
                    "Sparrow retractor please.", "Needle back.", "Hope so."]))
    else:
        n.phi_(nm, "NAME")
        n.add(".")
    n.add(pick(['"', "”"]))


def question(n: Note) -> None:
    n.add(pick(["From patient: ", "Portal msg: ", "Patient question: ", "Msg from pt: ",
                "From: patient\nQ: "]))
    k = RNG.randint(0, 5)
    if k == 0:
        n.add(pick(["Can I ", "Will I ", "May I ", "Should I ", "Do I "]) + "bring ")
        n.phi_(pick(GIVEN), "NAME")
        n.add(pick([" with me?", " to the pre-op?"]))
    elif k == 1:
        n.add(pick(["Can my ", "Will my ", "Could my "]) + pick(["son ", "wife ", "daughter "]))
        n.phi_(f"{pick(GIVEN)} {pick(LAST)}", "NAME")
        n.add(" pick me up?")
    elif k == 2:
        n.add(pick(["Where do I park?", "Can I shower tonight?", "Will I be awake?",
                    "When should I stop eating?"]))
    elif k == 3:
        n.add("This is ")
        n.phi_(f"{pick(GIVEN)} {pick(LAST)}", "NAME")
        n.add(pick([", can I eat?", ". Where do I go?"]))
    elif k == 4:
        n.phi_(pick(GIVEN), "NAME")
        n.add(pick([" here, can I drive?", " here - when do I arrive?"]))
    else:
        n.add(pick(["Will ", "May ", "Can "]))
        n.phi_(pick(["Hope", "June", "Grace", "Rose", "Will"]), "NAME")
        n.add(pick([" I come too?", " we visit?"]))


def town(n: Note) -> None:
    k = RNG.randint(0, 6)
    if k <= 2:
        n.add(pick(RIDES) + " ")
        n.phi_(pick(TOWNS), "LOCATION")
        n.add(pick(["", " after", " tomorrow", ", ETA 2h", " jail", " prison"]))
    elif k == 3:
        n.add(pick(SITES) + " ")
        n.phi_(pick(SITE_NAMES), "LOCATION")
        if RNG.random() < 0.6:
            n.add(pick([", ", " in "]))
            n.phi_(pick(TOWNS), "LOCATION")
    elif k == 4:
        n.add(pick(["mail to ", "address: ", "PO: ", "home "]))
        n.phi_(pick(["PO Box ", "P.O. Box ", "po box ", "Box "]) + str(RNG.randint(1, 9999)),
               "ADDRESS")
        if RNG.random() < 0.7:
            n.add(", ")
            n.phi_(pick(TOWNS), "LOCATION")
    elif k == 5:
        n.add(pick(["which town do you live in? ", "Q: town? A: ", "what town? "]))
        n.phi_(pick(TOWNS), "LOCATION")
    else:
        n.add(pick(["pt from ", "family in ", "son at ", "staying in "]))
        n.phi_(pick(TOWNS), "LOCATION")


def age(n: Note) -> None:
    k = RNG.randint(0, 3)
    if k == 0:
        n.add(pick(["how old are you? ", "Q: how old? A: ", "How old is she? ", "age? "]))
        n.phi_(str(RNG.randint(90, 104)), "AGE")
        n.add(pick(["", ".", " she said", " y"]))
    elif k == 1:
        n.phi_(f"{pick(GIVEN)} {pick(LAST)}", "NAME")
        n.add(pick(["; ", " | ", ";", "|"]))
        n.phi_(str(RNG.randint(90, 104)), "AGE")
        n.add(pick(["; F", " | M", "; OR 3", "|bay 2", ""]))
    elif k == 2:
        n.add(pick(["age ", "aged ", "Age: "]))
        n.phi_(str(RNG.randint(90, 104)), "AGE")
    else:
        n.add(pick(["; ", " | "]))
        n.phi_(str(RNG.randint(90, 104)), "AGE")
        n.add(pick(["; ", " | "]) + pick(CLINICAL))


def weekday_date(n: Note) -> None:
    w = pick(WEEKDAYS)
    n.add(pick(["seen ", "DOS ", "surgery ", "adm ", "born ", "last seen ", "next "]))
    k = RNG.randint(0, 3)
    if k == 0:
        n.phi_(f"{w} {RNG.randint(1, 12)}/{RNG.randint(1, 28)}", "DATE")
    elif k == 1:
        n.phi_(f"{w}, {pick(MONTHS)} {RNG.randint(1, 28)}", "DATE")
    elif k == 2:
        n.phi_(f"{w} {RNG.randint(1, 28)} {pick(MONTHS)} {RNG.randint(1990, 2026)}", "DATE")
    else:
        n.phi_(f"{pick(MONTHS)} {RNG.randint(1, 28)}", "DATE")
        n.add(pick([" (", " "]) + w + pick([")", ""]))


def vp(n: Note) -> None:
    n.add(pick(["VP ", "VP: ", "video relay ", "video relay: ", "TTY ", "vp# "]))
    n.phi_(pick([f"{digits(3)}-{digits(3)}-{digits(4)}", f"({digits(3)}) {digits(3)}-{digits(4)}",
                 f"{digits(3)}.{digits(3)}.{digits(4)}"]), "PHONE")


def nick(n: Note) -> None:
    k = RNG.randint(0, 3)
    if k == 0:
        n.add(pick(["pt says calls me ", "everyone calls me ", "'calls me ", "he says: call me "]))
        n.phi_(pick(NICKS + WORD_GIVEN), "NAME")
    elif k == 1:
        n.add(pick(["Preferred: ", "preferred: ", "Preferred name: "]))
        n.phi_(pick(NICKS + WORD_GIVEN), "NAME")
    elif k == 2:
        n.phi_(f"{pick(GIVEN)} \"{pick(NICKS)}\" {pick(LAST)}", "NAME")
    else:
        n.add(pick(["registered for ", "family of "]))
        n.phi_(f"{pick(GIVEN)} {pick(LAST)}", "NAME")


def filler(n: Note) -> None:
    k = RNG.randint(0, 6)
    if k == 0:
        said = pick(ROLES) + ": " + pick(['"', ''])  # the role, the quotation mark, the words
        n.add(said + pick(['Correct.', 'Count correct', 'Ready', 'Hold', 'Irrigate']))
    elif k == 1:
        n.add(pick(["Patient Relations called", "Pt Hip Replacement delayed",
                    "Patient Warming Blanket on", "Pt Still Asleep", "Patient Transport here",
                    "Pt Feeling Better", "Patient Sinus Rhythm throughout"]))
    elif k == 2:
        n.add(pick(["name band on?", "Q: name of the procedure? A: lap chole", "Where do I park?",
                    "Will call back", "May go home"]))
    elif k == 3:
        n.add(pick(["taxi booked", "ride arranged", "Route 9 park-and-ride",
                    "transfer to PACU", "lives alone"]))
    elif k == 4:
        n.add(f"{pick(WEEKDAYS)} list: {RNG.randint(2, 9)} cases")
    elif k == 5:
        n.add(pick(["Hazel eyes", "clover-leaf sign", "Kettle on in lounge", "Bay 4 clean",
                    "Summer schedule", "River Rd closed", "Glen Ellis not used"]))
    else:
        n.add(f"OR {RNG.randint(1, 20)} turnover {RNG.randint(10, 60)} min")


PIECES = [(hl7, 3), (table, 3), (yaml, 2), (cued_pair, 3), (quote, 3), (question, 2),
          (town, 3), (age, 2), (weekday_date, 2), (vp, 1), (nick, 2)]


def make(i: int) -> dict:
    gen.RNG = RNG
    n = Note()
    with_phi = RNG.random() < 0.85
    for j in range(RNG.randint(1, 4)):
        if j:
            n.add(pick(["\n", ". ", "; ", " ", "\n\n", " | "]))
        r = RNG.random()
        if not with_phi or r < 0.2:
            filler(n) if RNG.random() < 0.7 else gen.filler(n, "as")
        elif r < 0.3:
            gen.phi_piece(n, "as")
        else:
            fns, ws = zip(*PIECES, strict=True)
            RNG.choices(fns, weights=ws)[0](n)
    text = n.text
    if with_phi and RNG.random() < 0.1:  # shouted or lower-cased whole (offsets kept)
        text = text.upper() if RNG.random() < 0.5 else text.lower()
    return {"id": i, "text": text, "phi": n.phi, "neutral": n.neutral}


def main() -> None:
    global RNG
    count = int(sys.argv[1])
    RNG = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 28)
    for i in range(count):
        print(json.dumps(make(i), ensure_ascii=False))


if __name__ == "__main__":
    main()
