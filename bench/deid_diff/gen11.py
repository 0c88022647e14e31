"""study35d: notes in many languages' shapes written from general knowledge (a test tool).

    PYTHONPATH=. python bench/deid_diff/gen11.py 4000 SEED > /tmp/notes.jsonl

Same record as gen.py ({"id", "text", "phi": [[s, e, cat]], "neutral": [[s, e]]}).
Positives: ages over 89 before or after a language's age word (Polish, Russian, Vietnamese,
Chinese, Turkish, Finnish, Romanian, Hungarian, Indonesian, Arabic with its own figures),
checked numbers (PESEL, Chinese ID, SNILS, CPF) and phones by national shape after a phone
word, dates with inflected month words, names after a cue, streets and home towns.
Hard negatives (about half the notes, PHI-free): vitals and doses in those languages, a
bed or a ward's number, a year alone, a capitalised clinical word after a cue, "3 tháng".
The names and places are common ones of each country; the notes are invented.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.deid_diff.gen import Note
from bench.deid_diff.gen4 import emit

RNG = random.Random(35)

AGE_FORMS = ["{a} lata", "{a} лет", "{a} tuổi", "{a}岁", "{a} yaşında", "{a} vuotta",
             "{a} de ani", "{a} éves", "{a} tahun", "{a} ετών", "{a} роки", "{a} taong gulang"]
AGE_LEADS = ["Pacjentka ", "Больной ", "Bệnh nhân nữ ", "患者女性，", "Hasta ", "Potilas ",
             "Pacienta are ", "A beteg ", "Pasien usia ", "Ασθενής ", "Пацієнтка ", "Si lola ay "]
MONTHS = ["listopada", "марта", "października", "января", "Μαρτίου", "martie", "ekim",
          "Agustus", "maaliskuuta", "října", "مارس", "січня"]
POL_LAST = ["Kowalska", "Wiśniewska", "Nowak", "Wójcik", "Kamińska", "Lewandowski"]
RU_LAST = ["Петрова", "Иванов", "Смирнова", "Кузнецов", "Соколова"]
VI_NAMES = ["Nguyễn Văn An", "Trần Thị Hoa", "Phạm Minh Tuấn", "Lê Thị Lan", "Võ Văn Hùng"]
CN_NAMES = ["张建国", "王秀英", "李娜", "刘洋", "陈静"]


def pick(xs):  # type: ignore[no-untyped-def]
    return RNG.choice(xs)


def digits(n: int) -> str:
    return "".join(str(RNG.randint(0, 9)) for _ in range(n))


def pesel() -> str:
    d = [RNG.randint(0, 9) for _ in range(2)] + [0, RNG.randint(1, 9)] \
        + [RNG.randint(0, 2), RNG.randint(1, 8)] + [RNG.randint(0, 9) for _ in range(4)]
    check = sum(w * x for w, x in zip((1, 3, 7, 9, 1, 3, 7, 9, 1, 3), d, strict=True))
    return "".join(map(str, d)) + str((10 - check % 10) % 10)


def cpf() -> str:
    d = [RNG.randint(0, 9) for _ in range(9)]
    for n in (9, 10):
        d.append(sum(x * (n + 1 - i) for i, x in enumerate(d[:n])) * 10 % 11 % 10)
    s = "".join(map(str, d))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"


# ---- positives -------------------------------------------------------------------------
def age(n: Note) -> None:
    i = RNG.randrange(len(AGE_FORMS))
    a = RNG.randint(90, 104)
    form = AGE_FORMS[i].format(a=a)
    n.add(AGE_LEADS[i]).phi_(str(a), "AGE").add(form[len(str(a)):] + ", po upadku.")


def number(n: Note) -> None:
    kind = RNG.randrange(5)
    if kind == 0:
        n.add("PESEL ").phi_(pesel(), "ID").add(", uczulenia brak.")
    elif kind == 1:
        n.add("CPF ").phi_(cpf(), "ID").add(" conferido.")
    elif kind == 2:
        n.add("телефон ").phi_(f"8 (9{digits(2)}) {digits(3)}-{digits(2)}-{digits(2)}",
                               "PHONE").add(" сын.")
    elif kind == 3:
        n.add("手机 ").phi_(f"13{digits(1)} {digits(4)} {digits(4)}", "PHONE").add(" 家属")
    else:
        n.add("cp ").phi_(f"0917 {digits(3)} {digits(4)}", "PHONE").add(" ni anak.")


def date(n: Note) -> None:
    d = RNG.randint(1, 28)
    n.add(pick(["Przyjęta ", "Поступил ", "Internat pe ", "masuk ", "Εισαγωγή "]))
    n.phi_(f"{d} {pick(MONTHS)}", "DATE").add(" 2026.")


def name(n: Note) -> None:
    kind = RNG.randrange(4)
    if kind == 0:
        n.add("pacjentka ").phi_(pick(POL_LAST), "NAME").add(" lat 80, stabilna.")
    elif kind == 1:
        n.add("пациентка ").phi_(pick(RU_LAST), "NAME").add(", жалобы на боль.")
    elif kind == 2:
        n.add("bệnh nhân ").phi_(pick(VI_NAMES), "NAME").add(" vào viện.")
    else:
        n.phi_(pick(CN_NAMES), "NAME").add("先生来院复查。")


def place(n: Note) -> None:
    kind = RNG.randrange(3)
    if kind == 0:
        n.add("mieszka ul. ").phi_(f"Kwiatowa {RNG.randint(1, 99)}", "ADDRESS").add(".")
    elif kind == 1:
        n.add("проживает в ").phi_("Твери", "LOCATION").add(" с дочерью.")
    else:
        n.add("sống ở ").phi_(pick(["Hải Phòng", "Đà Nẵng", "Cần Thơ"]), "LOCATION") \
            .add(" với con.")


POS_MAKERS: list[Callable[[Note], None]] = [age, number, date, name, place]


# ---- hard negatives --------------------------------------------------------------------
def neg_vitals(n: Note) -> None:
    n.add(pick([f"RR {RNG.randint(90, 119)}/60 mmHg, SpO2 9{RNG.randint(0, 9)}%.",
                f"ЧСС {RNG.randint(90, 119)} уд/мин, палата {RNG.randint(1, 20)}.",
                f"HR {RNG.randint(90, 119)} lần/phút, giường {RNG.randint(1, 30)}.",
                f"床位 {RNG.randint(1, 40)}，心率 {RNG.randint(90, 119)} 次/分。",
                f"Tętno {RNG.randint(90, 119)}, łóżko {RNG.randint(1, 30)}."]))


def neg_doses(n: Note) -> None:
    n.add(pick(["Paracetamol 500 mg co 8 godzin.", "дозировка 95 мг в сутки.",
                "Rok 2026, stan stabilny.", "theo dõi 3 tháng nữa.",
                "sala 4, cama 92, dose 100 mg.", "objaw Babińskiego ujemny."]))


def neg_cue(n: Note) -> None:
    n.add(pick(["pacjent Przytomny, wydolny oddechowo.", "Hasta Stabil, ağrı yok.",
                "bệnh nhân Tỉnh, tiếp xúc tốt.", "paciente Consciente y orientada."]))


NEG_MAKERS: list[Callable[[Note], None]] = [neg_vitals, neg_doses, neg_cue]


def main() -> None:
    emit(RNG, POS_MAKERS, NEG_MAKERS, "g11", 35)


if __name__ == "__main__":
    main()
