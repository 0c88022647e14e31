"""Names in a script of their own inside a note in another (script_names.py): a gloss of
a name in brackets or between dashes, one or two words after a patient or family word
(English or the script's own, Thai and Hindi words cut at their vowel signs included), two
words opening a line of a Latin-script note, a Japanese name before an honorific. A
sentence in another language, with no cue, stays.

All names here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FOUND = [
    ("Pt Yael Adler (יעל אדלר) for lap chole", "יעל אדלר"),
    ("Pt Omar Haddad — عمر حداد — from the ED, interpreter booked", "عمر حداد"),
    ("Pt Haruka Morita (森田春香) in bay 3", "森田春香"),
    ("Patient ประภา วงศ์ทอง to recovery", "ประภา"),
    ("ผู้ป่วย ประภา วงศ์ทอง เข้าห้องผ่าตัดแล้ว", "วงศ์ทอง"),
    ("पेशेंट अनिल वर्मा ओटी 2 में", "अनिल वर्मा"),
    ("मरीज़ का बेटा विकास बाहर है", "विकास"),
    ("환자 Mira, 수술 시작", "Mira"),
    ("अनिल वर्मा, born in March, now in pre-op", "अनिल वर्मा"),
    ("عمر حداد i bay 4, familjen väntar", "عمر حداد"),
    ("娘さんの美咲さんが来ました。", "美咲"),
    # the name in its own script first, its Latin form after a bracket, slash or dash
    ("박서연 (Park Seo-yeon) 6yo, mom at bedside", "박서연"),
    ("黄志明 / Wong Chi-ming — interpreter swap needed", "黄志明"),
    ("كريم نصار (Karim) brother of pt, waiting outside", "كريم نصار"),
    # a name opening the note, a dash after it; a name in Han or Hangul, a comma after it
    ("نادية كرمي — pt speaks Arabic only, sister translating", "نادية كرمي"),
    ("周玉兰，91岁, hip fx, interpreter booked", "周玉兰"),
]

KEPT = [
    # a sentence in Russian, its lone "в" read as a Latin "b" by the view
    "Операция закончена в 12:10, пациент в палате.",
    "Оценка по шкале ASA — III.",
    # no cue, no name found before it
    "Interpreter says the word was درد (pain).",
    "患者さんは安定しています。",
    "Пациент stable, to PACU",
    # words of the language before a bracket or a comma, no name after them
    "Family asked for the word for pain: 疼痛 (pain), written on the board",
    "手术顺利，病人在恢复室",
    "수술실 7: Glenn shunt 진행 중",
]


@pytest.mark.parametrize(("note", "name"), FOUND)
def test_a_name_in_its_own_script_is_redacted(engine: Engine, note: str, name: str) -> None:
    out = engine.deidentify(note).text
    assert all(part not in out for part in name.split())


@pytest.mark.parametrize("note", KEPT)
def test_other_scripts_without_a_cue_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
