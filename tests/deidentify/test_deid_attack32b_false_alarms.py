"""attack32b: false alarms the study32b/c newer rules added (204237d..e6a9f01).

Every case here is ordinary clinical or technical text with no identifier in the place
the rule hides: NEW (the BASE engine at 204237d keeps the words shown). Each is a strict
xfail until the rule learns to keep it. Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

NEW = "attack32b NEW false alarm: "


def _kept(engine: Engine, note: str, kept: str) -> bool:
    return kept in engine.deidentify(note).text


# german_phones: any "0ddd ddddd" is taken for a phone with no phone's word before it; only
# lot/ref/charge/serial keep theirs. Article, order, cost-centre, pager and extension
# numbers, the ward's own line and a clock time before a dose all go.
GERMAN_PHONE_LOOKALIKES = [
    ("Heparin 0800 25000 IE über Perfusor.", "0800 25000 IE"),
    ("Um 0800 10000 Einheiten Heparin gegeben.", "0800 10000 Einheiten"),
    ("Intervall 0800 12000 IE.", "0800 12000"),
    ("Art.-Nr. 0412 555123 Katheter.", "0412 555123"),
    ("PZN 0123 45678 Ibuprofen.", "0123 45678"),
    ("Bestellnr. 0412 555123.", "0412 555123"),
    ("Laborauftrag 0412 555123.", "0412 555123"),
    ("Kostenstelle 0412 55512.", "0412 55512"),
    ("Katalog 0412 55512 Stent.", "0412 55512"),
    ("Batch 0412 55501 of heparin.", "0412 55501"),
    ("Pager 0412 55501 for on-call.", "0412 55501"),
    ("Nurse to call pager 0412 55501.", "0412 55501"),
    ("Durchwahl 0231 55512.", "0231 55512"),
    ("Call ext 0231 55512 if needed.", "0231 55512"),
    ("Zentrale 0231 555000 informiert.", "0231 555000"),
    ("Tel. Station 0412 55512.", "0412 55512"),
    ("OP-Saal 0412 55501.", "0412 55501"),
]


# (fixed: german_phones wants trunk_phones' phone or relative word, and no dose after)
@pytest.mark.parametrize(("note", "kept"), GERMAN_PHONE_LOOKALIKES)
def test_a_code_or_a_dose_time_is_no_german_phone(engine: Engine, note: str,
                                                  kept: str) -> None:
    assert _kept(engine, note, kept)


# us_places: a care service by its kind after "to"/"with" is taken for a named site when
# its first word is missing from _NOT_SITE
CARE_SERVICES = [
    ("Consult with Spiritual Care.", "Spiritual Care"),
    ("Consult with Pastoral Care.", "Pastoral Care"),
    ("Consult with Diabetes Care.", "Diabetes Care"),
    ("Consult with Foot Care.", "Foot Care"),
    ("Consult with Neonatal Care.", "Neonatal Care"),
    ("Consult with Orthopedic Rehab.", "Orthopedic Rehab"),
    ("Moved to Progressive Care.", "Progressive Care"),
    ("Moved to Intermediate Care.", "Intermediate Care"),
    ("Moved to Step Down Care.", "Step Down Care"),
    ("Referred to Comprehensive Rehab for PT.", "Comprehensive Rehab"),
    ("Discharged to Sub Acute Rehab.", "Sub Acute Rehab"),
]


# (fixed: a site's name needs a name's or a place's word, not plain English words alone)
@pytest.mark.parametrize(("note", "kept"), CARE_SERVICES)
def test_a_care_service_is_no_care_site(engine: Engine, note: str, kept: str) -> None:
    assert _kept(engine, note, kept)


# foreign_places: a French site's kind before any capitalised word ("Résidence" is also a
# medical residency, "Foyer" an infectious focus)
FRENCH_SITE_LOOKALIKES = [
    ("Résidence Pharmacie, 3e année.", "Résidence Pharmacie"),
    ("Foyer Infectieux identifié.", "Foyer Infectieux"),
    ("Hôpital Général, salle 4.", "Hôpital Général"),
]


# (fixed: a site named by common words only is no site)
@pytest.mark.parametrize(("note", "kept"), FRENCH_SITE_LOOKALIKES)
def test_a_french_common_noun_is_no_site(engine: Engine, note: str, kept: str) -> None:
    assert _kept(engine, note, kept)


# old_ages.age_by_birth_year: any "19xx, 9x" is an age, even a count after a year
YEAR_THEN_COUNT = [
    ("In 1930, 95 soldiers died.", "95 soldiers"),
    ("Since 1925, 99 cases were reported.", "99 cases"),
    ("Seit 1925, 99 Fälle.", "99 Fälle"),
    ("Publications 1929, 96 pages.", "96 pages"),
]


# (fixed: the year wants a birth's word before it, "Jahrgang", "geb.", "born")
@pytest.mark.parametrize(("note", "kept"), YEAR_THEN_COUNT)
def test_a_count_after_a_year_is_no_age(engine: Engine, note: str, kept: str) -> None:
    assert _kept(engine, note, kept)


# weekday_dates: a fraction of a dose or a score after a weekday with a small word after
WEEKDAY_FRACTIONS = [
    ("Wed 1/2, then full dose.", "1/2"),
    ("Friday 1/2 or 1 tab.", "1/2"),
    ("Sun 1/2 to 1 tab.", "1/2"),
    ("Friday 1/2 and 3/4 tabs given.", "1/2"),
    ("Pain Mon 3/10, Tue 2/10.", "Mon 3/10"),
    ("Mon 4/5 power, Tue 5/5.", "5/5"),
    ("PT sessions: Mon 1/3, Wed 2/3, Fri 3/3.", "Mon 1/3"),
    ("Strength L Mon 4/5, Fri 5/5.", "Mon 4/5"),
    ("Dressing changes Mon 1/2, Thu 2/2.", "Mon 1/2"),
]


# (fixed: a fraction's shape with a score's or a dose's word near, or a fellow of its
# denominator, is no date after a weekday)
@pytest.mark.parametrize(("note", "kept"), WEEKDAY_FRACTIONS)
def test_a_fraction_after_a_weekday_is_no_date(engine: Engine, note: str,
                                                kept: str) -> None:
    assert _kept(engine, note, kept)


PLACES_STILL = [
    ("Transferred from Mercy Hospital of Clark County.", "Clark County"),
    ("Discharged to Maple Crest Rehab, Marion.", "Maple Crest"),
    ("Transferred from Willow Creek Care in stable condition.", "Willow Creek"),
]


@pytest.mark.parametrize(("note", "hidden"), PLACES_STILL)
def test_a_facility_moved_to_is_still_hidden(engine: Engine, note: str, hidden: str) -> None:
    assert not _kept(engine, note, hidden)


WEEKDAY_DATES_STILL = [
    ("Clinic visit Friday 1/2.", "1/2"),
    ("Follow-up Tue 3/11 at 9 am.", "3/11"),
    ("Seen Mon 14.10. in clinic.", "14.10"),
]


@pytest.mark.parametrize(("note", "hidden"), WEEKDAY_DATES_STILL)
def test_a_weekday_date_is_still_hidden(engine: Engine, note: str, hidden: str) -> None:
    assert not _kept(engine, note, hidden)


# foreign_dates.fr_mars: "2 mars" needs no French word placing the day (weekday_dates'
# _MARS does): a count of chocolate bars becomes March
MARS_BARS = [
    ("Collation: 2 mars et un jus.", "2 mars"),
    ("Le patient a mangé 2 mars hier.", "2 mars"),
]


# (fixed: the day wants a year after it or a word placing it before, "au", "le")
@pytest.mark.parametrize(("note", "kept"), MARS_BARS)
def test_a_count_of_mars_bars_is_no_date(engine: Engine, note: str, kept: str) -> None:
    assert _kept(engine, note, kept)


# encoded_queries: a name's key ("pt", "contact", "family", "given") with an ordinary
# word as its value: a patient class, a precaution, a font, a count of doses
ENCODED_WORDS = [
    ("?pt%3Dadult%26dose%3Dhigh", "adult"),
    ("?pt%3Dpediatric%26weight%3D20", "pediatric"),
    ("?contact%3Dprecautions%26iso%3Dyes", "precautions"),
    ("?given%3D2%20doses%26route%3Dpo", "doses"),
]


# (fixed: encoded_queries reads a name's value as url_names does)
@pytest.mark.parametrize(("note", "kept"), ENCODED_WORDS)
def test_an_encoded_ordinary_value_is_no_name(engine: Engine, note: str,
                                              kept: str) -> None:
    assert _kept(engine, note, kept)


def test_an_encoded_font_family_is_no_name(engine: Engine) -> None:
    assert _kept(engine, "?family%3DTahoma%26size%3D12", "Tahoma")


# transfer_places widens an older false alarm ("Day", "Cath" taken for a name or place)
# over the whole unit's name after "from"/"to": BASE showed the unit's kind
WIDENED_UNITS = [
    ("Transferred from Day Surgery.", "Surgery"),
    ("Transferred to Cath Lab, then CCU.", "Lab"),
]


# (fixed: transfer_places' run stops at a plain English word after its first word)
@pytest.mark.parametrize(("note", "kept"), WIDENED_UNITS)
def test_a_unit_moved_to_is_not_widened(engine: Engine, note: str, kept: str) -> None:
    assert _kept(engine, note, kept)


# a place found, then the capitalised clinical word after it (a drain, a drug, a test, a
# state, a sentence's first word) swallowed into the place: transfer_places' run and
# us_places' / foreign_places' town after a comma take any capitalised word
SWALLOWED_WORDS_FIXED = [
    ("rehab at Larchmont Manor Hemovac placed", "Hemovac"),
    ("Transferred from Mercy Hospital Foley in place.", "Foley"),
    ("Transferred from Mercy Hospital CXR clear.", "CXR"),
    ("Transferred from Mercy Hospital Vancomycin started.", "Vancomycin"),
    ("Transferred from Mercy Hospital NPO since midnight.", "NPO"),
    ("Transferred from Mercy Hospital Allergies NKDA.", "NKDA"),
    ("Transferred from Mercy Hospital A-line in situ.", "A-line"),
    ("Arrived from Mercy Hospital Patient stable.", "Patient stable"),
    ("Sent to Willow Creek Care Plan of Care reviewed.", "Plan of Care"),
    ("Pt to Maple Crest Rehab, Tolerating diet.", "Tolerating"),
    ("Pt to Maple Crest Rehab in Stable condition.", "Stable"),
]


# (fixed: transfer_places' run stops after the facility's word at a clinical or plain word,
# an abbreviation, a last word before a lower-case one; us_places' town is no plain word)
@pytest.mark.parametrize(("note", "kept"), SWALLOWED_WORDS_FIXED)
def test_a_clinical_word_after_a_us_place_stays(engine: Engine, note: str, kept: str) -> None:
    assert _kept(engine, note, kept)


# (fixed in foreign_places: a clinical word or a noun by its ending is no town after a comma)
SWALLOWED_FOREIGN_WORDS = [
    ("Pflegeheim Haus Morgenrot, Mobilisation gut.", "Mobilisation"),
    ("Domicile: 18 rue des Saules, Afébrile.", "Afébrile"),
    ("Vit à la Résidence Les Pins, Autonome.", "Autonome"),
    ("l'Hôpital de Saint-Jérôme, Urgence.", "Urgence"),
]


@pytest.mark.parametrize(("note", "kept"), SWALLOWED_FOREIGN_WORDS)
def test_a_clinical_word_after_a_foreign_place_stays(engine: Engine, note: str,
                                                     kept: str) -> None:
    assert _kept(engine, note, kept)
