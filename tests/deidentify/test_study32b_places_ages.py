"""Places and old ages the older rules let through (study32b): German streets before their
number and postcode, German homes by their kind, Québec French streets after their number
and hospitals or residences by their kind (foreign_places.py); US counties, care sites by
their kind after a cue to go or come (us_places.py);
ages over 89 in German ("94 J."), beside the birth year they agree with, right after a
name or a record number, in a FHIR age extension (old_ages.py). The hospital's own rooms,
departments, doses, readings and state names stay.

All names and places here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched

FOUND = [
    ("Pat. wohnhaft Birkenweg 12, 04109 Quellstadt, allein.", "Birkenweg 12, 04109 Quellstadt"),
    ("Anschrift: Im Winkel 4, 80331 Obermoos. Brief folgt.", "Im Winkel 4, 80331 Obermoos"),
    ("Pat. wohnt in Rosenstraße 9, 50667 Talheim-Nord, Sohn informiert.",
     "Rosenstraße 9, 50667 Talheim-Nord"),
    ("Pat. kommt aus dem Seniorenheim St. Agathe in Kornbach, Rückverlegung.",
     "Seniorenheim St. Agathe in Kornbach"),
    ("Pat. Ewald Brenner, Pflegeheim Haus Morgenrot, Wettdorf.", "Haus Morgenrot, Wettdorf"),
    ("Domicile : 18 rue des Saules, Saint-Aubinet. Retour avec son fils.",
     "18 rue des Saules, Saint-Aubinet"),
    ("adresse 90 boul. Sainte-Odile, app. 3, courriel à suivre.", "90 boul. Sainte-Odile, app. 3"),
    ("adresse 7, rang Sainte-Clothilde, Saint-Zéphir.", "7, rang Sainte-Clothilde, Saint-Zéphir"),
    ("Patient transféré de l'Hôpital de Rivière-Basse, dossier suit.", "Hôpital de Rivière-Basse"),
    ("arrivée du CHSLD Sainte-Rose de Val-Lointain, démence.", "CHSLD Sainte-Rose de Val-Lointain"),
    ("Patiente de la Résidence Les Pins Bleus, Mont-Clairval.",
     "Résidence Les Pins Bleus, Mont-Clairval"),
    ("family from Quarrow County notified by phone", "Quarrow County"),
    ("Discharge to Maple Crestwood Rehab recommended, CM aware.", "Maple Crestwood Rehab"),
    ("agency Sunbright Home Health in Larkfield accepted referral.",
     "Sunbright Home Health in Larkfield"),
    ("pt picked up at Birch Hollow Assisted Living, 12 Lake Rd, daughter along.",
     "Birch Hollow Assisted Living, 12 Lake Rd"),
    ("Pat. Hildegard Wiesner, 94 J., Pflegegrad 3.", "94"),
    ("Patientin Wilma Kranz (Jahrgang 1930, 96) Sturz, Hüfte links.", "96"),
    ("Decedent Ottoline Marsh, MRN 4411290, 96.", "96"),
    ('{"resourceType": "Patient", "extension": [{"url": "age", "valueString": "94"}]}', "94"),
]

KEPT = [
    "Zimmer 12, Bett 3, Heparin 5000 IE s.c.",
    "Zugangsweg 2, 12000 Einheiten Heparin über Perfusor.",
    "Pflegeheim, Zimmer 3, Verlegung morgen.",
    "salle 4, 3 places libres, retour à l'hôpital demain.",
    "Retour au CHSLD demain, transfert à l'hôpital.",
    "Transfer to Cardiac Rehab, then Inpatient Rehab consult.",
    "Plan: Physical Therapy daily, then Cardiac Rehab and Inpatient Rehab later.",
    "Ohio State game on TV, Ohio Medicaid pending.",
    "Sat 92, HR 90, BP 95/60.",
    "Aldrete 9, SpO2 96%, 95 mg given.",
]


@pytest.mark.parametrize(("note", "piece"), FOUND)
def test_a_place_or_an_old_age_in_these_shapes_goes(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, note, piece) == ""


@pytest.mark.parametrize("note", KEPT)
def test_rooms_doses_departments_readings_and_states_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)


def test_a_reading_after_a_name_is_no_age(engine: Engine) -> None:
    for note in ("Pt Winifred Cole 95% on RA", "Pt Winifred Cole 97/60", "Pt Winifred Cole 92 kg"):
        text = engine.deidentify(note).text
        assert note[-6:] in text, text
