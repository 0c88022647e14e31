"""attack33c: the English rules and narrowings of e52c8eb..62435e1 (study33c) under attack.

NEW leaks (an identifier BASE hid that HEAD shows): names.py reads a relation word after
"&" as a firm's ("Smith & Nephew"), so "son & daughter Tarrow" loses its kin cue; a
lower-case English word closing the note after "patient,"/"pt," is read as the word, so a
surname that is a word ("nightingale") is published with a clean verdict; in a note with
two Italian/Dutch markers a lower-case surname after a kin word is no longer read;
places.py's function words cut "44 From Moor Rd" to "Moor Rd".
NEW false alarms: cue_names reads an organism or a maker after "Source"/"name" ("E.
Coli", "B. Braun"), a wristband's colour ("Amber band ID") and a bank in capitals as names;
dos_dates a GCS after "today" as a date; word_ages "ninety seconds" after a name as an age;
it_pt_nl_places a Dutch postcode's town runs into the next word.
OLDER: shapes beside the new rules that neither tree hides. Found by hand and with
bench/deid_diff/gen7.py. Every note here is invented for these tests.
"""

from __future__ import annotations

import pytest

from services.common.deid import Engine

NEW_LEAKS = [
    # "&" between two relation words: the second still names kin, not a firm
    ("Visited by son & daughter Tarrow this afternoon.", "Tarrow"),
    ("Spoke to husband & wife Dravek about goals.", "Dravek"),
    ("Spoke with mother & father Aberdale.", "Aberdale"),
    ("Visited by daughter & son Tarrow today.", "Tarrow"),
    # a lower-case surname that is an English word, closing the note after "patient,"
    ("Phoned patient, nightingale", "nightingale"),
    ("Phoned patient, swallow", "swallow"),
    ("Visited by mum & dad Tarrow today.", "Tarrow"),
    ("Phoned pt, nightingale", "nightingale"),
    # places.py: "from"/"to" as a street's first word now ends it, and the house number
    # and that word are published (BASE hid "44 From Moor Rd" whole)
    ("Lives at 44 From Moor Rd.", "44 From"),
    ("Lives at 77 To Market Lane.", "77 To"),
]

OLDER_LEAKS = [
    # a lower-case surname after an Italian kin word, before a verb
    ("il figlio ferrandi non risponde, della madre nessuna notizia", "ferrandi"),
    # a function word inside a street's name: neither tree hides the house number
    ("Lives at 59 In Town Rd.", "59"),
    ("Lives at 72 Mill and Bridge St.", "72"),
    ("Lives at 8 For Ever Close.", "Ever Close"),
    # uk_postcodes reads a postcode in capitals only
    ("Lives in Stroud, gl5 3qr.", "3qr"),
]

# OLDER shapes closed by fix33c: a non-breaking hyphen in a worded age, a county's
# abbreviation or a doubled blank before a UK postcode, "band code"/"band:" before a
# wristband's code, a dash after a sign-in's name, a rare given name after "recipient"
OLDER_FIXED = [
    ("ninety\u2011three y F, fall at home.", "three"),
    ("Address: Mill Lane, Stroud, Glos. GL5 3QR", "GL5 3QR"),
    ("Lives in Stroud,  GL5 3QR", "GL5 3QR"),
    ("band code WB 0042 7781", "0042 7781"),
    ("band: WB 0042 7781", "0042 7781"),
    ("sign in: IVO RASK - visitor", "RASK"),
    # cue_names' recipient reads a rare given name that is a word, as after "pt"
    ("recipient Temperance Aberdale MRN 8158723", "Aberdale"),
    ("recipient Temperance Brightwell one hundred, crossmatch sent.", "one hundred"),
]

NEW_FALSE_ALARMS = [
    # a culture's source organism: genus initial and species, no person
    "Source E. Coli grown",
    "Source P. Aeruginosa isolated",
    "Source K. Pneumoniae on culture",
    "Source C. Difficile toxin positive",
    "name E. Coli sensitivities",
    "Source A. Baumannii grown",
    "Source B. Braun infusion bag",  # a maker's name, a bag's source
    # a wristband's colour that a list holds as a given name, before "band ID"
    "Falls risk. Amber band ID applied.",
    "Violet band ID on left wrist.",
    # a bank in capitals opening the note before its number: both words are names
    "WELLS FARGO #1234 payment",
    # dos_dates: a score out of 15 after "today" is no date (GCS); BASE left it shown
    "GCS today 11/15, improving.",
]

# word_ages' worded age right after a name: a duration's unit it does not list
NEW_AGE_ALARMS = [
    "Paged Dr Tarrow ninety seconds later.",
    "Called Mrs Quillon ninety seconds after alarm.",
]

# it_pt_nl_places: a Dutch postcode's town takes the next capitalised word with it
NEW_OVERREACH = [
    ("Woont op Kerkstraat 84, 4465 GC Zwolle Dochter belt morgen.", "Dochter"),
    ("Woont op Kerkstraat 84, 4465 GC Zwolle Spoke with daughter today.", "Spoke"),
]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


@pytest.mark.parametrize(("note", "name"), NEW_LEAKS)
def test_new_leak_hidden(engine: Engine, note: str, name: str) -> None:
    out = engine.deidentify(note).text
    assert name not in out, out


# an Italian or Dutch note (two markers): a lower-case surname after a kin word was no
# longer read (BASE hid it with the word after it); the narrowing was withdrawn
WITHDRAWN_NARROWING = [
    ("chiamato il figlio lucarelli che non risponde alla chiamata della mattina",
     "lucarelli"),
    ("de zoon smeets niet thuis, ook geen bericht van de dochter.", "smeets"),
]


@pytest.mark.parametrize(("note", "name"), WITHDRAWN_NARROWING)
def test_a_lower_case_surname_in_an_italian_or_dutch_note_is_hidden(
        engine: Engine, note: str, name: str) -> None:
    out = engine.deidentify(note).text
    assert name not in out, out


def test_new_street_verdict(engine: Engine) -> None:
    # BASE quarantined this note (a date of birth and a whole address); HEAD only redacts it
    res = engine.deidentify("DOB 14/jul/1987 recipient Ivo Aberdale MRN 2344133 "
                            "Lives at 44 From Moor Rd.")
    assert "44" not in res.text and res.verdict == "quarantine", (res.text, res.verdict)


@pytest.mark.xfail(strict=True, reason="OLDER: a street or a recipient beside the new "
                   "rules that neither tree hides")
@pytest.mark.parametrize(("note", "leaked"), OLDER_LEAKS)
def test_older_leak_hidden(engine: Engine, note: str, leaked: str) -> None:
    out = engine.deidentify(note).text
    assert leaked not in out, out


@pytest.mark.parametrize(("note", "word"), NEW_OVERREACH)
def test_new_overreach_word_kept(engine: Engine, note: str, word: str) -> None:
    out = engine.deidentify(note).text
    assert word in out, out


@pytest.mark.parametrize("note", NEW_AGE_ALARMS)
def test_new_age_alarm(engine: Engine, note: str) -> None:
    res = engine.deidentify(note)
    assert "ninety" in res.text, res.text


@pytest.mark.parametrize("note", NEW_FALSE_ALARMS)
def test_new_false_alarm_unchanged(engine: Engine, note: str) -> None:
    res = engine.deidentify(note)
    assert res.text == note, res.text


@pytest.mark.parametrize(("note", "leaked"), OLDER_FIXED)
def test_older_fixed_leak_hidden(engine: Engine, note: str, leaked: str) -> None:
    out = engine.deidentify(note).text
    assert leaked not in out, out


# what fix33c's narrowings must still hide, and what its widenings must leave
STILL_HIDDEN = [
    ("Woont op Kerkstraat 84, 2511 AB Den Haag, belt morgen.", "Haag"),
    ("Woont op Kerkstraat 84, 4465 GC Zwolle Zuid.", "Zuid"),
    ("Source T. Wickham MRN 5512093", "Wickham"),
    ("Tarrow band WB-0012 3345", "Tarrow"),
    ("Lives at 12 Orchard Ct with her son", "12 Orchard"),
]


@pytest.mark.parametrize(("note", "secret"), STILL_HIDDEN)
def test_fix33c_still_hides(engine: Engine, note: str, secret: str) -> None:
    assert secret not in engine.deidentify(note).text


STILL_SHOWN = [
    "sign in: TIME OUT - checklist done",
    "band: none on wrist, reapplied",
    "Paged Dr Tarrow, reply in ninety minutes.",
    "transport, trolley 9 to CT then back",
    "recipient Hospital Pharmacy MRN 12 notified",
]


@pytest.mark.parametrize("note", STILL_SHOWN)
def test_fix33c_leaves_words(engine: Engine, note: str) -> None:
    out = engine.deidentify(note).text
    for word in ("TIME OUT", "none", "ninety", "9 to CT", "Hospital Pharmacy"):
        if word in note:
            assert word in out, out
