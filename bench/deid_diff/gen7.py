"""attack33c: notes in the shapes the NEWER_RULES of e52c8eb..62435e1 read (a test tool).

    PYTHONPATH=. python bench/deid_diff/gen7.py 8000 SEED > /tmp/notes.jsonl

Same record as gen.py ({"id", "text", "phi": [[s, e, cat]], "neutral": [[s, e]]}).
Positives: English log cues (sign-in in capitals, "Source T. SURNAME", "recipient Given
Surname ninety-four", "pt Given Surname acct"), worded ages over 89, UK postcodes after a
town, wristband codes in groups, "DOS the 5th" and "today 3/14", "home city X", kin after
"&" ("son & daughter X"), a lower-case surname after "patient,", streets whose names hold
a function word; Italian, Portuguese and Dutch dates, ages, streets, postcodes, phones and
plates; Japanese names with an honorific, prefectures, dates; Hinglish ages, plates,
Aadhaar; Korean districts. Hard negatives (about half the notes, PHI-free): organisms after
"Source", firms after "&", scores and counts after "today", kit and ward codes, staff by
role before an honorific, Italian/Portuguese/Dutch grammar words, doses and rooms. Every
word list is invented for this tool.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.deid_diff.gen import Note
from bench.deid_diff.gen4 import emit

RNG = random.Random(33)

FIRST = ["Ottilie", "Ivo", "Lowri", "Temperance", "Ewan", "Rhona", "Nikos", "Ysolde",
         "Dagny", "Hester", "Joost", "Anouk", "Benedikt", "Ira", "Maud"]
LAST = ["Rask", "Wickham", "Pellow", "Fenn", "Quillon", "Tarrow", "Dravek", "Aberdale",
        "Brightwell", "Lindqvist", "Achterberg", "Halloran", "Gannett", "Vance"]
WORD_SURNAMES = ["nightingale", "swallow", "sparrow", "marsh", "frost", "heath", "lamb",
                 "fairweather", "hale", "pike", "rook", "wren"]
KIN = ["son", "daughter", "wife", "husband", "mother", "father", "sister", "brother"]
TOWNS_UK = ["Stroud", "Dundee", "Harlow", "Kendal", "Bodmin", "Ludlow", "Thirsk"]
WORDED = ["ninety", "ninety-one", "ninety-three", "ninety six", "one hundred",
          "one hundred and two", "a hundred"]
IT_FIRST = ["Giulia", "Marco", "Chiara", "Luca", "Ana", "João", "Femke", "Joris"]
IT_LAST = ["Ferrandi", "Mancuso", "Oliveira", "Batista", "de Vries", "Bakker", "Smeets"]
JP_FAMILY = ["佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤"]
JP_GIVEN = ["健一", "美咲", "大輔", "さくら", "翔太", "陽子"]


def pick(xs):  # type: ignore[no-untyped-def]
    return RNG.choice(xs)


def digits(n: int) -> str:
    return "".join(str(RNG.randint(0, 9)) for _ in range(n))


def postcode() -> str:
    return (f"{pick(['GL', 'DD', 'TA', 'LA', 'SY', 'YO'])}{RNG.randint(1, 19)} "
            f"{RNG.randint(1, 9)}{pick('ABDEFGHJLNPQRSTUWXYZ')}{pick('ABDEFGHJLNPQRSTUWXYZ')}")


# ---- positives: English -----------------------------------------------------------------
def sign_in(n: Note) -> None:
    n.add(pick(["sign in: ", "Sign-in: ", "SIGN IN: "]))
    n.phi_(f"{pick(FIRST).upper()} {pick(LAST).upper()}", "NAME")
    n.add(pick([" / 受付", " (visitor)", " / family"]))


def source_initial(n: Note) -> None:
    n.add(pick(["SOURCE ", "Source ", "name ", "Recipient "]))
    n.phi_(f"{pick(FIRST)[0]}. {pick([pick(LAST), pick(LAST).upper()])}", "NAME")
    n.add(pick([" MRN on label.", " found on form.", " consented."]))


def recipient(n: Note) -> None:
    n.add("recipient ").phi_(f"{pick(FIRST)} {pick(LAST)}", "NAME").add(" ")
    if RNG.random() < 0.5:
        n.phi_(pick(WORDED), "AGE").add(", crossmatch sent.")
    else:
        n.add("MRN ").phi_(digits(7), "MRN")


def pt_acct(n: Note) -> None:
    n.add("pt ").phi_(f"{pick(FIRST)} {pick(LAST)}", "NAME")
    n.add(pick([" acct ", " HPBN "])).phi_(digits(8), "ID").add(" verified.")


def worded_age(n: Note) -> None:
    n.phi_(pick(WORDED), "AGE").add(pick([" y F, fall at home.", " yo man, SOB.",
                                          " years old, frail."]))


def place_age(n: Note) -> None:
    n.add('Quote: "from ').phi_(pick(TOWNS_UK), "LOCATION").add(", ")
    n.phi_(str(RNG.randint(90, 104)), "AGE").add('"')


def uk_post(n: Note) -> None:
    n.add("Address on file: ").phi_(pick(TOWNS_UK), "LOCATION").add(pick([" ", ", "]))
    n.phi_(postcode(), "ZIP").add(".")


def band_code(n: Note) -> None:
    n.add(pick(["wrist band ", "band reads ", "Band "]))
    n.phi_(f"{pick(['WB', 'ID'])}{pick([' ', '—', '-', ''])}{digits(4)} {digits(4)}", "ID")
    n.add(" checked x2.")


def dos(n: Note) -> None:
    if RNG.random() < 0.5:
        n.add("DOS ").phi_(f"the {RNG.randint(1, 28)}{pick(['th'])}", "DATE").add(".")
    else:
        n.add(pick(["Consent signed ", "Seen "]))
        n.phi_(f"{pick(['today', 'yesterday'])} {RNG.randint(1, 12)}/{RNG.randint(13, 28)}",
               "DATE").add(pick([".", " and stable", ", plan as above"]))


def home_city(n: Note) -> None:
    n.add(pick(["home city ", "Hometown: ", "city of residence: "]))
    n.phi_(pick(TOWNS_UK), "LOCATION").add(pick([".", ", lives alone."]))


def kin_amp(n: Note) -> None:
    a, b = RNG.sample(KIN, 2)
    n.add(pick(["Visited by ", "Spoke with ", "Discussed with "]) + f"{a} & {b} ")
    n.phi_(pick(LAST), "NAME").add(pick([" today.", " at bedside.", "."]))


def mr_mrs(n: Note) -> None:
    n.add("Seen with Mr & Mrs ").phi_(pick(LAST), "NAME").add(", plan agreed.")


def lower_surname(n: Note) -> None:
    n.add(pick(["Phoned patient, ", "Left message for patient, ", "Reviewed patient, "]))
    n.phi_(pick(WORD_SURNAMES), "NAME")


def street_fn(n: Note) -> None:
    n.add("Lives at ").phi_(f"{RNG.randint(2, 99)} " + pick(
        ["Mill and Bridge St", "In Town Rd", "By Way Rd", "Over and Under Ave",
         "To Market Lane", "From Moor Rd", "Field With Trees Rd"]), "ADDRESS").add(".")


def month_year(n: Note) -> None:
    d, y = RNG.randint(1, 28), RNG.randint(1925, 1999)
    n.add("DOB ").phi_(pick([f"{d}-JUL-{y}", f"{d}Jul{y}", f"July {d},{y}", f"{y}-Jul-{d}",
                             f"{d}.VII.{y}", f"Jul.{d}.{y}", f"{d}/jul/{y}"]), "DATE")


# ---- positives: Italian, Portuguese, Dutch, Japanese, Hinglish, Korean ------------------
def romance(n: Note) -> None:
    k = RNG.randint(0, 5)
    if k == 0:
        n.add("Visita ").phi_(f"venerdì {RNG.randint(1, 28)} febbraio", "DATE").add(".")
    elif k == 1:
        n.add("Paziente ").phi_(f"{pick(IT_FIRST)} {pick(IT_LAST)}", "NAME").add(", ")
        n.phi_(str(RNG.randint(90, 101)), "AGE").add(" anni, abita in ")
        n.phi_(f"Via dei Mille {RNG.randint(1, 90)}", "ADDRESS").add(".")
    elif k == 2:
        n.add("Tel. ").phi_(f"(21) 9{digits(4)}-{digits(4)}", "PHONE").add(" (filha).")
    elif k == 3:
        n.add("Woont op ").phi_(f"Kerkstraat {RNG.randint(1, 90)}", "ADDRESS").add(", ")
        n.phi_(f"{RNG.randint(1000, 9999)} GC", "ZIP").add(" ").phi_("Zwolle", "LOCATION")
    elif k == 4:
        n.add("Mora em ").phi_("Campinas", "LOCATION").add(", ")
        n.phi_(str(RNG.randint(90, 99)), "AGE").add(" anos.")
    else:
        n.add("targa ").phi_(f"AB {digits(3)} CD", "ID").add(" in parcheggio.")


def japanese(n: Note) -> None:
    k = RNG.randint(0, 3)
    if k == 0:
        n.phi_(f"{pick(JP_FAMILY)} {pick(JP_GIVEN)}", "NAME").add(" 様 申し送り。")
    elif k == 1:
        n.phi_("千葉県船橋市", "LOCATION").add("在住。")
    elif k == 2:
        n.phi_(f"{RNG.randint(1, 12)}月{RNG.randint(1, 28)}日(水)", "DATE").add("退院予定。")
    else:
        n.phi_(str(RNG.randint(90, 104)), "AGE").add("歳 女性。")


def hinglish(n: Note) -> None:
    k = RNG.randint(0, 2)
    if k == 0:
        n.add("patient ").phi_(str(RNG.randint(90, 99)), "AGE").add(" saal ki hai")
    elif k == 1:
        n.add("gaadi ").phi_(f"UP14 CT {digits(4)}", "ID").add(" bahar khadi hai")
    else:
        n.add("aadhaar ").phi_(f"{digits(4)} {digits(4)} {digits(4)}", "ID").add(" bheja")


def it_lower_kin(n: Note) -> None:
    n.add(pick(["chiamato il figlio ", "parlato con la figlia ", "de zoon "]))
    n.phi_(pick(["lucarelli", "mancuso", "ferrandi", "smeets", "bakker"]), "NAME")
    n.add(pick([" che non risponde alla chiamata della mattina.", " non presente, della madre "
                "nessuna notizia.", " niet thuis, ook geen bericht."]))


def korean(n: Note) -> None:
    n.add("주소: ").phi_(pick(["서울 강남구", "부산광역시 해운대구", "경기도 성남시 분당구"]),
                        "LOCATION").add(" 거주")


POS_MAKERS: list[Callable[[Note], None]] = [
    sign_in, source_initial, recipient, pt_acct, worded_age, place_age, uk_post, band_code,
    dos, home_city, kin_amp, mr_mrs, lower_surname, street_fn, month_year, romance,
    japanese, hinglish, korean, it_lower_kin]


# ---- hard negatives ---------------------------------------------------------------------
def neg_organism(n: Note) -> None:
    n.add(pick(["Source ", "name ", "Source pt "]) + pick(
        ["E. Coli", "S. Aureus", "P. Aeruginosa", "K. Pneumoniae", "C. Difficile",
         "H. Influenzae"]) + pick([" grown.", " isolated, sensitive.", " on culture."]))


def neg_firm(n: Note) -> None:
    n.add(pick(["Smith & Nephew dressing applied.", "Johnson & Johnson sutures.",
                "Procter & Gamble wipes.", "Mother & Baby Unit review.",
                "Son & Daughter Clinic letter."]))


def neg_today(n: Note) -> None:
    n.add(pick(["pain today 3/10, better.", "today 11/14 rooms cleaned.", "Sats today 9/10.",
                "the 5th attempt failed.", "3/14 cores positive."]))


def neg_codes(n: Note) -> None:
    n.add(pick(["Theatre OR1 2AB kit checked.", "lot AB1 2CD expired.", "Ward 7B bed 4.",
                "MTP BOX #2 sent.", "band WB checked, legible.", "Group ninety, reps done."]))


def neg_age_words(n: Note) -> None:
    n.add(pick(["Walked ninety metres unaided.", "ninety minutes post-op.",
                "One hundred ml flush given.", "Registrar ninety minutes late.",
                "from Recovery, 94% sats\""]))


def neg_home(n: Note) -> None:
    n.add(pick(["Hometown: Same as above.", "home town Unknown.", "home city N/A.",
                "home later today."]))


def neg_pt(n: Note) -> None:
    n.add(pick(["pt Hip Replacement from theatre.", "pt Sliding Scale from pharmacy.",
                "no patient, over.", "Recipient card signed.", "source bag labelled."]))


def neg_street(n: Note) -> None:
    n.add(pick(["bed 14 to CT at 1400.", "Transferred from ward 6 to ICU.",
                "on the road to recovery.", "2 units in ED by porter."]))


def neg_romance(n: Note) -> None:
    n.add(pick(["prima del bisturi, notizie della madre.", "mora em casa com a filha.",
                "lunedì 10:30 visita.", "VAS 3/10 lunedì.", "de 8/8 horas.",
                "90 minuti di attesa.", "afdeling 3 Oost, uit bed.", "sala 4."]))


def neg_japanese(n: Note) -> None:
    n.add(pick(["看護師さん 交代。", "師長さん 確認済み。", "担当 看護師 様", "嘔吐あり。",
                "주사 병동 이동", "kal subah BP 140/90 tha"]))


def neg_more(n: Note) -> None:
    n.add(pick(["Falls risk. Amber band ID applied.", "Violet band ID on left wrist.",
                "WELLS FARGO #1234 payment.", "GCS today 11/15, improving.",
                "Source A. Baumannii grown.", "Registrar paged, ninety seconds later.",
                "Mum & Dad Clinic leaflet given.", "patient, happy"]))


NEG_MAKERS: list[Callable[[Note], None]] = [
    neg_organism, neg_firm, neg_today, neg_codes, neg_age_words, neg_home, neg_pt,
    neg_street, neg_romance, neg_japanese, neg_more]


def main() -> None:
    emit(RNG, POS_MAKERS, NEG_MAKERS, "g7", 33)


if __name__ == "__main__":
    main()
