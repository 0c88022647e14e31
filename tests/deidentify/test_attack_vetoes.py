"""Attacks on the rules that say "this is not PHI" (foreign_words, label_values): a
patient's or relative's name, or a town, that such a rule let out with the verdict
`clean` or `redacted`, so it reached students with no person in between.

- foreign_words: in a note that reads as Vietnamese, a full name in lower case is made of
  ordinary words ("nguyễn thị hoa"); in Filipino "si"/"ni"/"kay" put a person's name
  after them; in any of the languages a place after "vive en", "mora em", "habite à",
  "nakatira sa" is where someone lives.
- label_values: the value of a person's field ("Guardian:", "Pt name:") is a
  name even when it is an everyday word or a colon follows it; a value with a colon
  after it is another label only when it is an ordinary word ("re: Notice:"), not a word
  no list holds ("re: Oyelaran: consent signed").

Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

PUBLISHED = ("clean", "redacted")


def _leaks(engine: Engine, note: str, secret: str) -> bool:
    out = engine.deidentify(note)
    return out.verdict in PUBLISHED and secret in out.text


VIETNAMESE_FULL_NAMES = [
    ("bệnh nhân nguyễn thị hoa, 64 tuổi, đang chờ phòng mổ 3.", "hoa"),
    ("bn trần văn minh ổn định sau mổ, đang ở phòng hồi tỉnh", "minh"),
    ("con gái phạm thị lan đang chờ, bệnh nhân ổn định sau mổ", "lan"),
    ("bệnh nhân ổn định sau mổ, chồng là hoàng văn tuấn đang ở phòng chờ", "tuấn"),
    ("bệnh nhân lê thị thu đang chờ mổ, không sốt, không đau", "thu"),
]


@pytest.mark.parametrize(("note", "name"), VIETNAMESE_FULL_NAMES)
def test_a_vietnamese_full_name_in_lower_case_goes(engine: Engine, note: str,
                                                   name: str) -> None:
    assert not _leaks(engine, note, name)


FILIPINO_PERSONAL_ARTICLE = [
    ("nasa PACU na po si lola, ang anak niya na si ligaya ay nasa waiting room", "ligaya"),
    ("tumawag na po si dalisay, anak ng pasyente, nasa waiting room po", "dalisay"),
    ("nasa PACU na po ang pasyente, kausap ni ligaya ang doktor", "ligaya"),
]


@pytest.mark.parametrize(("note", "name"), FILIPINO_PERSONAL_ARTICLE)
def test_a_name_after_si_or_ni_goes(engine: Engine, note: str, name: str) -> None:
    assert not _leaks(engine, note, name)


WHERE_SOMEONE_LIVES = [
    ("la paciente vive en buena vista con su hija, está en ayuno", "buena vista"),
    ("le patient habite à belle vue, sa fille est là", "belle vue"),
    ("nakatira po si lola sa bagong silang, nasa PACU na po", "bagong silang"),
]


@pytest.mark.parametrize(("note", "place"), WHERE_SOMEONE_LIVES)
def test_a_town_after_a_residence_verb_goes(engine: Engine, note: str, place: str) -> None:
    assert not _leaks(engine, note, place)


PERSON_FIELDS = [
    ("Guardian: Ocean", "Ocean"),
    ("re: Oyelaran: consent signed", "Oyelaran"),
    ("re: Quarshie: daughter called", "Quarshie"),
    ("Attn: Oyelaran: pt ready", "Oyelaran"),
    ("To: Summer: your mom is in PACU", "Summer"),
    ("Pt name: Sunny: ready for OR", "Sunny"),
    ("Visitor: River: at bedside", "River"),
]


@pytest.mark.parametrize(("note", "name"), PERSON_FIELDS)
def test_a_person_fields_value_goes(engine: Engine, note: str, name: str) -> None:
    assert not _leaks(engine, note, name)


UNTOUCHED = [
    "bệnh nhân ổn định, đang ở phòng hồi tỉnh, không đau",
    "bệnh nhân dương tính covid, đang ở phòng cách ly, không sốt",
    "la paciente está en ayuno desde anoche, vive con su hija",
    "To: All OR staff",
    "sms from CRNA: running late",
    "re: Notice: tray 4 recalled",
]


@pytest.mark.parametrize("note", UNTOUCHED)
def test_ordinary_words_stay(engine: Engine, note: str) -> None:
    out = engine.deidentify(note)
    assert out.verdict == "clean" and out.text == note


# Eponyms the lists gained this session that are also people's surnames: beside a
# given name, after "pt", inverted before a given name, or before an age and sex, they
# are a person; before a score, a grade or an instrument they stay.
EPONYM_SURNAMES = [
    ("Brodsky, Tomasz 71M bay 4", "Brodsky"),
    ("Hal Brodsky in bay 4, NPO since MN", "Brodsky"),
    ("pt brodsky in pre-op, wife at bedside", "brodsky"),
    ("Lenke, Tomasz 64M spinal fusion", "Lenke"),
    ("Hal Apfel 66M to OR 2", "Apfel"),
    ("Next: Ada Bromage, 58F, TKA", "Bromage"),
    ("Ada Lenke 58F in PACU", "Lenke"),
]


@pytest.mark.parametrize(("note", "name"), EPONYM_SURNAMES)
def test_an_eponym_that_is_a_surname_goes_beside_a_person(engine: Engine, note: str,
                                                         name: str) -> None:
    assert not _leaks(engine, note, name)


EPONYMS_AT_WORK = [
    "Apfel 3, PONV ppx given",
    "Apfel score 3",
    "Lenke 1A curve, T4-L1 fusion",
    "Bromage 0 after spinal",
    "Caspar pins placed, C5-6 ACDF",
    "Caspar retractor and pins",
    "Brodsky grade 3 tonsils",
    "Lenke classification 2B",
]


@pytest.mark.parametrize("note", EPONYMS_AT_WORK)
def test_an_eponym_at_work_stays(engine: Engine, note: str) -> None:
    out = engine.deidentify(note)
    assert out.verdict == "clean" and out.text == note


# An OR word or score the lists gained this session, in a surname's place: after a given
# name and before an age and sex it is the person's surname ("Ada Lenke 58F" used to lose
# only "Ada"); in a note about the score it stays.
SURNAME_BEFORE_AGE = [
    ("Ada Apgar 58F in PACU", "Apgar"),
    ("Ada Hoh 58F in PACU", "Hoh"),
    ("Lin Ao, 61 M, to OR 3", "Ao"),
    ("Hal Meld 70M for TIPS", "Meld"),
    ("Jo Main 44 yo in bay 2", "Main"),
]


@pytest.mark.parametrize(("note", "name"), SURNAME_BEFORE_AGE)
def test_a_word_between_a_given_name_and_an_age_is_the_surname(engine: Engine, note: str,
                                                               name: str) -> None:
    assert not _leaks(engine, note, name)


SCORES_BEFORE_NUMBERS = [
    "Apgars 8/9, baby to NICU",
    "GCS 15, MELD 22",
    "Peep 5, FiO2 40%",
    "pt hoh, uses hearing aids",
]


@pytest.mark.parametrize("note", SCORES_BEFORE_NUMBERS)
def test_a_score_before_a_number_stays(engine: Engine, note: str) -> None:
    out = engine.deidentify(note)
    assert out.verdict == "clean" and out.text == note


# A person's label or "is called" in the note's own language: the words after it are a
# name even when they are ordinary words there ("paciente: luz del mar").
FOREIGN_PERSON_LABELS = [
    ("paciente: luz del mar, está en ayuno, su hija espera", "luz"),
    ("nombre: paz vida, está en ayuno desde anoche", "paz"),
    ("o paciente se chama pedro santos, está em jejum", "pedro"),
]


@pytest.mark.parametrize(("note", "name"), FOREIGN_PERSON_LABELS)
def test_a_name_after_a_foreign_person_label_goes(engine: Engine, note: str,
                                                  name: str) -> None:
    assert not _leaks(engine, note, name)


FOREIGN_GRAMMAR_AFTER_A_LABEL = [
    "la paciente está en ayuno desde anoche",
    "el paciente tiene dolor, está en ayuno",
]


@pytest.mark.parametrize("note", FOREIGN_GRAMMAR_AFTER_A_LABEL)
def test_grammar_after_a_foreign_person_word_stays(engine: Engine, note: str) -> None:
    out = engine.deidentify(note)
    assert out.verdict == "clean" and out.text == note


# A note that is mostly identifiers is held for a person unless nothing is left that could
# be one (dense_notes): a given name and a surname side by side, a town after "from" or
# "in", or a street-type word after a word are what a person could still miss, even when
# every word of them is an ordinary English word.
DENSE_LEFTOVERS = [
    ("617-555-0142 / 02/03/1950 / hope young", "hope young"),
    ("617-555-0142 02/03/1950 from reading", "reading"),
    ("617-555-0142 02/03/1950 green st", "green st"),
]


@pytest.mark.parametrize(("note", "left"), DENSE_LEFTOVERS)
def test_a_dense_note_with_a_name_or_place_left_is_held(engine: Engine, note: str,
                                                        left: str) -> None:
    assert not _leaks(engine, note, left)


DENSE_NOTHING_LEFT = [
    "zip 02139",
    "her email is kim.oyelaran@example.org",
    "callback 617-555-0142 from PACU",
]


@pytest.mark.parametrize("note", DENSE_NOTHING_LEFT)
def test_a_dense_note_with_nothing_left_goes_out(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).verdict == "redacted"


# "pt will need ..." keeps "will" a word (pt_names); but a given name that is a word after
# "pt" is the patient's when an age follows past a comma, or when the patient goes to a
# room ("pt will smith to OR", "pt joy to OR 2").
PT_GIVEN_NAME_WORDS = [
    ("pt will hart, 58M, in bay 3", "hart"),
    ("pt will smith to OR", "smith"),
    ("pt will brown in pacu", "brown"),
    ("pt joy to OR 2", "joy"),
    ("pt will, 58M, to OR 2", "will"),
]


@pytest.mark.parametrize(("note", "name"), PT_GIVEN_NAME_WORDS)
def test_a_given_name_word_after_pt_goes_before_an_age_or_a_room(engine: Engine, note: str,
                                                                  name: str) -> None:
    assert not _leaks(engine, note, name)


PT_MODAL_VERBS = [
    "pt will need consent",
    "pt will go to OR 2 after the MRI",
    "pt may walk to PACU",
    "pt will be in bay 3",
]


@pytest.mark.parametrize("note", PT_MODAL_VERBS)
def test_a_modal_after_pt_stays(engine: Engine, note: str) -> None:
    out = engine.deidentify(note)
    assert out.verdict == "clean" and out.text == note


# local_phones keeps a dose range ("250-1000 mL") and a shift ("730-1530") out of the
# phones; a relative's number with "h" (home) or "u" after it, or with a relative or
# "(cell)" right beside it, is a phone all the same: a range goes up, and nobody's shift
# is typed after "daughter".
LOCAL_PHONES_BESIDE_A_RELATIVE = [
    ("daughter 555-0142 h", "0142"),
    ("wife 555-0142 h, 555-0199 c", "0142"),
    ("Family contacts: son 555-0142 h / 555-0199 w", "0142"),
    ("daughter 855-1400", "1400"),
    ("husband Ben 415-1630", "1630"),
    ("Contacts: wife 415-1630 (cell)", "1630"),
]


@pytest.mark.parametrize(("note", "part"), LOCAL_PHONES_BESIDE_A_RELATIVE)
def test_a_relatives_local_number_goes(engine: Engine, note: str, part: str) -> None:
    assert not _leaks(engine, note, part)


RANGES_AND_SHIFTS = [
    "Family contacts updated; NS 250-1000 mL",
    "Callbacks: OR hours 730-1530",
]


@pytest.mark.parametrize("note", RANGES_AND_SHIFTS)
def test_a_range_or_a_shift_stays(engine: Engine, note: str) -> None:
    out = engine.deidentify(note)
    assert out.verdict == "clean" and out.text == note


# A relative's word in the note's own language cues the name after it ("chồng là minh",
# "con trai tuấn"); Vietnamese given names are frequent words, so there only the
# language's function words after a relative's word are let go ("con gái đang chờ").
FOREIGN_RELATIVES = [
    ("bệnh nhân đang chờ mổ, chồng là minh đang ở ngoài", "minh"),
    ("bệnh nhân đang chờ mổ, con trai tuấn đang ở ngoài", "tuấn"),
    ("bệnh nhân đang chờ mổ, vợ là hoa đang ở ngoài", "hoa"),
]


@pytest.mark.parametrize(("note", "name"), FOREIGN_RELATIVES)
def test_a_name_after_a_foreign_relatives_word_goes(engine: Engine, note: str,
                                                    name: str) -> None:
    assert not _leaks(engine, note, name)


FOREIGN_RELATIVES_WITHOUT_NAMES = [
    "bệnh nhân đang chờ mổ, con gái đang chờ ở ngoài",
    "la paciente está en ayuno, su hermana está aquí",
    "o paciente está em jejum, o marido está na sala de espera",
]


@pytest.mark.parametrize("note", FOREIGN_RELATIVES_WITHOUT_NAMES)
def test_a_foreign_relatives_word_alone_stays(engine: Engine, note: str) -> None:
    out = engine.deidentify(note)
    assert out.verdict == "clean" and out.text == note


# An age the age rules found, swallowed by a longer name span that a drop rule then let go
# ("bệnh nhân 95 tuổi": the foreign-word rule dropped "nhân 95 tuổi, đang chờ" as words),
# is still an age.
AGES_INSIDE_DROPPED_SPANS = [
    ("bệnh nhân 95 tuổi, đang chờ phòng mổ", "95"),
    ("bệnh nhân 97 tuổi, đang ở phòng hồi tỉnh", "97"),
]


@pytest.mark.parametrize(("note", "age"), AGES_INSIDE_DROPPED_SPANS)
def test_an_age_inside_a_dropped_span_goes(engine: Engine, note: str, age: str) -> None:
    assert not _leaks(engine, note, age)


# local_phones reads a seven-digit number as a phone in a note about calls, in the
# languages the foreign-word rule knows; Vietnamese ("số điện thoại", "gọi") was missing.
VIETNAMESE_CALLS = [
    ("bệnh nhân đang chờ phòng mổ, số điện thoại 555 0142", "0142"),
    ("gọi con gái 555-0142, bệnh nhân đang chờ phòng mổ", "0142"),
]


@pytest.mark.parametrize(("note", "part"), VIETNAMESE_CALLS)
def test_a_number_in_a_vietnamese_note_about_calls_goes(engine: Engine, note: str,
                                                        part: str) -> None:
    assert not _leaks(engine, note, part)


# A state's name is above state level and never redacted; followed by another state's
# postal code it is a town ("Indiana, PA", "Florida, NY"), which Safe Harbor counts.
STATE_NAMED_TOWNS = [
    ("pt lives in Indiana, PA with daughter", "Indiana"),
    ("from Nevada, MO; daughter at bedside", "Nevada"),
    ("lives in Florida, NY", "Florida"),
    ("home in Delaware, OH", "Delaware"),
]


@pytest.mark.parametrize(("note", "town"), STATE_NAMED_TOWNS)
def test_a_town_named_like_another_state_goes(engine: Engine, note: str, town: str) -> None:
    assert not _leaks(engine, note, town)


STATES_AS_STATES = [
    "transfer from Indiana, IN border hospital",
    "moved from Florida, FL license",
    "pt from Ohio, visiting family",
]


@pytest.mark.parametrize("note", STATES_AS_STATES)
def test_a_state_stays(engine: Engine, note: str) -> None:
    out = engine.deidentify(note)
    assert out.verdict == "clean" and out.text == note


# typo_words takes a lower-case guess one slip away from an ordinary word for a typo
# ("pt aslep"); one slip away from a frequent surname or given name that is also a word
# ("smiht", "wilsno", "dvais") it may be the name mistyped: left for a person to look at.
TYPOS_OF_NAMES = [
    ("pt smiht in pacu", "smiht"),
    ("pt wilsno to OR 2", "wilsno"),
    ("pt dvais to OR 2", "dvais"),
    ("pt stonee to OR 2", "stonee"),
]


@pytest.mark.parametrize(("note", "name"), TYPOS_OF_NAMES)
def test_a_typo_of_a_frequent_name_is_no_plain_typo(engine: Engine, note: str,
                                                    name: str) -> None:
    assert not _leaks(engine, note, name)


TYPOS_OF_WORDS = [
    "pt aslep in bay 2",
    "attending scrubed in at 0730",
]


@pytest.mark.parametrize("note", TYPOS_OF_WORDS)
def test_a_typo_of_a_word_stays(engine: Engine, note: str) -> None:
    out = engine.deidentify(note)
    assert out.verdict == "clean" and out.text == note
