"""attack35a: look-alikes of the multilingual rules' shapes (a test tool).

    PYTHONPATH=. python bench/deid_diff/gen12.py 4000 SEED > /tmp/notes.jsonl

Same record as gen.py ({"id", "text", "phi": [[s, e, cat]], "neutral": [[s, e]]}).
Positives: the shapes world_*, nordic_notes, finnish_notes and turkish_notes were written
for in nearby forms (a capitalised "Mieszka w"/"Проживает в", "93-letni", "93-х лет",
"93t", "ФИО: Смирнова А.П.", "ul.Długa 5/3", "5 Kasımda", "5-го ноября", "5 ноя",
ALL CAPS Vietnamese and Turkish names, a two-character Chinese name with no cue word).
Hard negatives (PHI-free English OR notes): number lists and "let"/"v." after a vital,
timed doses ("0830 930 1030"), "Mob."/"Portable" before figures, an English verb ending in
"-gate" with a number in a note that has an eponym's ö ("Sjögren"), "Pat Dry", "os. Calcis".
The names and places are common ones; the notes are invented.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.deid_diff.gen import Note
from bench.deid_diff.gen4 import emit

RNG = random.Random(12)

POL_TOWNS = ["Gdańsku", "Krakowie", "Poznaniu", "Lublinie"]
RU_TOWNS = ["Казани", "Твери", "Самаре", "Перми"]
RU_LAST = ["Смирнова", "Иванов", "Кузнецова", "Соколов"]
VI_CAPS = ["NGUYỄN VĂN AN", "TRẦN THỊ HOA", "PHẠM MINH TUẤN"]
TR_CAPS = ["AHMET YILMAZ", "AYŞE DEMİR", "MEHMET KAYA"]
CN = ["王伟", "李明", "张静", "刘洋"]


def pick(xs):  # type: ignore[no-untyped-def]
    return RNG.choice(xs)


# ---- positives -------------------------------------------------------------------------
def home(n: Note) -> None:
    if RNG.random() < 0.5:
        n.add("Mieszka w ").phi_(pick(POL_TOWNS), "LOCATION").add(" z córką.")
    else:
        n.add("Проживает в ").phi_(pick(RU_TOWNS), "LOCATION").add(" с дочерью.")


def age(n: Note) -> None:
    a = str(RNG.randint(90, 104))
    kind = RNG.randrange(4)
    if kind == 0:
        n.phi_(a, "AGE").add("-letni pacjent po zabiegu.")
    elif kind == 1:
        n.add("Пациентка ").phi_(a, "AGE").add("-х лет, стабильна.")
    elif kind == 2:
        n.add("Bệnh nhân nam, ").phi_(a, "AGE").add("t, ổn định.")
    else:
        n.add("Pacjentka, ").phi_(a, "AGE").add(" l., stabilna.")


def name(n: Note) -> None:
    kind = RNG.randrange(4)
    if kind == 0:
        n.add("ФИО: ").phi_(pick(RU_LAST), "NAME").add(" А.П., палата 3.")
    elif kind == 1:
        n.add("Bệnh nhân ").phi_(pick(VI_CAPS), "NAME").add(" nhập viện.")
    elif kind == 2:
        n.add("HASTA ").phi_(pick(TR_CAPS), "NAME").add(" servise alındı.")
    else:
        n.phi_(pick(CN), "NAME").add("，男，92岁，术后稳定。")


def date(n: Note) -> None:
    d = str(RNG.randint(1, 28))
    kind = RNG.randrange(3)
    if kind == 0:
        n.add("Ameliyat ").phi_(f"{d} Kasımda", "DATE").add(" yapıldı.")
    elif kind == 1:
        n.add("Операция ").phi_(f"{d}-го ноября", "DATE").add(" 2026.")
    else:
        n.add("Оперирована ").phi_(f"{d} ноя", "DATE").add(" 2026.")


def street(n: Note) -> None:
    if RNG.random() < 0.5:
        n.add("Adres: ul.").phi_(f"Długa {RNG.randint(1, 40)}/{RNG.randint(1, 9)}", "ADDRESS")
    else:
        n.add("Адрес: ул.").phi_(f"Ленина {RNG.randint(1, 40)}-{RNG.randint(1, 40)}",
                                 "ADDRESS")
    n.add(".")


POS_MAKERS: list[Callable[[Note], None]] = [home, age, name, date, street]


# ---- hard negatives --------------------------------------------------------------------
def neg_vitals(n: Note) -> None:
    v = RNG.randint(90, 99)
    n.add(pick([f"If sats drop below {v} let anaesthetist know.",
                f"Sats {v} v. {v - 3} on room air.",
                f"If MAP under {v} let the surgeon know."]))


def neg_times(n: Note) -> None:
    h = RNG.choice(["0730", "0830", "0930"])
    n.add(pick([f"Antibiotics given {h} 930 1130 as per protocol.",
                f"Cefazolin redosed {h} 930 1130.",
                f"Mob. {RNG.randint(1000, 9999)} {RNG.randint(1000, 9999)} cart.",
                f"Portable {RNG.randint(10, 99)} {RNG.randint(10, 99)} "
                f"{RNG.randint(10, 99)} {RNG.randint(10, 99)} unit."]))


def neg_eponym(n: Note) -> None:
    n.add("Hx Sjögren's syndrome. ")
    n.add(pick([f"Ligate {RNG.randint(2, 4)} vessels then irrigate.",
                f"Irrigate {RNG.randint(1, 3)} L warm saline.",
                "Pat Dry the site before closure.",
                f"Navigate {RNG.randint(2, 4)} system set up."]))


def neg_bone(n: Note) -> None:
    n.add(pick(["Stand-by, os. Calcis fracture fixed.", "Os. Calcis plate placed.",
                "Fixation of the os. Naviculare done."]))


NEG_MAKERS: list[Callable[[Note], None]] = [neg_vitals, neg_times, neg_eponym, neg_bone]


def main() -> None:
    emit(RNG, POS_MAKERS, NEG_MAKERS, "g12", 12)


if __name__ == "__main__":
    main()
