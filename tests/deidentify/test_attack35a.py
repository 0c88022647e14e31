"""attack35a: the multilingual rules of aa06fab (world_ages, world_numbers, world_dates,
world_names, world_addresses; nordic_notes, finnish_notes, turkish_notes), attacked from
their code.

NEW false alarms (BASE left the note as it was): English words that are a foreign age
word after a vital ("below 95 let ...": Czech "let"; "95 v. 92": Finnish "v."), a list of
dose times read as a Vietnamese mobile ("0830 930 1030"), "Mob."/"Portable" read as a phone
word, the Nordic rules switched on by an eponym's ö or Å ("Sjögren", "Ångström") and then
reading an English verb in "-gate" with a count as a Norwegian street ("Ligate 2") or "Pat
Dry" as a patient's name, "os. Calcis" (a bone) as a Polish estate, "Nguyen Score" as a
Vietnamese name once a French "rôle" gives the note a Vietnamese letter, an 11-figure
device code that passes PESEL's check, "92 let down", "Aggregate 3", "Ring 12 34 56 78".

OLDER leaks (BASE showed them too; the new rules were written for these identifiers but
miss them in a nearby shape): a sentence's capitalised "Mieszka w"/"Проживает в" (the
home rule is case-sensitive), "93-letni", "93-х лет", "93t", "93 l.", "ФИО: Смирнова А.П.",
"ul.Długa 5/3" and "ул.Ленина 5-12" (no space after the dot), a Vietnamese or Turkish name in
capitals, a Chinese name with no cue word or a two-character family name, "5 Kasımda",
"5-го ноября", "5 ноя", "5. marrask.", a Finnish or Turkish home town in its case ending.

Every note here is invented for these tests.
"""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import shown, strict_xfail, untouched

# ---- NEW false alarms --------------------------------------------------------------------
NEW_FALSE_ALARMS = [
    # world_ages: Czech "let" and Finnish "v." after a vital of 90-119
    "If HR drops below 95 let me know.",
    "If MAP under 92 let the surgeon know.",
    "Sats 95 v. 92 on room air.",
    # world_numbers: dose times as a Vietnamese mobile; "Mob."/"Portable" as phone words
    "Antibiotics given 0830 930 1030 as per protocol.",
    "Cefazolin redosed 0730 930 1130.",
    "Mob. 1234 5678 cart.",
    "Portable 12 34 56 78 unit.",
    # nordic_notes, switched on by an eponym's letter: "-gate" verbs as streets, "Pat Dry"
    "Hx Sjögren's syndrome. Ligate 2 vessels then irrigate.",
    "Hx Sjögren's syndrome. Irrigate 2 L warm saline.",
    "Hx Sjögren's syndrome, for Navigate 3 system setup.",
    "Hx Sjögren's syndrome. Pat Dry the site before closure.",
    "Ångström-level imaging; Pat Dry skin.",
    # world_addresses: "os." (a bone) as the Polish "osiedle"
    "Stand-by, os. Calcis fracture fixed.",
    # world_names: a French word's ô makes the note Vietnamese
    "Anastomosis done; rôle of Nguyen Score discussed.",
    "Hôpital transfer. Dang Scale 3.",
    # world_numbers: an 11-figure device code that happens to pass PESEL's check (1 in ~16)
    "Stapler reload REF 44057950055 opened.",
    "Timeline: 0730 845 1015 knife to skin.",
    "Ran cases 0830 930 1030 1130 today.",
    # world_ages: "let down" after a count
    "Pre-op checklist: ETT 7.5, 92 let down cuff.",
    # nordic_notes after an eponym's ö: "Aggregate 3" a street, "Ring" a phone word
    "Hx Sjögren's syndrome. Aggregate 3 samples sent.",
    "Hx Sjögren's syndrome. Ring 12 34 56 78 for pharmacy.",
]


@pytest.mark.parametrize("note", NEW_FALSE_ALARMS)
def test_a_phi_free_english_note_is_left_alone(engine: Engine, note: str) -> None:
    untouched(engine, note)


# hard negatives that hold today (kept so they stay)
HELD_NEGATIVES = [
    "Le Fort I osteotomy; Vũ retractor used.",
    "Pin: 1.6 2.0 2.5 3.2 mm",
    "Av. HR 92 during case.",
    "Str. Pyogenes isolated from wound.",
    "Hx Sjögren's syndrome. Bror 3 kit.",
]


@pytest.mark.parametrize("note", HELD_NEGATIVES)
def test_these_english_notes_stay_untouched(engine: Engine, note: str) -> None:
    untouched(engine, note)


# ---- OLDER leaks -------------------------------------------------------------------------
OLDER_LEAKS_HIDDEN = [
    # world_addresses' home rule: the cue capitalised at a sentence's start
    ("Mieszka w Gdańsku z córką.", "Gdańsku"),
    ("Проживает в Казани.", "Казани"),
    ("Asuu Tampereella.", "Tampereella"),
    # world_addresses' street rule: no space after the street's dot
    ("Adres: ul.Długa 5/3", "Długa"),
    ("Адрес: ул.Ленина 5-12, г.Казань", "Ленина"),
    # world_ages: adjectival ages
    ("93-letni pacjent po zabiegu.", "93"),
    ("93-летний пациент.", "93"),
    # world_names: a Russian surname with its initials after "ФИО"
    ("ФИО: Смирнова А.П.", "Смирнова"),
    # world_dates: a Turkish month in its case ending, a Russian ordinal's suffix
    ("Ameliyat 5 Kasımda yapıldı.", "Kasımda"),
    ("Операция 5-го ноября 2026.", "ноября"),
]


@pytest.mark.parametrize(("note", "secret"), OLDER_LEAKS_HIDDEN)
def test_a_nearby_shape_now_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret)


# the narrowed cues still read their language's own notes
KEPT_HITS = [
    ("Pacientka 93 let, je po operaci.", "93"),
    ("Potilas 92 v. ja kotiin klo 14.", "92"),
    ("Mob. 0412 345 678", "0412 345 678"),
    ("Portable 06 12 34 56 78", "06 12 34 56 78"),
    ("PESEL 44057950055", "44057950055"),
    ("Pt id 44051401359", "44051401359"),
    ("Pat Arvid Sjögren, 93 år.", "Arvid"),
    ("Pat Dry bor på Storgatan 14 och har ingen hiss.", "Dry"),
    ("Storgatan 14, lgh 1102.", "Storgatan"),
    ("Ring 412 55 903 när pat är vaken.", "412 55 903"),
    ("Pacjentka mieszka na os. Kościuszki, po zabiegu.", "Kościuszki"),
    ("Adres: os. Piastów 12/5", "Piastów"),
    ("Ông Nguyen Van An nhap vien.", "Nguyen"),
    ("Bệnh nhân Nguyen Van An.", "Nguyen"),
    ("Hỏi thăm Dang Van Minh.", "Minh"),
    ("Ameliyat 3 Ekimde yapıldı.", "Ekimde"),
]


@pytest.mark.parametrize(("note", "secret"), KEPT_HITS)
def test_a_narrowed_cue_still_reads_its_own_language(
        engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret)


# still shown: shapes left for later
OLDER_LEAKS = [
    # world_ages: abbreviated ages
    ("Пациентка 93-х лет.", "93"),
    ("Bệnh nhân nam, 93t, ổn định.", "93"),
    ("Pacjentka, 93 l., po zabiegu stabilna.", "93"),
    # world_names / Cyrillic initials: capitals, no cue, two-character family names
    ("Bệnh nhân NGUYỄN VĂN AN nhập viện.", "NGUYỄN"),
    ("王伟，男，92岁，术后稳定。", "王伟"),
    ("患者欧阳娜娜，女。", "欧阳"),
    ("HASTA AHMET YILMAZ servise alındı.", "YILMAZ"),
    # world_dates: a case ending, an ordinal's suffix, an abbreviated month
    ("Оперирована 5 ноя 2026.", "ноя"),
    ("Leikattu 5. marrask. 2026.", "marrask"),
    # home towns in a case ending or lower case
    ("İstanbul'da yaşıyor.", "İstanbul"),
    ("bor i västerås med dottern.", "västerås"),
]


@strict_xfail("OLDER: a shape the multilingual rules were written for, still shown")
@pytest.mark.parametrize(("note", "secret"), OLDER_LEAKS)
def test_a_nearby_shape_of_a_multilingual_identifier_is_hidden(
        engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret)
