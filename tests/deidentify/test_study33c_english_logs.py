"""study33c: shapes of the English logs (billing capture, sharps, tissue bank, M&M
slides, cell saver...) the older rules missed: names after a log's cue, ages over 89 in
words, a UK postcode after its town, a wristband's code in groups, a date left short
after "DOS" or "today". Values invented; hard negatives stay shown.
"""

from __future__ import annotations

import pytest

from services.common.deid import Engine


def _covered(engine: Engine, note: str, secret: str) -> bool:
    """Is every character of `secret` inside a finding?"""
    start = note.index(secret)
    found = engine.deidentify(note).findings
    return all(any(f.start <= i < f.end for f in found) for i in range(start, start + len(secret))
               if not note[i].isspace())


def _untouched(engine: Engine, note: str, word: str) -> bool:
    start = note.index(word)
    return not any(f.start < start + len(word) and start < f.end
                   for f in engine.deidentify(note).findings)


HIDDEN = [  # (note, what must be hidden)
    # cue_names
    ("sign in: OSWIN TARRANT / Освин Таррант, bay 4", "OSWIN TARRANT"),
    ("SHARPS LOG FRI OR 2 SOURCE K. PENDLEBURY MRN 7712003", "K. PENDLEBURY"),
    ("umbrella tagged with name R. Wetherspoon left at front desk", "R. Wetherspoon"),
    ("SOURCE T. MARBLEWOOD MRN 5512770 consented", "T. MARBLEWOOD"),
    ("recipient Ottoline Fairbrass ninety-four DOS 2 Feb MRN 5521-0087", "Ottoline Fairbrass"),
    ("recipient Leopold Vantongeren from Marysville, tracking ref 22", "Leopold Vantongeren"),
    ("ODELL VANCE #0041-7720 REINFUSED 1410", "ODELL VANCE"),
    ("spare linen, Kowalczyk band WB-0077123 verified, to theatre", "Kowalczyk"),
    ("pt Ysolde Marchbanks acct A-4410-0021 rebill", "Ysolde Marchbanks"),
    # word_ages
    ("Case 7: ninety-four y M, redo AVR, died day 2", "ninety-four"),
    ("case 3: one hundred and one y woman, hip fracture", "one hundred and one"),
    ("pt [x] dose 12 min 05-May-2025, ninety-seven, letter to Dayton", "ninety-seven"),
    ('talk notes: "Mr K. from Zanesville, 94" change to 90+', "94"),
    # uk_postcodes
    ("letter to 4 Abbey Close, Frome BA11 2QT for the family", "BA11 2QT"),
    ("lives 3 Kirk Brae, Perth, PH2 7LX with daughter", "PH2 7LX"),
    # band_codes
    ("patient Albin Oyelowo band WB 0034 8812, right knee", "WB 0034 8812"),
    ("pt band reads ID—0772 1934 (long dash), chart agrees", "ID—0772 1934"),
    # day_dates
    ("pt Norberta Quaye acct A-0077-2210 DOS the 9th rebill", "the 9th"),
    ("consent signed today 4/17 by the source pt", "today 4/17"),
]


@pytest.mark.parametrize(("note", "secret"), HIDDEN)
def test_the_english_log_shape_is_hidden(engine: Engine, note: str, secret: str) -> None:
    assert _covered(engine, note, secret)


KEPT = [  # (note, what must stay shown)
    ("source bag labelled, 400 ml returned", "bag"),
    ("Case 5: 64 y F, lap chole, ninety minutes in theatre", "ninety minutes"),
    ("count, ninety, then recount of sponges", "ninety"),
    ("tray from OR1 2AB to sterile services", "OR1 2AB"),
    ("kit lot AB1 2CD opened OR 3", "AB1 2CD"),
    ("pain score today 3/10 after block", "today 3/10"),
    ("band aid applied, no band WB needed", "band WB"),
    ("ICE COOLER #2 ARRIVED OR 4.", "ICE COOLER"),
    ("sign in: TIME OUT / checklist done", "TIME OUT"),
    ("name D. Tray on the shelf", "Tray"),
    ("pt Hip Replacement from ward 4 rebooked", "Hip Replacement"),
]


@pytest.mark.parametrize(("note", "word"), KEPT)
def test_the_word_beside_the_cue_stays(engine: Engine, note: str, word: str) -> None:
    assert _untouched(engine, note, word)


# older rules narrowed (study33c): a radio's "over" after "no patient,", a bed's trip
# "to CT" read as a street, a firm's "& Nephew" read as kin
NARROWED = [  # (note, what must stay shown)
    ("runner, stretcher back to ward 3, no patient, over", "over"),
    ("transport, trolley 9 to CT then back, over", "9 to CT"),
    ("rep dropped the Smith & Nephew Legion tray, lot noted", "Legion"),
]


@pytest.mark.parametrize(("note", "word"), NARROWED)
def test_an_older_rule_leaves_the_word(engine: Engine, note: str, word: str) -> None:
    assert _untouched(engine, note, word)


STILL_FOUND = [  # (note, what the narrowed rules still hide)
    ("called the patient, quartermaine answered", "quartermaine"),
    ("seen by the patient, baker", "baker"),
    ("nephew Caspian waiting outside", "Caspian"),
    ("lives at 12 Orchard Ct with her son", "12 Orchard Ct"),
]


@pytest.mark.parametrize(("note", "secret"), STILL_FOUND)
def test_the_narrowed_rules_still_find(engine: Engine, note: str, secret: str) -> None:
    assert _covered(engine, note, secret)


MORE_HIDDEN = [  # (note, what must be hidden): a rare given name, a clinical-listed
    # surname after a middle name, a town after "home city"
    ("pt Clemency Abara acct A-0091-2277 rebill", "Clemency Abara"),
    ("pt Tiberio Anselmo Dias from Lorain, dose 2.2 Gy", "Tiberio Anselmo Dias"),
    ("pt seen, home city Marion (the Ohio one), band ok", "Marion"),
    ("hometown Chillicothe per intake form", "Chillicothe"),
]


@pytest.mark.parametrize(("note", "secret"), MORE_HIDDEN)
def test_more_english_log_shapes_are_hidden(engine: Engine, note: str, secret: str) -> None:
    assert _covered(engine, note, secret)


MORE_KEPT = [  # (note, what must stay shown)
    ("pt Total Knee from ward 6 rebooked", "Total Knee"),
    ("home care Monday per plan", "Monday"),
    ("home town Unknown, see intake", "Unknown"),
]


@pytest.mark.parametrize(("note", "word"), MORE_KEPT)
def test_more_words_stay(engine: Engine, note: str, word: str) -> None:
    assert _untouched(engine, note, word)
