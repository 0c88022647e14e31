"""General multilingual shapes (study35d), from general knowledge of each language, not
from any corpus: ages over 89 before or after a language's age word, national numbers with
a check (PESEL, Chinese ID, SNILS, CPF, Emirates ID) and phones by national format, dates
with a language's month words (inflected), names after a language's patient or kin cue,
streets with their number. Doses, vitals, years alone, beds and clinical words stay."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "secret"), [
    # ages over 89
    ("Pacjentka lat 92 lata, po upadku.", "92"),
    ("Больной 95 лет, жалобы на боль.", "95"),
    ("Bệnh nhân nữ 91 tuổi, tỉnh.", "91"),
    ("患者女性，92岁，跌倒后入院。", "92"),
    ("患者は93歳の女性。", "93"),
    ("Hasta 92 yaşında, düşme sonrası.", "92"),
    ("Paciente de 93 años, caída.", "93"),
    ("Patiente de 92 ans, chute.", "92"),
    ("Patientin, 94 Jahre, Sturz.", "94"),
    ("Si lola ay 92 taong gulang na.", "92"),
    ("المريضة عمرها 92 سنة", "92"),
    ("المريضة عمرها ٩٢ سنة", "٩٢"),
    ("wiek 92, stan ogólny dobry", "92"),
    ("возраст 96, ИБС", "96"),
    ("年龄92，男", "92"),
    ("Ασθενής 93 ετών, πτώση.", "93"),
    ("Potilas 94 vuotta, kaatuminen.", "94"),
    ("Pacient 91 let, pád.", "91"),
    ("Pacienta are 93 de ani.", "93"),
    ("A beteg 92 éves, elesett.", "92"),
    ("Pasien usia 94 tahun, jatuh.", "94"),
    ("Patiënt is 97 jaar oud.", "97"),
    ("Patienten är 93 år.", "93"),
    ("ผู้ป่วยอายุ 92 ปี", "92"),
    ("בת 93, נפלה בבית", "93"),
    ("Пацієнтка 94 роки, падіння.", "94"),
    # national numbers and phones
    ("PESEL 44051401458, uczulenia brak", "44051401458"),
    ("身份证号 11010519491231002X 已核对", "11010519491231002X"),
    ("СНИЛС 112-233-445 95 в карте", "112-233-445 95"),
    ("Emirates ID 784-1985-1234567-1 verified", "784-1985-1234567-1"),
    ("CPF 529.982.247-25 conferido", "529.982.247-25"),
    ("CCCD 001204012345 của bệnh nhân", "001204012345"),
    ("PhilHealth 12-345678901-2 updated", "12-345678901-2"),
    ("tel. +48 512 345 678 do córki", "+48 512 345 678"),
    ("телефон 8 (912) 345-67-89 сын", "8 (912) 345-67-89"),
    ("手机 138 1234 5678 家属", "138 1234 5678"),
    ("SĐT 0912 345 678 con gái", "0912 345 678"),
    ("cp 0917 123 4567 ni anak", "0917 123 4567"),
    ("جوال 050 123 4567 الابن", "050 123 4567"),
    ("call back on +33 6 12 34 56 78 tomorrow", "+33 6 12 34 56 78"),
    # dates
    ("Przyjęta 5 listopada 2026 r.", "5 listopada"),
    ("Поступил 12 марта 2026 г.", "12 марта"),
    ("nhập viện ngày 5 tháng 11 năm 2026", "5 tháng 11"),
    ("2026年11月5日入院", "11月5日"),
    ("手术日期 11月5日", "11月5日"),
    ("أدخلت في 5 مارس 2026", "5 مارس"),
    ("Εισαγωγή 12 Μαρτίου 2026", "12 Μαρτίου"),
    ("przyjęty 3 października", "3 października"),
    ("hospitalizován 14. října", "14. října"),
    ("internat pe 7 martie", "7 martie"),
    ("felvétel 2026. március 5.", "március 5"),
    ("otettu sisään 5. maaliskuuta", "5. maaliskuuta"),
    ("masuk 12 Agustus 2026", "12 Agustus"),
    ("poniedziałek, 4 maja", "4 maja"),
    # names after cues
    ("pacjentka Zofia Wiśniewska lat 80", "Zofia Wiśniewska"),
    ("пациентка Петрова Анна Ивановна", "Петрова Анна Ивановна"),
    ("bệnh nhân Trần Thị Hoa vào viện", "Trần Thị Hoa"),
    ("gặp Nguyễn Văn An hôm qua", "Nguyễn Văn An"),
    ("患者王秀英，女", "王秀英"),
    ("张建国先生来院复查", "张建国"),
    ("المريض أحمد الخطيب يشكو", "أحمد الخطيب"),
    ("si Aling Rosario ay nahilo", "Rosario"),
    ("hasta Ayşe Kaya ameliyata alındı", "Ayşe Kaya"),
    ("córka Agnieszka dzwoniła", "Agnieszka"),
    ("сын Дмитрий приедет", "Дмитрий"),
    ("ο ασθενής Γιώργος Παπαδόπουλος", "Γιώργος Παπαδόπουλος"),
    # addresses
    ("mieszka ul. Kwiatowa 12/4, Kraków", "Kwiatowa 12/4"),
    ("адрес: ул. Ленина, д. 5, кв. 12", "Ленина, д. 5, кв. 12"),
    ("nhà ở 12 đường Lê Lợi, phường Bến Nghé", "12 đường Lê Lợi"),
    ("住址 朝阳区建国路88号", "建国路88号"),
    ("nakatira sa Brgy. San Isidro, Purok 3", "San Isidro"),
    ("يسكن في حي النزهة", "النزهة"),
    ("проживает в Твери с дочерью", "Твери"),
    ("sống ở Hải Phòng với con", "Hải Phòng"),
    ("来自湖南长沙", "湖南长沙"),
])
def test_multilingual_identifiers_are_hidden(engine: Engine, note: str, secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""


@pytest.mark.parametrize("note", [
    "RR 92 mmHg, SpO2 94%",
    "Tętno 94 uderzeń, RR 92/60 mmHg, łóżko 12",
    "ЧСС 94 уд/мин, палата 5",
    "HR 92 lần/phút, giường 3",
    "床位 12，心率 92 次/分",
    "pacjent Przytomny, wydolny oddechowo",
    "Paracetamol 500 mg co 8 godzin",
    "Rok 2026, stan stabilny",
    "objaw Babińskiego ujemny",
    "дозировка 95 мг в сутки",
    "SpO2 93%, nhiệt độ 37 độ",
    "sala 4, cama 92, dose 100 mg",
    "in bay 5. Mayo scissors ready",
    "DL Mac 3, grade I view, sevo MAC 1.0",
])
def test_multilingual_clinical_text_stays(engine: Engine, note: str) -> None:
    untouched(engine, note)
