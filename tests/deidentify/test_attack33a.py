"""attack33a: the Italian, Portuguese and Dutch change of e52c8eb..62435e1 (grammar_words.py,
names.py's it_nl narrowing, it_pt_nl_dates/ages/places/numbers), attacked from its code.

NEW leaks: in a lower-case note with two of grammar_words.IT_NL_MARKERS ("il", "non",
"het", "niet"...), a lower-case surname or given name that is in the name lists but not
among the most frequent (no FIRST_TOP/LAST_TOP) is no longer a name, even right after a
patient's, a kin's or a title's cue ("pz", "mevrouw", "figlia", "dott."): e52c8eb hid every
one of these, 62435e1 shows them. Frequent Italian and Dutch surnames (Colombo, Fontana,
Visser, Mulder, de Vries) are "rarer" in the US-census tiers, so the narrowing hits the very
notes it was written for. A lower-case grammar word before a surname ("dalla chiesa", "del
piero") now drops the pair too.

NEW false alarms: a weekday before a count or a dose ("lunedì 2 flaconi", "vrijdag 2.5 mg"),
a Dutch hospital's place word ("Spoedplein 2": the emergency department), an English route
("Via Central Line 2"), a building's age ("bestaat 90 jaar").

The NEW leaks pass since the narrowing was withdrawn (names.py as at e52c8eb there;
grammar_words.py removed): they stay as tests that it never comes back.

Every note here is invented for these tests.
"""

from __future__ import annotations

import re

import pytest

from services.common.deid import Engine

# (note, the name that must not be shown)
CUED_NAME_LEAKS = [
    ("pz colombo non è pronta, il drenaggio è pulito", "colombo"),
    ("pz fumagalli non è pronta, il drenaggio è pulito", "fumagalli"),
    ("pz brambilla non è pronta, il drenaggio è pulito", "brambilla"),
    ("pz fontana non presente, il letto è pronto, anche la flebo", "fontana"),
    ("pz pellegrini non presente, il letto è pronto, anche la flebo", "pellegrini"),
    ("pz ferri in sala, il drenaggio non è pronto, della terapia nessuna variazione", "ferri"),
    ("pz. ferri m., il drenaggio non è pronto, anche la sala", "ferri"),
    ("dimesso il sig. notte, il drenaggio non è pulito, anche la medicazione", "notte"),
    # grammar_words.LIVES: "mora" before "in"/"a" is read as "lives", even after "sig.ra"
    ("sig.ra mora in sala, il drenaggio non è pronto", "mora"),
    ("il dott. ferri non è presente, sono in sala", "ferri"),
    ("ok per ferri, il drenaggio non è pronto, anche la sala", "ferri"),
    ("chiamata la moglie lucrezia, il pz non è pronto, anche la sala", "lucrezia"),
    ("figlia ornella non presente, il pz è pronto, anche la flebo", "ornella"),
    ("pz gianluca non presente, il letto è pronto, anche la flebo", "gianluca"),
    ("mevrouw visser belt nog, het bed is klaar", "visser"),
    ("mevrouw schoon is klaar voor de ok, het infuus is niet aangesloten", "schoon"),
    ("mevrouw mulder is klaar voor de ok, het infuus is niet aangesloten", "mulder"),
    ("meneer brouwer is klaar voor de ok, het infuus is niet aangesloten", "brouwer"),
    ("meneer dekker is klaar voor de ok, het infuus is niet aangesloten", "dekker"),
    # the Dutch abbreviated titles, and the English "pt." itself
    ("dhr. dekker is niet nuchter, het infuus is klaar", "dekker"),
    ("mw. visser is niet nuchter, het infuus is klaar", "visser"),
    ("pt. mulder is niet nuchter, het infuus is klaar", "mulder"),
    ("mw. van der meer is niet nuchter, het infuus is klaar", "meer"),
]


@pytest.mark.parametrize(("note", "name"), CUED_NAME_LEAKS)
def test_a_cued_lower_case_name_in_an_italian_or_dutch_note_is_hidden(
        engine: Engine, note: str, name: str) -> None:
    assert not re.search(rf"\b{name}\b", engine.deidentify(note).text)


# a grammar word that is also a surname's particle: the pair is dropped whole
GRAMMAR_PAIR_LEAKS = [
    ("mevrouw de vries is klaar voor de ok, het infuus is niet aangesloten", "vries"),
    ("patiënt de boer is klaar, het infuus wordt nog niet aangesloten", "boer"),
    ("pz dalla chiesa non è pronta, il drenaggio è pulito", "chiesa"),
    ("pz del piero non è pronto, il drenaggio è pulito", "piero"),
    ("pz sotto giovanni non è pronto, il drenaggio è pulito", "giovanni"),
]


@pytest.mark.parametrize(("note", "name"), GRAMMAR_PAIR_LEAKS)
def test_a_lower_case_surname_with_its_particle_after_the_cue_is_hidden(
        engine: Engine, note: str, name: str) -> None:
    assert not re.search(rf"\b{name}\b", engine.deidentify(note).text)


# PHI-free notes the new rules alter (e52c8eb leaves each as typed)
FALSE_ALARMS = [
    # it_pt_nl_dates: a weekday before a count of vials or tablets, or a dose with a point
    ("Terapia: lunedì 2 flaconi di albumina", "it_pt_nl_dates: weekday + count"),
    ("maandag 2 tabletten, dinsdag 3 tabletten", "it_pt_nl_dates: weekday + count"),
    ("sexta 2 comprimidos, sábado 1 comprimido", "it_pt_nl_dates: weekday + count"),
    ("lunedì 2.5 mg di aloperidolo ev", "it_pt_nl_dates: a dose 2.5 read as day.month"),
    ("vrijdag 2.5 mg haloperidol gegeven", "it_pt_nl_dates: a dose 2.5 read as day.month"),
    # _RELATIVE: today or tomorrow's word before a fraction of a tablet, a meal, a litre
    ("A partir de amanhã 1/2 comprimido de captopril.", "it_pt_nl_dates: half a tablet"),
    ("Vanaf vandaag 1/2 tablet metoprolol.", "it_pt_nl_dates: half a tablet"),
    ("oggi 2/3 del pasto assunto", "it_pt_nl_dates: two thirds of a meal"),
    ("hoje 3/4 da dieta aceita", "it_pt_nl_dates: three quarters of a diet"),
    ("gisteren 1/2 liter urine", "it_pt_nl_dates: half a litre"),
    # it_pt_nl_places: the Dutch emergency department by its hospital name, an English route
    ("Zuster naar Spoedplein 2, bed 4", "it_pt_nl_places: 'Spoedplein' is the ED"),
    ("Antibiotic given Via Central Line 2.", "it_pt_nl_places: 'Via' is a route"),
    # it_pt_nl_ages: the age of a hospital, not of a patient
    ("het ziekenhuis bestaat 90 jaar", "it_pt_nl_ages: a building's age"),
]


@pytest.mark.parametrize(("note", "why"), FALSE_ALARMS)
def test_a_phi_free_note_is_left_as_typed(engine: Engine, note: str, why: str) -> None:
    assert engine.deidentify(note).text == note, why


# English lower-case notes hold two of the markers too: "sono" (a sonogram) and "non", or
# "il" (Illinois, interleukin) and "non"; the note then counts as Italian and loses its
# lower-case names (e52c8eb hid each)
ENGLISH_MARKER_LEAKS = [
    ("sono non diagnostic, called colombo re results", "colombo"),
    ("sono non diagnostic, colombo aware", "colombo"),
    ("sono non diagnostic, handed over to fumagalli", "fumagalli"),
    ("non verbal, il-2 given, barnaby updated", "barnaby"),
    ("non smoker, from springfield il. hx per barnaby (son)", "barnaby"),
]


@pytest.mark.parametrize(("note", "name"), ENGLISH_MARKER_LEAKS)
def test_a_lower_case_name_in_an_english_note_with_two_markers_is_hidden(
        engine: Engine, note: str, name: str) -> None:
    assert not re.search(rf"\b{name}\b", engine.deidentify(note).text)


# a given name before a surname that is a grammar word: the pair is dropped, and the given
# name with it
GIVEN_BEFORE_GRAMMAR_LEAKS = [
    ("pz giulia delle piane non è pronta, il drenaggio è pulito", "giulia"),
    ("pz lucio dalla non è pronto, il drenaggio è pulito", "lucio"),
    ("pz carlo senza, il drenaggio non è pronto", "carlo"),
    ("sig. paolo verso, il drenaggio non è pronto", "paolo"),
    ("pz luca presso, il drenaggio non è pronto", "luca"),
]


@pytest.mark.parametrize(("note", "name"), GIVEN_BEFORE_GRAMMAR_LEAKS)
def test_a_given_name_before_a_grammar_word_surname_is_hidden(
        engine: Engine, note: str, name: str) -> None:
    assert not re.search(rf"\b{name}\b", engine.deidentify(note).text)


# OLDER: shapes beside the new rules that neither e52c8eb nor 62435e1 hides (fix33a closed
# these with small additions to it_pt_nl_*)
OLDER_LEAKS = [
    # it_pt_nl_ages wanted its unit after a blank or "-jarige"
    ("pz 93enne, caduta a domicilio, frattura di femore", "93"),
    ("drieënnegentigjarige vrouw, gevallen", "drieënnegentig"),
    ("età: 93, caduta a domicilio", "93"),
    # it_pt_nl_dates wants the month's full word
    ("ricovero il 14 febbr. 2025 per frattura", "14 febbr"),
    ("internada em 14 fev 2025 por queda", "14 fev"),
    # it_pt_nl_numbers wants a record's number year-led or with a dash
    ("prontuário 557712, leito 4", "557712"),
    ("cartella clinica n. 55771", "55771"),
    ("kenteken 07TVS4", "07TVS4"),
    # the town after a Dutch street and its comma (no postcode between)
    ("Adres: Keizersgracht 123, Amsterdam", "Amsterdam"),
    # it_pt_nl_numbers' neighbours: a blank for the dash, an Italian landline, a Dutch
    # mobile in pairs, a dotted SUS card, an RG's state letters before a blank
    ("contato da filha (21) 98877 4401", "98877 4401"),
    ("figlia al (0521) 234567", "234567"),
    ("dochter bereikbaar op 06 12 34 56 78", "12 34 56 78"),
    ("cartão SUS nº 898.0012.3456.7890", "898.0012.3456.7890"),
    ("RG: SP 12.345.678", "12.345.678"),
]


@pytest.mark.parametrize(("note", "shown"), OLDER_LEAKS)
def test_an_identifier_beside_the_new_rules_is_hidden(engine: Engine, note: str,
                                                      shown: str) -> None:
    assert shown not in engine.deidentify(note).text


# OLDER and still open: "93a" is also a room or a bed; a lower-case Brazilian given name
# and a lower-case particle before a surname are names.py's, not a shape's
OLDER_LEAKS_OPEN = [
    ("paciente de 93a, queda da própria altura", "93"),
    ("pcte maria das dores, sem alergias, após o exame", "maria"),
    ("Pz Carla dalla Pozza in sala 3.", "Pozza"),
]


@pytest.mark.parametrize(("note", "shown"), OLDER_LEAKS_OPEN)
@pytest.mark.xfail(strict=True, reason="OLDER: a shape beside it_pt_nl_* that neither "
                   "e52c8eb nor 62435e1 hides")
def test_an_identifier_beside_the_new_rules_is_still_shown(engine: Engine, note: str,
                                                           shown: str) -> None:
    assert shown not in engine.deidentify(note).text


# more PHI-free notes the new place rules alter (e52c8eb leaves each as typed)
PLACE_FALSE_ALARMS = [
    # _LOW_STREET: Italian "in corso" is "ongoing", and a dose is a house number
    ("Terapia in corso Ceftriaxone 2 g ev", "in corso = ongoing"),
    ("Antibioticoterapia in corso Amoxicillina 1 g x 3", "in corso = ongoing"),
    # _LOW_STREET: English "in via" an ambulance unit
    ("Pt brought in via Medic 14, GCS 15.", "in via an ambulance unit"),
    ("Arrived in via Rescue 3 with c-collar.", "in via an ambulance unit"),
    # _NL_POST: a log line's clock time and a two-letter staff or tube word
    ("1415 NG Tube Placed\n1530 RT Called", "clock time + NG/RT at a line's start"),
    ("1045 GP Called Back", "clock time + GP at a note's start"),
    # _CUE: Dutch "uit" before a department
    ("terug uit Radiologie, stabiel", "uit + a department"),
    ("patiënt terug uit Dialyse, stabiel", "uit + a department"),
    # _SITE: a kind of facility, not one facility
    ("Dimessa in Ospedale di Comunità per riabilitazione.", "a community hospital"),
    ("In attesa di posto in casa di riposo Convenzionata", "a contracted care home"),
    ("naar verpleeghuis Revalidatie afdeling", "a nursing home's rehab ward"),
]


@pytest.mark.parametrize(("note", "why"), PLACE_FALSE_ALARMS)
def test_a_phi_free_note_keeps_its_words_beside_the_place_rules(engine: Engine, note: str,
                                                                 why: str) -> None:
    assert engine.deidentify(note).text == note, why


def test_a_diet_after_a_town_is_no_postcode(engine: Engine) -> None:
    assert "1500 Calorie diet" in engine.deidentify("Lives in Springfield, 1500 Calorie "
                                                    "diet").text


# it_pt_nl_dates and it_pt_nl_numbers on Portuguese clinical words (e52c8eb keeps each)
PT_FALSE_ALARMS = [
    # "ter" (to have) read as "terça" before a half tablet read as 1 February
    ("Paciente pode ter 1/2 comprimido extra se dor.", "ter = to have"),
    ("Orientado a ter 1/2 ampola em casa.", "ter = to have"),
    # "placa" (a bone plate) and the vertebrae it spans read as a Dutch number plate
    ("Fixação com placa de titânio em C4-C5-C6, sem intercorrências.", "a bone plate"),
    ("Artrodese cervical com placa anterior em C5-C6-C7, sem intercorrências.",
     "a bone plate"),
]


@pytest.mark.parametrize(("note", "why"), PT_FALSE_ALARMS)
def test_a_portuguese_clinical_note_is_left_as_typed(engine: Engine, note: str,
                                                     why: str) -> None:
    assert engine.deidentify(note).text == note, why


# French lower-case notes hold "il" (he) and "non" in most sentences: they count as Italian
FRENCH_MARKER_LEAKS = [
    ("il est non communicant, m. lemaire en chambre 4", "lemaire"),
    ("il est non communicant, m. rochefort en chambre 4", "rochefort"),
    ("il est non communicant, épouse ghislaine présente", "ghislaine"),
]


@pytest.mark.parametrize(("note", "name"), FRENCH_MARKER_LEAKS)
def test_a_cued_name_in_a_french_note_with_il_and_non_is_hidden(engine: Engine, note: str,
                                                                name: str) -> None:
    assert not re.search(rf"\b{name}\b", engine.deidentify(note).text)


# Portuguese lower-case notes: "pronto(-socorro)" (emergency room) and "sono" (sleep) are
# two of the Italian markers
PORTUGUESE_MARKER_LEAKS = [
    ("pcte fagundes veio do pronto socorro, com sono", "fagundes"),
    ("pcte damasceno veio do pronto socorro, com sono", "damasceno"),
    ("pcte valadares veio do pronto socorro, com sono", "valadares"),
]


@pytest.mark.parametrize(("note", "name"), PORTUGUESE_MARKER_LEAKS)
def test_a_cued_name_in_a_portuguese_note_with_pronto_and_sono_is_hidden(
        engine: Engine, note: str, name: str) -> None:
    assert not re.search(rf"\b{name}\b", engine.deidentify(note).text)
