"""The weakest categories on notes written elsewhere: public roles and tattoos described in
Spanish, French, German or Portuguese, a role "in" its town, vanity plates in words,
plates and identifiers labelled in other languages, a passport's machine-readable line.
Invented sentences; each group has hard negatives that must stay untouched."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered as _left
from .support import untouched as _untouched

ROLES = [
    ("Nota: la paciente es la alcaldesa de Ventorrillo; máxima discreción.",
     "la alcaldesa de Ventorrillo"),
    ("es el alcalde de Piedralisa también, la prensa llama", "alcalde de Piedralisa"),
    ("el paciente es el pastor de la iglesia bautista de Quebradilla, mucha gente pregunta",
     "el pastor de la iglesia bautista de Quebradilla"),
    ("elle travaille comme maire de Saint-Ourlin, la presse a appelé",
     "maire de Saint-Ourlin"),
    ("Der Bürgermeister von Kleinhausen ist unser Patient — Diskretion",
     "Der Bürgermeister von Kleinhausen"),
    ("o paciente é o prefeito de Itaverde, sem fotos", "o prefeito de Itaverde"),
    ("PT WORKS AS FIRE CHIEF IN GLENMORROW. VIP FLAG.", "FIRE CHIEF IN GLENMORROW"),
    ("pt is the high scool pricipal in Yarrowby, kids asking abt him",
     "the high scool pricipal in Yarrowby"),
    ("she is the sheriff in Tolland Parish and wants no visitors", "the sheriff in Tolland Parish"),
]


@pytest.mark.parametrize(("note", "role"), ROLES)
def test_a_public_role_with_its_place_is_redacted_in_any_language(
        engine: Engine, note: str, role: str) -> None:
    assert not _left(engine, note, role)


ROLES_KEPT = [
    "el director de anestesia revisó el caso, sin cambios",
    "le chef de bloc a validé la liste, pas de changement",
    "pt is the principal in the study, consent signed",
    "the coach in PACU is the rehab tech, ask him for crutches",
    "the owner in room 4 of the cell saver is biomed",
    "jefe de servicio de cirugía presente en quirófano 3",
    "Der Direktor der Klinik hat die Liste geprüft",
]


@pytest.mark.parametrize("note", ROLES_KEPT)
def test_roles_of_the_hospital_and_lowercase_places_are_kept(engine: Engine, note: str) -> None:
    result = engine.deidentify(note)
    assert not [f for f in result.findings if f.category == "ROLE"], result.text


TATTOOS = [
    ('tiene un tatuaje de la Virgen con "Mamá Tere 1987" en la espalda',
     'tatuaje de la Virgen con "Mamá Tere 1987" en la espalda'),
    ('trae tatuaje "Mara" con rosas en el cuello, policía pregunta',
     '"Mara" con rosas en el cuello'),
    ("tatouage « Maman 1979 » sur l'épaule gauche, famille prévenue",
     "« Maman 1979 » sur l'épaule"),
    ('Tätowierung "Anna 1990" am linken Unterarm, bitte nicht fotografieren',
     '"Anna 1990" am linken Unterarm'),
    ('pt has tatt "RIP TONY 6-14-11" on r calf for id', '"RIP TONY 6-14-11" on r calf'),
    ("tatuagem com o nome da filha no braço esquerdo",
     "tatuagem com o nome da filha no braço esquerdo"),
    ('pt has a t4tt00 of a r4tt13sn4k3 w/ "D0N\'T TR34D" on his calf',
     'a t4tt00 of a r4tt13sn4k3 w/ "D0N\'T TR34D" on his calf'),
]


@pytest.mark.parametrize(("note", "mark"), TATTOOS)
def test_a_described_tattoo_is_redacted_in_any_language(engine: Engine, note: str,
                                                        mark: str) -> None:
    assert not _left(engine, note, mark)


TATTOOS_KEPT = [
    "tatuaje de tinta china en el colon para marcar la lesión",
    "tatouage de repérage pour la radiothérapie, pas de changement",
    "tatt marking at the polyp site seen on scope",
    "t4tt00 ink at the polyp site, C5-6 ACDF next",
]


@pytest.mark.parametrize("note", TATTOOS_KEPT)
def test_clinical_tattoos_are_kept_in_any_language(engine: Engine, note: str) -> None:
    result = engine.deidentify(note)
    assert not [f for f in result.findings if f.category == "OTHERID"], result.text


PLATES = [
    ("MVC, pt's truck plate reads BIG RED, ems says", "BIG RED"),
    ("pt's motorcycle, vanity plate SPINE DR, lol", "SPINE DR"),
    ("ambulance from the fire dept, plate trkrdad involved", "trkrdad"),
    ("plaque d'immatriculation AB-123-CD, accident de la route", "AB-123-CD"),
    ("Kennzeichen M-AB 1234, Unfall auf der A9", "M-AB 1234"),
    ("his custom plate says GO SOX 4, cops have the truck", "GO SOX 4"),
]


@pytest.mark.parametrize(("note", "plate"), PLATES)
def test_a_plate_in_words_or_in_a_foreign_shape_is_redacted(engine: Engine, note: str,
                                                            plate: str) -> None:
    assert not _left(engine, note, plate)


PLATES_KEPT = [
    "plate reads fine on fluoro, screws bicortical",
    "locking plate placed, plate sits flush on the bone",
    "the plate says DePuy on the box, 8 holes",
    "plate was contoured and applied, good position",
    "Platte mit 6 Schrauben fixiert, gute Stellung",
    "MEDS GIVEN: PLATELETS 2 ML | epinephrine gtt at 3 | albumin 2 mL",
]


@pytest.mark.parametrize("note", PLATES_KEPT)
def test_bone_plates_are_kept(engine: Engine, note: str) -> None:
    result = engine.deidentify(note)
    assert not [f for f in result.findings if f.category == "VEHICLE"], result.text


LABELLED = [
    ("la pulsera de alerta médica dice MedAlert 447192, alergia a látex", "447192"),
    ("locker 4471 has pt belongings, key at desk", "4471"),
    ("licencia de conducir 44719203 en la cartera", "44719203"),
    ("Versichertennummer A123456789 liegt vor", "A123456789"),
    ("pasaporte mexicano G0448192, oficina internacional avisa", "G0448192"),
    ("Passport on file (intl pt): P<USA448120937 | Country: USA", "P<USA448120937"),
    ("- ins mbr HUM 44719 2033 01", "HUM 44719 2033 01"),
    ("his driver's license is whiskey four four seven one nine two zero from out of state",
     "whiskey four four seven one nine two zero"),
    ("member i d is x e h four four seven one nine two zero three one",
     "x e h four four seven one nine two zero three one"),
    ("the v i n is one h g c m eight two six three three a zero zero four three five two",
     "one h g c m eight two six three three a zero zero four three five two"),
    ("video VID_20260301_101010.mp4 shows the pt, delete it", "VID_20260301_101010.mp4"),
    ("OR 4 | Bankart | photo: face photo on ID badge scan in chart - remove",
     "face photo on ID badge scan"),
    ("someone posted a ph0t0 0f th3 pt's f4c3 in the student chat. removed",
     "ph0t0 0f th3 pt's f4c3"),
    ("détenu n° 447192, deux policiers dans la salle", "447192"),
    ("el coche del paciente, con patente AB 447 CD, sigue afuera", "AB 447 CD"),
    ("Kennzeichen des Autos ist B-XY 4471 laut Polizei", "B-XY 4471"),
]


@pytest.mark.parametrize(("note", "value"), LABELLED)
def test_identifiers_labelled_in_other_languages_or_shapes_are_redacted(
        engine: Engine, note: str, value: str) -> None:
    assert not _left(engine, note, value)


LABELLED_KEPT = [
    "locker room 2 ready, gowns restocked",
    "pulsera roja de alergia colocada, paciente en quirófano 4",
    "ins 14 Fr foley, 300 mL clear urine",
    "Versicherung informiert, OP um 14:30 geplant",
    "mbr staff meeting at 0730 in OR 2",
    "K<3.5 and MAP<65 targets, INR<1.5 before the block",
    "Dockde 1319, console ~20 min, EBL 1200 mL",
    "el preso tiene 4 puntos de sutura, sin cambios",
]


@pytest.mark.parametrize("note", LABELLED_KEPT)
def test_clinical_numbers_near_those_labels_are_kept(engine: Engine, note: str) -> None:
    _untouched(engine, note)


def test_a_radio_word_before_a_number_in_digits_stays(engine: Engine) -> None:
    result = engine.deidentify("cardiac echo 4471-2231 ordered for tomorrow")
    assert "cardiac echo [" in result.text, result.text


KINDS = [
    ("licencia de conducir 44719203 en la cartera", "44719203", "LICENSE"),
    ("Führerschein B072RRE2I55 liegt vor", "B072RRE2I55", "LICENSE"),
    ("Versichertennummer A123456789 liegt vor", "A123456789", "HEALTHPLAN"),
    ("póliza 44719203 vigente", "44719203", "HEALTHPLAN"),
]


@pytest.mark.parametrize(("note", "value", "kind"), KINDS)
def test_a_foreign_label_names_the_kind_of_its_value(engine: Engine, note: str, value: str,
                                                     kind: str) -> None:
    result = engine.deidentify(note)
    start = note.index(value)
    assert [f.category for f in result.findings
            if f.start <= start and start + len(value) <= f.end] == [kind], result.findings


FIGURES = [
    ("el paciente es un futbolista famoso del Atlético, no fotos",
     "un futbolista famoso del Atlético"),
    ("elle est une chanteuse très connue au Québec; discrétion",
     "une chanteuse très connue au Québec"),
    ("Der Patient ist ein berühmter Schauspieler, bitte keine Fotos",
     "ein berühmter Schauspieler"),
    ("o paciente é um jogador do Flamengo, imprensa na porta", "um jogador do Flamengo"),
]


@pytest.mark.parametrize(("note", "figure"), FIGURES)
def test_a_public_figure_described_in_another_language_is_redacted(
        engine: Engine, note: str, figure: str) -> None:
    assert not _left(engine, note, figure)


FIGURES_KEPT = [
    "es una alergia conocida al látex, sin cambios",
    "Der Patient ist ein bekannter Diabetiker, BZ 140",
    "la paciente es una mujer de 45 años, ASA 2",
    "il est un patient connu du service, pas de changement",
    "el paciente es un actor secundario en la cascada de coagulación",
]


@pytest.mark.parametrize("note", FIGURES_KEPT)
def test_known_diagnoses_and_plain_descriptions_are_no_public_figures(
        engine: Engine, note: str) -> None:
    result = engine.deidentify(note)
    assert not [f for f in result.findings if f.rule == "guess_public_figure"], result.text


def test_a_number_read_out_stops_at_the_next_word(engine: Engine) -> None:
    result = engine.deidentify("policy number four four seven one nine two a copy is on file")
    assert result.text.endswith(" a copy is on file"), result.text


def test_a_lone_surrogate_beside_digits_for_letters_is_no_engine_error(engine: Engine) -> None:
    result = engine.deidentify("ph0t0 \ud800 0f th3 pt's f4c3 t4tt00")
    assert "engine_error" not in result.reasons, result


def test_a_car_word_before_a_time_or_a_room_names_no_vehicle(engine: Engine) -> None:
    result = engine.deidentify("la voiture du SAMU est arrivée à 14h30, patient en salle 4")
    assert not [f for f in result.findings if f.category == "VEHICLE"], result.text
