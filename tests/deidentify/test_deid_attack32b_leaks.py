"""attack32b: identifiers left shown, whole or in part, beside the shapes the study32b/c
newer rules read (foreign_places, old_ages, german_phones, trunk_phones, lookalike_phones,
health_cards, encoded_queries, weekday_dates, transfer_places; 204237d..e6a9f01).

OLDER: the BASE engine at 204237d shows the same characters; the new rule reads the
shape next door (a town after a two-word name, a line break, a soft hyphen, upper case, a
capital "Rue", a hyphen it does not know) and stops short. Each is a strict xfail until
a rule covers every character. Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

OLDER = "attack32b OLDER leak: "


def _shown(engine: Engine, note: str, secret: str) -> bool:
    return secret in engine.deidentify(note).text


# de_address takes one capitalised word for the town: "Bad X", "X am Main", "St. X" lose
# their second word; a line break, a soft hyphen, a zero-width space, upper case, a house
# number range or a dash before the postcode lose it all
# (fixed: "Bad X", "X am Main", "St. X" and a line break before the postcode)
GERMAN_ADDRESSES_FIXED = [
    ("Lindenstraße 3, 01234 Bad Kleinburg", "Kleinburg"),
    ("Lindenstraße 3, 01234 Frankfurt am Main", "Main"),
    ("Lindenstraße 3, 01234 St. Ingbert", "Ingbert"),
    ("Lindenweg 3\n01234 Musterstadt", "Musterstadt"),
    ("aus dem Altenheim Sankt Anna in Bad Kleinburg verlegt.", "Kleinburg"),
]


@pytest.mark.parametrize(("note", "secret"), GERMAN_ADDRESSES_FIXED)
def test_a_german_town_of_two_words_goes(engine: Engine, note: str, secret: str) -> None:
    assert not _shown(engine, note, secret)


GERMAN_ADDRESSES = [
    ("Linden\u00adweg 3, 01234 Musterstadt", "Musterstadt"),
    ("Linden\u200bstraße 3, 01234 Musterstadt", "Musterstadt"),
    ("LINDENSTRASSE 3, 01234 MUSTERSTADT", "MUSTERSTADT"),
    ("Wohnort Kleinburg, Lindenweg 3.", "Lindenweg"),
]


@pytest.mark.xfail(strict=True, reason=OLDER + "de_address stops short of a German town "
                   "(soft hyphen, ZW space, upper case, no postcode)")
@pytest.mark.parametrize(("note", "secret"), GERMAN_ADDRESSES)
def test_a_german_address_goes_whole(engine: Engine, note: str, secret: str) -> None:
    assert not _shown(engine, note, secret)


# de_home wants "St./Haus/Maria/Am/Zum" and one capitalised word, then one word of town
GERMAN_HOMES = [
    ("Pflegeheim Zum Guten Hirten, Kleinburg", "Kleinburg"),
    ("Seniorenheim Sonnenhof, Kleinburg.", "Sonnenhof"),
    ('Pflegeheim "Haus Morgenrot", Kleinburg.', "Kleinburg"),
    ("Hospiz Haus Morgen\u00adrot, Kleinburg.", "Kleinburg"),
]


@pytest.mark.xfail(strict=True, reason=OLDER + "de_home leaves the town or the home's "
                   "name (no Haus/St., quotes, soft hyphen)")
@pytest.mark.parametrize(("note", "secret"), GERMAN_HOMES)
def test_a_german_home_and_its_town_go(engine: Engine, note: str, secret: str) -> None:
    assert not _shown(engine, note, secret)


# fr_address: lower-case kinds only, "de l'" is no link, "ave." is no kind, a soft hyphen
# ends the street's name mid-word; the postcode after "QC" stays
FRENCH_ADDRESSES = [
    ("Domicile: 18 RUE DES SAULES, SAINTE-ADÈLE.", "SAINTE-ADÈLE"),
    ("Domicile: 18 rue des Sau\u00adles, Sainte-Adèle.", "\u00adles"),
    ("Vit à la résidence Les Pins, Sainte-Adèle.", "Les Pins"),
]


@pytest.mark.xfail(strict=True, reason=OLDER + "fr_address/fr_site leave a Québec street "
                   "or town (upper case, soft hyphen, lower-case résidence)")
@pytest.mark.parametrize(("note", "secret"), FRENCH_ADDRESSES)
def test_a_quebec_address_goes_whole(engine: Engine, note: str, secret: str) -> None:
    assert not _shown(engine, note, secret)


# ages over 89: the docstring's own "Jahrgang 1930, 96" with a full stop after it, a
# capital "Jährige", a FHIR valueQuantity
OLD_AGES = [
    ('{"url": "http://x/patient-age", "valueQuantity": {"value": 93}}', "93"),
]
# (fixed: old_ages takes the age before a full stop and a capital "Jährige")
OLD_AGES_FIXED = [
    ("Jahrgang 1930, 96.", "96"),
    ("93-Jährige Patientin.", "93"),
]


@pytest.mark.parametrize(("note", "secret"), OLD_AGES_FIXED)
def test_an_age_over_89_before_a_stop_or_jaehrige_goes(engine: Engine, note: str,
                                                       secret: str) -> None:
    assert not _shown(engine, note, secret)


@pytest.mark.xfail(strict=True, reason=OLDER + "old_ages misses an age over 89 in a FHIR "
                   "valueQuantity")
@pytest.mark.parametrize(("note", "secret"), OLD_AGES)
def test_an_age_over_89_goes(engine: Engine, note: str, secret: str) -> None:
    assert not _shown(engine, note, secret)


# the area code stays: subscriber digits in pairs, an extension, two groups of four, a
# non-breaking hyphen, an en dash, full-width digits, spaced hyphen in a look-alike phone
AREA_CODES = [
    ("Tochter Elke 0211/555 01 88 anrufen.", "0211"),
    ("Tochter Elke 0211 5550188-12 anrufen.", "0211"),
    ("Handy 0152 5550 1234.", "0152"),
    ("Mutter 0211 555\u20110188 anrufen.", "0211"),
    ("Mutter 0211 555\u20130188 anrufen.", "0211"),
    ("Mutter \uff10\uff12\uff11\uff11 \uff15\uff15\uff15\uff10\uff11\uff18\uff18.",
     "\uff10\uff12\uff11\uff11"),
]

# (fixed: lookalike_phones reads a spaced hyphen and a non-breaking one between groups)
LOOKALIKE_AREA_CODES = [
    ("Call (6l4) 555 - Ol9O.", "6l4"),
    ("Call (6l4) 555\u2011Ol9O.", "6l4"),
]


@pytest.mark.parametrize(("note", "secret"), LOOKALIKE_AREA_CODES)
def test_a_lookalike_phone_goes_with_its_area_code(engine: Engine, note: str,
                                                   secret: str) -> None:
    assert not _shown(engine, note, secret)


@pytest.mark.xfail(strict=True, reason=OLDER + "german/trunk/lookalike phones leave the "
                   "area code (pairs, extension, 4+4, NB hyphen, en dash, full width)")
@pytest.mark.parametrize(("note", "secret"), AREA_CODES)
def test_a_phone_goes_with_its_area_code(engine: Engine, note: str, secret: str) -> None:
    assert not _shown(engine, note, secret)


# health_cards: a line break after the card's word, "(carte)", "Carte-soleil", "no du
# patient" between the word and the number
HEALTH_CARDS = [
    ("RAMQ\nGAGM 4407 1532", "GAGM"),
    ("NAM (carte) GAGM 4407 1532", "GAGM"),
    ("Carte-soleil: GAGM 4407 1532.", "GAGM"),
    ("RAMQ no du patient: GAGM 4407 1532", "4407"),
]


# (fixed: health_cards reads a line break, "(carte)", "Carte-soleil", "no du patient:")
@pytest.mark.parametrize(("note", "secret"), HEALTH_CARDS)
def test_a_ramq_number_goes(engine: Engine, note: str, secret: str) -> None:
    assert not _shown(engine, note, secret)


OTHERS = [
    # encoded_queries: the "=" encoded twice ("%253D")
    ("ref%3DA-1%26pt%253DKowalski", "Kowalski"),
    # weekday_dates: full-width letters
    ("Seen \uff2d\uff2f\uff2e 3/4.", "3/4"),
    # transfer_places: a named hospital after a unit, after its comma
    ("Sent to Nuclear Medicine, Mercy Hospital.", "Mercy"),
]


# (fixed: weekday_dates reads a line break between the weekday and its date)
def test_a_weekday_date_across_a_line_break_goes(engine: Engine) -> None:
    assert not _shown(engine, "Seen Monday,\n3/4.", "3/4")


@pytest.mark.xfail(strict=True, reason=OLDER + "double-encoded name, weekday date in full "
                   "width, hospital after a unit's comma")
@pytest.mark.parametrize(("note", "secret"), OTHERS)
def test_other_neighbour_shapes_go(engine: Engine, note: str, secret: str) -> None:
    assert not _shown(engine, note, secret)


# a street's kind the rules lacked (unaccented "montee", "allee", "cote", "boul" without
# its dot, "-platz", a hyphenated "Birken-Straße"), a separator before the postcode other
# than a comma. Fixed in foreign_places with a house number range, a dash before the
# postcode, "wohnt in der", "in Town", a capital "Rue", "de l'", "ave.", a Québec postcode
# after the town.
STREETS_FIXED = [
    ("Lindenstraße 3-5, 01234 Musterstadt", "Musterstadt"),
    ("Lindenstraße 3 – 01234 Musterstadt", "Musterstadt"),
    ("wohnt in der Hauptstraße 12, Musterstadt.", "Musterstadt"),
    ("wohnhaft in der Lindenstraße 3 in Kleinburg.", "Kleinburg"),
    ("Domicile: 18 Rue des Saules, Sainte-Adèle.", "Saules"),
    ("Domicile: 18 rue de l'Église, Saint-Jérôme.", "Église"),
    ("Domicile: 18 ave. des Pins, Laval", "Pins"),
    ("Domicile: 18 avenue du Parc, Laval, QC H7N 3W1", "H7N"),
    ("Domicile: 18 montee des Pins, Sainte-Adele.", "Pins"),
    ("Domicile: 18 allee des Pins, Laval.", "Pins"),
    ("Domicile: 18 cote Saint-Luc, Montreal.", "cote Saint"),
    ("Domicile: 18 boul Saint-Denis, Montréal.", "18 boul"),
    ("wohnhaft Birken-Straße 9, Sonnfeld.", "Sonnfeld"),
    ("wohnhaft Bahnhofplatz 9, Sonnfeld.", "Sonnfeld"),
    ("wohnhaft Marktplatz 9, 01234 Sonnfeld.", "Sonnfeld"),
    ("wohnhaft Ringstraße 9 · 01234 Sonnfeld.", "Sonnfeld"),
    ("wohnhaft Ringstraße 9; 01234 Sonnfeld.", "Sonnfeld"),
]


@pytest.mark.parametrize(("note", "secret"), STREETS_FIXED)
def test_a_street_of_these_shapes_goes_whole(engine: Engine, note: str, secret: str) -> None:
    assert not _shown(engine, note, secret)
