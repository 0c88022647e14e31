"""attack24d: generate invented OR-style notes with known PHI spans (a test tool).

Each note: {"id", "text", "phi": [[s, e, cat]], "neutral": [[s, e]]}. `neutral` marks words
either engine may take or leave (a courtesy title, a payer, a state code, a photo's kind).
Every word list below is invented for this tool.
"""

from __future__ import annotations

import json
import random
import sys

FIRST = ["Ida", "Asa", "Kofi", "Yusra", "Ottis", "Mabel", "Leona", "Tobias", "Hester", "Ruben",
         "Marisol", "Dagny", "Elmer", "Wendell", "Priya", "Chidi", "Soren", "Greta", "Lupe",
         "Anselm", "Noor", "Ines", "Bertram", "Vera", "Otto", "Clementine", "Hiro", "Amara",
         "Ezra", "Flora", "Jasper", "Rosalind", "Desmond", "Imelda", "Barnaby", "Hattie",
         "Lucius", "Odette", "Pablo", "Winifred", "John", "Mary", "James", "Linda", "Robert",
         "Susan", "Mark", "Hope", "Will", "May", "June", "Grace", "Faith", "Rose", "Iris"]
LAST = ["Quorlander", "Renfrow", "Al-Haddadi", "Osei-Mensah", "Ferrand", "Lindqvist",
        "Okafor", "Baptiste", "Castellanos", "Vukovic", "Haverford", "Pennebaker",
        "Marchetti", "Nakashima", "Oyelaran", "Brisbois", "Kowalczyk", "Trudeau", "Abernathy",
        "Delacroix", "Smith", "Johnson", "Garcia", "Miller", "Brown", "Davis", "Wilson",
        "Moore", "Taylor", "Anderson", "Thompson", "White", "Harris", "Martin", "Young",
        "King", "Wright", "Hill", "Green", "Baker", "Rusk", "Lund", "Obi", "Ruiz", "Lenz",
        "El-Sayed", "Abu-Nasser", "Zielinski", "Fairweather", "Mbeki", "Ortega-Pratt"]
STAFF = ["Dr. Hollis", "Dr Amsel", "Dr. Varga", "DR. KEMPE", "dr pruitt", "Dr. Mancuso",
         "Dr. Oduya", "Dr Stroud"]
TITLES = ["Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms", "mr", "mrs", "ms", "MR.", "MRS", "MS",
          "Mx.", "Miss", "MISS", "Mister", "Herr", "Frau", "Mme", "Sra.", "Señora", "Madame"]
PAYERS = ["Medicare", "MEDICARE", "medicaid", "BCBS", "bcbs", "Aetna", "AETNA", "Cigna",
          "Humana", "HUMANA", "Molina", "Ambetter", "Kaiser", "UHC", "United", "Tricare",
          "Oscar", "Medica", "Tufts", "Optum"]
STATES2 = ["WA", "OR", "CA", "NY", "TX", "IN", "ME", "PA", "MD", "OK", "HI", "DE", "NM", "FL"]
STATE_NAMES = ["Oregon", "Maine", "Texas", "Georgia", "Virginia", "Washington", "Indiana",
               "Montana", "Nevada", "Florida"]
EPONYMS = ["Foley", "Bovie", "Mayo stand", "Bair Hugger", "Trendelenburg", "Allis clamp",
           "Kocher", "Babcock", "Jackson-Pratt drain", "Hemovac", "Deaver", "Richardson",
           "Metzenbaum", "Kelly clamp", "Parkinson's", "Alzheimer", "Crohn", "Graves"]
BRANDS = ["Stryker", "Medtronic", "Zimmer", "DePuy", "Ethicon", "Covidien", "Smith & Nephew",
          "Arthrex", "Baxter", "Olympus"]
HARDWORDS = ["may", "will", "hope", "miss", "mark", "grace", "rose", "faith", "bill", "art",
             "bob", "sue", "pat", "max", "frank", "drew", "gene", "case", "young", "king",
             "brown", "white", "green", "hill", "baker", "wright", "martin", "mr", "ms", "MS",
             "MR", "Mr", "Ms"]
MILESTONES = ["in room", "anesthesia start", "incision", "closing", "out of room", "PACU arrival",
              "timeout done", "induction", "positioning complete", "sign out", "wheels in",
              "tourniquet up", "tourniquet down", "specimen sent", "dressing on"]
PROCS = ["lap chole", "TKA left", "R THA", "CABG x3", "ORIF distal radius", "appy",
         "hernia repair", "cysto", "TURP", "spinal fusion L4-5", "carpal tunnel release"]


def r() -> random.Random:
    return RNG


RNG = random.Random(24)
DENSE = False


class Note:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.phi: list[list] = []
        self.neutral: list[list[int]] = []
        self.n = 0

    def add(self, s: str) -> Note:
        self.parts.append(s)
        self.n += len(s)
        return self

    def phi_(self, s: str, cat: str) -> Note:
        self.phi.append([self.n, self.n + len(s), cat])
        return self.add(s)

    def neu(self, s: str) -> Note:
        self.neutral.append([self.n, self.n + len(s)])
        return self.add(s)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def pick(xs):  # type: ignore[no-untyped-def]
    return RNG.choice(xs)


def digits(n: int) -> str:
    return "".join(str(RNG.randint(0, 9)) for _ in range(n))


def case(s: str, mode: str) -> str:
    return {"upper": s.upper(), "lower": s.lower()}.get(mode, s)


def a_date() -> str:
    m, d, y = RNG.randint(1, 12), RNG.randint(1, 28), RNG.randint(1920, 1999)
    return pick([f"{m}/{d}/{y}", f"{m:02d}-{d:02d}-{y}", f"{m} {d} {y}", f"{d} {m} {y}",
                 f"{m}/{d}/{str(y)[2:]}", f"{y}-{m:02d}-{d:02d}", f"{m}  {d}  {y}"])


def time_() -> str:
    return f"{RNG.randint(0, 23):02d}:{RNG.randint(0, 59):02d}"


def name_piece(n: Note, mode: str) -> None:
    """A patient's name, perhaps with a title, a cue, a suffix."""
    style = RNG.randint(0, 9)
    first, last = pick(FIRST), pick(LAST)
    if style <= 2:
        t = pick(TITLES)
        n.neu(case(t, mode) + " ")
        n.phi_(case(last, mode), "NAME")
    elif style <= 4:
        n.add(case(pick(["pt ", "Pt ", "patient ", "PT ", "Patient: ", "pt. "]), mode))
        n.phi_(case(first, mode), "NAME")
        if RNG.random() < 0.8:
            n.add(" ")
            n.phi_(case(last, mode), "NAME")
    elif style <= 6:
        if RNG.random() < 0.5:
            n.neu(case(pick(TITLES), mode) + " ")
        n.phi_(case(f"{first} {last}", mode), "NAME")
        if RNG.random() < 0.2:
            n.add(" ")
            n.phi_(pick(["Jr.", "Sr.", "Jr", "III"]), "NAME")
    elif style == 7:
        n.phi_(case(f"{last}, {first}", mode), "NAME")
    else:
        n.add(case(pick(["pt ", "patient "]), mode))
        n.phi_(case(first, mode), "NAME")


def phi_piece(n: Note, mode: str) -> None:
    k = RNG.randint(0, 17)
    if k <= 3:
        name_piece(n, mode)
    elif k == 4:
        n.add(case(pick(["age ", "", "aged ", "Age: "]), mode))
        n.phi_(str(RNG.randint(90, 104)), "AGE")
        n.add(pick([" yo", " y/o", " y", " yrs", " years old", "", " YO"]))
    elif k == 5:
        n.add(case(pick(["DOB ", "dob: ", "born ", "date of birth ", "D.O.B. ", "bday "]), mode))
        n.phi_(a_date(), "DATE")
        if RNG.random() < 0.4:
            n.add(pick([" ", " - ", ", ", " he is ", " she is now ", " pt is old ", " (", " now "]))
            n.phi_(str(RNG.randint(90, 101)), "AGE")
    elif k == 6:
        n.add(case(pick(["ins ", "insurance ", "plan id ", "member id ", "ins # ", "card "]), mode))
        if RNG.random() < 0.7:
            n.neu(pick(PAYERS) + pick([" ", " # ", ": ", " "]))
        n.phi_(pick([digits(10), "W" + digits(8), f"{pick(['ZQ', 'XJ', 'MB'])} {digits(4)}",
                     f"{digits(3)}-{digits(2)}-{digits(4)}"]), "HEALTHPLAN")
    elif k == 7:
        n.add(case(pick(["DL ", "DL: ", "drivers license ", "lic # ", "license "]), mode))
        if RNG.random() < 0.7:
            n.neu(pick(STATES2) + " ")
        n.phi_(pick(["WDL" + digits(5) + "ZX", pick("ABCDEFGH") + digits(7), digits(9)]),
               "LICENSE")
    elif k == 8:
        n.add(case(pick(["car ", "vehicle ", "family car ", ""]), mode))
        if RNG.random() < 0.7:
            n.neu(pick(STATES2) + " " + pick(["plate ", "tag ", "plates "]))
        else:
            n.add(pick(["plate ", "tag ", "lic plate "]))
        n.phi_(f"{''.join(RNG.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(3))}-{digits(4)}",
               "VEHICLE")
    elif k == 9:
        n.add(pick(["FP ", "fingerprint ", "fp scan ", "FP template "]))
        n.phi_(pick([f"template {digits(2)}-{pick('ABC')}", f"hash {digits(6)}",
                     f"#{digits(8)}"]), "BIOMETRIC")
    elif k == 10:
        n.neu(pick(["wound ", "the pt ", "intake ", "ID card ", "", "trauma "]))
        n.phi_(pick(["photo of face", "face photo", "photo (face)", "pic of pt face",
                     "facial photograph"]), "PHOTO")
        n.neu(pick([" sent to OR group ", " on phone ", " ", " uploaded as "]))
        n.phi_(f"IMG_{digits(4)}" + pick([".jpg", "", ".png"]), "PHOTO")
    elif k == 11:
        n.add(case(pick(["MRN ", "mrn: ", "MR# ", "chart # ", "acct "]), mode))
        n.phi_(digits(RNG.randint(6, 9)), "MRN")
    elif k == 12:
        n.add(case(pick(["call ", "cell ", "ph ", "daughter at ", "son # "]), mode))
        n.phi_(pick([f"{digits(3)}-{digits(3)}-{digits(4)}",
                     f"({digits(3)}) {digits(3)}-{digits(4)}",
                     f"{digits(3)} {digits(3)} {digits(4)}",
                     f"{digits(3)}.{digits(3)}.{digits(4)}"]),
               "PHONE")
    elif k == 13:
        n.add(case(pick(["implant ", "pacemaker serial ", "SN ", "device sn: ",
                          "implant lot/serial "]),
                   mode))
        n.phi_(pick(["SN" + digits(8), f"{pick(['PJN', 'RVX'])}{digits(6)}H", digits(10)]),
               "DEVICE")
    elif k == 14:
        n.add(case(pick(["lives at ", "home ", "address "]), mode))
        n.phi_(f"{RNG.randint(10, 9999)} {pick(['Birch', 'Quarry', 'Tamarack', 'Elm', 'Oak'])} "
               f"{pick(['St', 'Rd', 'Ave', 'Lane'])}", "ADDRESS")
    elif k == 15:
        n.add(case(pick(["email ", "e-mail: ", "family email "]), mode))
        n.phi_(f"{pick(FIRST).lower()}.{pick(LAST).lower()}{digits(2)}@example.org", "EMAIL")
    elif k == 16:
        n.add(case(pick(["SSN ", "ssn: ", "soc "]), mode))
        n.phi_(f"{digits(3)}-{digits(2)}-{digits(4)}", "SSN")
    else:
        n.add(case(pick(["admitted ", "DOS ", "surgery on ", "seen "]), mode))
        n.phi_(pick([f"{RNG.randint(1, 12)}/{RNG.randint(1, 28)}/2026", "March 3, 2026",
                     f"{RNG.randint(1, 12)}/{RNG.randint(1, 28)}"]), "DATE")


WEAK_GIVEN = ["hope", "will", "may", "grace", "mark", "rose", "faith", "june", "art", "pat",
              "bill", "sue", "drew", "gene", "frank", "max", "iris", "amber", "dawn", "joy"]
TOWNS = ["Quincy", "Beloit", "Tahlequah", "Ogdensburg", "Pocatello", "Kenosha", "Yreka"]


def weak_piece(n: Note, mode: str) -> None:
    """PHI an engine often leaves as typed: a plain word as a given name, a suffix, an age
    in words, a town, an unlisted surname."""
    k = RNG.randint(0, 7)
    if k == 0:
        n.phi_(case(pick(LAST) + ", " + pick(WEAK_GIVEN), mode), "NAME")
    elif k == 1:
        n.add(case(pick(["son ", "daughter ", "wife ", "husband ", "niece "]), mode))
        n.phi_(case(pick(WEAK_GIVEN), mode), "NAME")
    elif k == 2:
        n.phi_(case(pick(["ninety-one", "ninety two", "one hundred", "ninety-seven"]), mode), "AGE")
        n.add(case(pick([" yo", " years old", ""]), mode))
    elif k == 3:
        n.add(case(pick(["from ", "lives in ", "home in "]), mode))
        n.phi_(case(pick(TOWNS), mode), "LOCATION")
    elif k == 4:
        n.add(case(pick(["pt ", "patient ", "Pt "]), mode))
        n.phi_(case(pick(FIRST), mode), "NAME")
        n.add(" ")
        n.phi_(case(pick(["Vexler", "Quarnby", "Ostrander", "Pelletier", "Skarsgaard",
                          "Thistlewood", "Brannock", "Hope", "Will", "Young", "Mark"]),
                     mode), "NAME")
    elif k == 5:
        n.phi_(case(pick(FIRST) + " " + pick(LAST), mode), "NAME")
        n.add(" ")
        n.phi_(pick(["III", "IV", "II", "jr", "Sr"]), "NAME")
    elif k == 6:
        n.add(case(pick(["age ", "", "aged "]), mode))
        n.phi_(str(RNG.randint(90, 104)), "AGE")
        n.add(pick([" y", "y", " yrs.", " YRS", " yo", "-yo"]))
    else:
        n.add(case(pick(["MR ", "mr. ", "Ms ", "MS ", "mrs ", "Miss ", "Mister "]), mode))
        n.phi_(case(pick(["Vexler", "Quarnby", "Thistlewood", "Brannock", "hope", "Will"]), mode),
               "NAME")


def filler(n: Note, mode: str) -> None:
    k = RNG.randint(0, 13)
    if k == 0:
        n.add(case(pick(MILESTONES), mode) + " " + time_())
    elif k == 1:
        n.add(pick(STAFF) + " " + case(pick(["scrubbed", "in room", "aware", "at bedside",
                                              "paged", "will call family", "may start"]), mode))
    elif k == 2:
        n.add(case(f"{pick(EPONYMS)} placed", mode))
    elif k == 3:
        n.add(case(f"{pick(BRANDS)} implant tray {RNG.randint(1, 40)}", mode))
    elif k == 4:
        n.add(case(f"OR {RNG.randint(1, 22)} room {RNG.randint(100, 999)}", mode))
    elif k == 5:
        n.add(case(f"ASA {RNG.randint(1, 4)}, EBL {RNG.randint(5, 900)} mL, "
                   f"GCS {RNG.randint(3, 15)}",
                   mode))
    elif k == 6:
        n.add(case(f"family in {pick(STATE_NAMES)}, will {pick(HARDWORDS)} update", mode))
    elif k == 7:
        n.add(case(f"{pick(PROCS)} {pick(['started', 'done', 'delayed', 'on hold'])}", mode))
    elif k == 8:
        n.add(case(f"{pick(HARDWORDS)} {pick(HARDWORDS)} "
                   f"{pick(['update', 'later', 'soon', 'call'])}",
                   mode))
    elif k == 9:
        n.add(case(f"BP {RNG.randint(90, 180)}/{RNG.randint(50, 100)} HR {RNG.randint(40, 120)} "
                   f"SpO2 {RNG.randint(90, 100)}%", mode))
    elif k == 10:
        n.add(case(pick(["family updated", "hand-off to PACU RN", "consent signed", "ins auth ok",
                         "photo consent on file", "implant log done", "plate and screws 3.5mm",
                         "Medicare pending auth", "AETNA denied auth", "WA state form",
                         "FP scanner down", "Mrs. Clean spill kit used", "Mr. Coffee in lounge"]),
                    mode))
    elif k == 11:
        n.add(case(f"Dr. {pick(LAST)} {pick(['primary', 'assist', 'anesthesia'])}", mode))
    elif k == 12:
        n.add(case(f"pt {pick(['awake', 'extubated', 'stable', 'in pain', 'NPO', 'hip fx'])}",
                   mode))
    else:
        n.add(case(f"tray {RNG.randint(1, 30)} count correct x{RNG.randint(1, 3)}", mode))


SEPS = [". ", "; ", ", ", " - ", "\n", " | ", " ", "  ", " -- "]


def mutate(text: str) -> str:
    """Unicode, format characters, entities: applied to text between spans only when safe."""
    return text


def make(i: int, with_phi: bool) -> dict:
    n = Note()
    mode = RNG.choices(["as", "upper", "lower"], weights=[6, 2, 2])[0]
    pieces = RNG.randint(1, 3 if DENSE else 6)
    for j in range(pieces):
        if j:
            n.add(pick(SEPS))
        if with_phi and DENSE and RNG.random() < 0.35:
            weak_piece(n, mode)
        elif with_phi and (RNG.random() < 0.55 or (j == pieces - 1 and not n.phi)):
            phi_piece(n, mode)
        else:
            filler(n, mode)
    if RNG.random() < 0.3:
        n.add(pick([".", "", " ", "!", " ..."]))
    text = n.text
    phi, neutral = n.phi, n.neutral
    # post-hoc character noise outside spans keeps offsets valid when length-preserving
    if RNG.random() < 0.15:
        text = noise(text, phi)
    d = {"id": i, "text": text, "phi": phi, "neutral": neutral}
    if RNG.random() < 0.12:
        d = encode(d)
    return d


def noise(text: str, phi: list) -> str:
    """Length-preserving look-alikes and typos inside and outside spans."""
    chars = list(text)
    for _ in range(RNG.randint(1, 3)):
        p = RNG.randrange(len(chars))
        c = chars[p]
        sub = {"a": "а", "e": "е", "o": "о", "i": "і", "c": "с", " ": "\u00a0",
               "A": "А", "O": "О", "0": "O", "1": "l"}.get(c)
        if sub is None and c.isalpha():
            sub = c.swapcase()
        if sub:
            chars[p] = sub
    return "".join(chars)


def encode(d: dict) -> dict:
    """Insert a format character or an HTML entity outside the spans, shifting offsets."""
    text = d["text"]
    for _ in range(10):
        p = RNG.randrange(len(text) + 1)
        if not any(s < p < e for s, e, _c in d["phi"]):
            break
    else:
        return d
    ins = pick(["\u200b", "\u00ad", "\u200d", "&amp;", "&nbsp;", "\ufeff", "&#39;", "\u2060"])

    def sh(x: int) -> int:
        return x + len(ins) if x >= p else x
    phi = [[sh(s), sh(e) if e > p else e, c] for s, e, c in d["phi"]]
    neu = [[sh(s), sh(e) if e > p else e] for s, e in d["neutral"]]
    return {**d, "text": text[:p] + ins + text[p:], "phi": phi, "neutral": neu}


def main() -> None:
    global DENSE, RNG
    count = int(sys.argv[1])
    if len(sys.argv) > 2:  # "dense SEED": short notes with PHI engines often miss
        DENSE = sys.argv[2] == "dense"
        RNG = random.Random(int(sys.argv[3]))
    for i in range(count):
        print(json.dumps(make(i, RNG.random() < 0.7), ensure_ascii=False))


if __name__ == "__main__":
    main()
