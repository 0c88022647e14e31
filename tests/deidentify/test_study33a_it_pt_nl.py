"""Italian, Portuguese and Dutch shapes (study33a): dates led by a weekday or with a month's
word (it_pt_nl_dates.py), ages over 89 with anni/anos/jaar (it_pt_nl_ages.py), streets,
postcodes, districts, hospitals and homes (it_pt_nl_places.py), Brazilian phones, card and
record numbers and plates after their word (it_pt_nl_numbers.py). Doses, times, rooms,
scores, eponyms and brands stay.

All names, numbers and places here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched

FOUND = [
    # dates
    ("Intervento spostato a mercoledì 9 aprile per mancanza di letti.", "mercoledì 9 aprile"),
    ("Dimissione prevista giovedì 16 alle 10.", "giovedì 16"),
    ("Nato il domenica 3 agosto 1930 a casa.", "domenica 3 agosto 1930"),
    ("Controllo il 6 settembre in ambulatorio.", "6 settembre"),
    ("Ricoverato oggi 4/5 dal pronto soccorso.", "oggi 4/5"),
    ("Cirurgia remarcada para quinta 9/4, avisar família.", "quinta 9/4"),
    ("Alta prevista quarta-feira 16/4 pela manhã.", "quarta-feira 16/4"),
    ("Internação seg 14/4, jejum desde as 22h.", "seg 14/4"),
    ("Opname gepland op dinsdag 8 april in de ochtend.", "dinsdag 8 april"),
    ("Mevrouw geboren 17 oktober 1933 in Friesland.", "17 oktober 1933"),
    ("Operatie verplaatst naar 5 mei vanwege koorts.", "5 mei"),
    ("Opgenomen gisteren 2/4 via de SEH.", "gisteren 2/4"),
    # ages
    ("Paziente di novantasette anni, caduta a domicilio.", "novantasette"),
    ("Signora Pia, centotré anni, lucida.", "centotré"),
    ("Paciente com noventa e quatro anos, fratura de colo.", "noventa e quatro"),
    ("Senhor Abílio 96 anos, acamado.", "96"),
    ("Mevrouw is vierennegentig jaar en woont zelfstandig.", "vierennegentig"),
    ("Meneer 92 jaar, valpartij thuis.", "92"),
    ("Patiënt, honderdtwee jaar, rustig.", "honderdtwee"),
    # places
    ("Residente in Via delle Ginestre 21, Pavia.", "Via delle Ginestre 21"),
    ("Abita in Piazza Garibaldi, quarto piano.", "Piazza Garibaldi"),
    ("Residente in via Leopardi 7 con la moglie.", "via Leopardi 7"),
    ("Indirizzo Viale dei Tigli 4, 20145 Milano, citofono rotto.", "20145 Milano"),
    ("Mora na Rua das Acácias 118, bairro alto.", "Rua das Acácias 118"),
    ("Endereço Avenida Paulista Nova 900.", "Avenida Paulista Nova 900"),
    ("Adres Molenstraat 33, 3512 JK Utrecht, achterdeur.", "Molenstraat 33"),
    ("Adres Molenstraat 33, 3512 JK Utrecht, achterdeur.", "3512 JK Utrecht"),
    ("Postcode 7311 XB bekend bij de huisarts.", "7311 XB"),
    ("Post an Kirchgasse 3, 8010 Graz, bitte.", "8010 Graz"),
    ("Residente in provincia di Rovigo da anni.", "provincia di Rovigo"),
    ("Vive nella frazione Colle Alto con la figlia.", "frazione Colle Alto"),
    ("Abita nel quartiere Borgo Nuovo, solo.", "quartiere Borgo Nuovo"),
    ("Woont in de wijk Zuiderhout met zijn dochter.", "wijk Zuiderhout"),
    ("Mora no Bairro Santa Luzia desde 1980.", "Bairro Santa Luzia"),
    ("Meneer komt uit Zwolle met de ambulance.", "Zwolle"),
    ("Senhora mora em Itaquera, Mogi das Cruzes.", "Itaquera, Mogi das Cruzes"),
    ("Trasferito da Ospedale di Chiavari stanotte.", "Ospedale di Chiavari"),
    ("Arrivo dal Policlinico di Bari alle 8.", "Policlinico di Bari"),
    ("Transferido do Hospital Regional de Campo Verde.", "Hospital Regional de Campo Verde"),
    ("Mevrouw komt uit verpleeghuis Het Lindehof in Assen.", "Het Lindehof"),
    # numbers
    ("Filha no celular (31) 97766-5544 aguardando.", "(31) 97766-5544"),
    ("Cartão SUS 702 4455 6677 8899 conferido.", "702 4455 6677 8899"),
    ("RG SP-23.456.789 do paciente conferido.", "SP-23.456.789"),
    ("Cartella 2024/007731, protesi ginocchio.", "2024/007731"),
    ("Prontuário 71-2290 revisado.", "71-2290"),
    ("Targa della moto del nipote AB 123 CD in divieto.", "AB 123 CD"),
    ("Kenteken van de auto 12-KLM-3 op de stoep.", "12-KLM-3"),
]

KEPT = [
    "Paracetamolo 1 g alle 10, poi lunedì riprende la fisioterapia.",
    "Sala 3 pronta alle 14:30, ferri contati.",
    "Punteggio VAS 3/10 lunedì, stabile.",
    "Afastador na sala 2, pinças contadas.",
    "Dosagem 500 mg de 8/8 horas.",
    "Aldrete 9 op de verkoever, terug naar afdeling 3.",
    "Infuus 1000 ML Ringer, snelheid 125 ml/u.",
    "Bed 4 schoon en klaar om 15:00.",
    "Ha 90 minuti di attesa in sala.",
    "Cateter 18 G, 2 lúmens, 20 cm.",
    "Results sent via Teams 3 times, no reply.",
    "Pt seen at Hospital Medicine clinic.",
]


@pytest.mark.parametrize(("note", "piece"), FOUND)
def test_these_shapes_go_whole(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.parametrize("note", KEPT)
def test_doses_times_rooms_scores_and_eponyms_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)


# Italian, Portuguese and Dutch grammar words no name is when typed in lower case
GRAMMAR_WORDS = [
    ("Il figlio Marco chiede notizie della moglie dopo cena.", "della"),
    ("Nessuna novità, figlio avvisato della dimissione.", "della"),
    ("Sospendere eparina prima del drenaggio, poi rivalutare.", "prima del"),
    ("Paciente estável, mora em Santos com o filho.", "mora em"),
]


@pytest.mark.xfail(strict=True, reason="withdrawn after attack33a: the names.py narrowing that "
                   "kept these words showed real lower-case surnames (pz colombo, mevrouw visser)")
@pytest.mark.parametrize(("note", "piece"), GRAMMAR_WORDS)
def test_grammar_words_in_lower_case_are_no_names(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == piece.replace(" ", "")


# a lower-case Italian or Dutch note: its words that name lists hold but no frequent name
# ("notte", "ferri", "sala", "schoon") are the language's words
LOWER_CASE_NOTES = [
    "notte tranquilla, nessun intervento, sala 5 pronta",
    "ferri sterilizzati per la sala 3, nessun problema, pronta alle 14",
    "bed 3 schoon en klaar voor de volgende patiënt",
    "kamer 4 schoon, geen bijzonderheden, klaar voor opname",
]


@pytest.mark.xfail(strict=True, reason="withdrawn after attack33a: the names.py narrowing that "
                   "kept these words showed real lower-case surnames (pz colombo, mevrouw visser)")
@pytest.mark.parametrize("note", LOWER_CASE_NOTES)
def test_an_italian_or_dutch_note_in_lower_case_keeps_its_words(engine: Engine,
                                                                  note: str) -> None:
    untouched(engine, note)


def test_a_frequent_name_in_such_a_note_still_goes(engine: Engine) -> None:
    note = "notte tranquilla, la figlia maria chiama per la madre, nessun intervento"
    assert left_uncovered(engine, note, "maria") == ""
