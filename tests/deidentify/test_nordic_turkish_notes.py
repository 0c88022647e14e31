"""Swedish, Norwegian, Danish and Turkish handover notes: the patient's and kin's names
after their words, ages over 89 in figures and words, dates by their month's word, the
countries' phone shapes, streets, postcodes, care homes and hospitals, a town after
"bor i"/"från"/"fra", plates, a Turkish identity number. Clinical words stay."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, strict_xfail, untouched


@pytest.mark.parametrize(("note", "secret"), [
    # Swedish
    ("Pat är 94 år, orolig på uppvaket.", "94"),
    ("Patienten nittiosex år gammal, bor med dottern.", "nittiosex"),
    ("Pat Ragnhild Övergaard 93 år, från Sollentuna.", "93"),
    ("Pat Ragnhild Övergaard 93 år, från Sollentuna.", "Sollentuna"),
    ("Ring sonen Jöns Åkerlund 031-774 20 18 efter op.", "031-774 20 18"),
    ("Pat Hjalmar Brännström telefon 072-663 18 40.", "072-663 18 40"),
    ("Pat Hjalmar Brännström telefon 072-663 18 40.", "Hjalmar Brännström"),
    ("Anhörig: hustrun Märta Ölund vill bli uppringd.", "Märta Ölund"),
    ("Pat bor på Kvarnvägen 7, lgh 1204, hiss finns.", "Kvarnvägen 7, lgh 1204"),
    ("Pat bor i Hägersten, hemtjänst två gånger dagligen.", "Hägersten"),
    ("Pat kommer från Kungälvs sjukhus med ambulans.", "Kungälvs sjukhus"),
    ("Pat bor på Björkhagens vårdboende sedan i våras.", "Björkhagens vårdboende"),
    ("Pat bor på Linbackens äldreboende, taxi bokad.", "Linbackens äldreboende"),
    ("Pat Ulf Grankvist regnr MXT 58C står på parkeringen.", "MXT 58C"),
    ("Adress Ekbacksgatan 3, 724 61 Västerås.", "724 61 Västerås"),
    ("Op planerad 14 okt, hem 17 okt.", "14 okt"),
    ("Pat mobil +46 70 331 22 81.", "+46 70 331 22 81"),
    # Norwegian and Danish
    ("Pasienten er nittifire år, bor alene.", "nittifire"),
    ("Pasient Ingebjørg Solheim, datter Sigrid ringer i kveld.", "Ingebjørg Solheim"),
    ("Pasient Ingebjørg Solheim, datter Sigrid ringer i kveld.", "Sigrid"),
    ("Bor i Trondheimsveien 112, leil. 3, tlf 412 55 903.", "412 55 903"),
    ("Bor i Trondheimsveien 112, leil. 3, tlf 412 55 903.", "Trondheimsveien 112"),
    ("Patienten er treoghalvfems år, kommer fra Vejle plejehjem.", "treoghalvfems"),
    ("Patienten er treoghalvfems år, kommer fra Vejle plejehjem.", "Vejle"),
    ("Datteren bor på Østergade 9, 8000 Aarhus, tlf +45 21 44 90 17.", "Østergade 9"),
    ("Datteren bor på Østergade 9, 8000 Aarhus, tlf +45 21 44 90 17.", "+45 21 44 90 17"),
    ("Overført fra Haukeland sykehus 3. mars.", "Haukeland sykehus"),
    # Finnish
    ("Potilas Eero Lehtonen 93-vuotias, kotiin huomenna.", "93"),
    ("Potilas Eero Lehtonen 93-vuotias, kotiin huomenna.", "Eero Lehtonen"),
    ("Potilas yhdeksänkymmentäkaksi vuotta, asuu yksin.", "yhdeksänkymmentäkaksi"),
    ("Tytär Aino soittaa, puh 040 552 1873.", "040 552 1873"),
    ("Omainen +358 50 441 2290 ilmoitettu.", "+358 50 441 2290"),
    ("Osoite Satakunnankatu 18 B 12, Tampere.", "Satakunnankatu 18 B 12"),
    ("Siirto Peijaksen sairaalasta ambulanssilla.", "Peijaksen"),
    # Turkish
    ("Hasta Tuncay Erbil 12 Ekim ameliyat oldu.", "Tuncay Erbil"),
    ("Hasta Tuncay Erbil 12 Ekim ameliyat oldu.", "12 Ekim"),
    ("Nisan ayında kontrol randevusu verildi.", "Nisan"),
    ("Eşi Songül Karabacak refakatçi olarak kalacak.", "Songül Karabacak"),
    ("Hastanın oğlu Volkan aranacak.", "Volkan"),
    ("Kızı tel 0544 318 27 60, akşam arayacak.", "0544 318 27 60"),
    ("Ev telefonu 0 (312) 447 19 02 kayıtlı.", "(312) 447 19 02"),
    ("Adres İnönü Cad. No:48 D:7 Kat 2.", "İnönü Cad. No:48 D:7"),
    ("Adres Lale Sok. No:3 Daire 11.", "Lale Sok. No:3 Daire 11"),
    ("Hasta Pendik ilçesinden sevk edildi.", "Pendik"),
    ("Yakını aracı plaka 35 TRK 442 hastane otoparkında.", "35 TRK 442"),
    ("TC kimlik no son dört hanesi 4408 doğrulandı.", "4408"),
    ("Hasta doksan dört yaşında, düşme riski yüksek.", "doksan dört"),
    ("Hasta 96 yaşında, refakatçi var.", "96"),
])
def test_nordic_and_turkish_identifiers_are_hidden(engine: Engine, note: str,
                                                   secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""


@pytest.mark.parametrize("note", [
    "Pat vaken, VAS 3, ingen PONV.",
    "Sal 4: Bier-block klar, manschett släppt 11:20.",
    "Överlämning: drän 2 st, 40 ml serös.",
    "Pasienten er 84 år, våken og stabil.",
    "Devir: bulantı yok, riski düşük, servise çıkabilir.",
    "Salon 3 temizlendi, sonraki hasta 14:30.",
    "Pat 78 år, stabil, vaken.",
    "Pat kommer från Uppvaket, VAS 2.",
    "Hasta Servise gönderildi, Dren 1 adet.",
    "Hasta 2 ünite kan aldı, 40 mg enoksaparin.",
    "Kontrol 3 ay sonra, yaş 85.",
    "Potilas 84-vuotias, vointi hyvä, kotiin huomenna.",
    "Potilas Osasto 5 siirtoon, puh osastolle.",
])
def test_nordic_and_turkish_clinical_words_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)


# older rules' false alarms these new ones leave as they were (narrowing an older rule
# needs the differential of DEID.md): "Inga" (Swedish "none") and "riski yüksek" as names,
# "Ağrı" (pain) as a Turkish province, "Kan" (blood) and "Rh" as names, "till" as a name
@strict_xfail("older rules take these clinical words for names or places")
@pytest.mark.parametrize("note", [
    "Inga komplikationer, ASA 2, Mallampati 1.",
    "Pat 78 år, stabil, går till avdelning 12.",
    "Ağrı skoru 4, parasetamol verildi.",
    "Kan grubu 0 Rh-, 3 ünite hazır.",
    "Hasta 78 yaşında, düşme riski yüksek.",
])
def test_older_rules_false_alarms_in_these_languages(engine: Engine, note: str) -> None:
    untouched(engine, note)
