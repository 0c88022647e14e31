"""fix33b: the narrowings attack33b broke, made safe again, and the new rules' gates, each
with the neighbours that must keep their verdict. Every note here is invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


def _shown(engine: Engine, note: str, word: str) -> bool:
    return word in engine.deidentify(note).text


# names that must go: a Latin name before a lone さん, a name after a staff word with さん,
# a kin word's relative (a name, not a drug), Korean districts of one quarter syllable
GONE = [
    ("Called Okafor さん 退院", "Okafor"),
    ("Mia さん 付き添い", "Mia"),
    ("PT さん 山本 一樹 来院", "山本"),
    ("看護師さん 鈴木さくら 面会", "鈴木さくら"),
    ("主任さん 高田 明美 同席", "高田"),
    ("看護師さん、 村上 由紀 面会", "村上"),
    ("Meds given. | 師長さん 石井和子 面会", "石井和子"),
    ("師長さん 松本 あかね 同席", "あかね"),
    ("papa ji Rohan ko bulao", "Rohan"),
    ("서울 중구 거주", "중구"),
    ("대구 달서구 거주", "달서구"),
    ("練馬 502 ほ 77-01 駐車", "77-01"),
    ("東京都新宿区 在住", "新宿区"),
    ("Okaforさん 来院", "Okafor"),
    ("。松田みどりさん 入室", "松田みどり"),
    ("umar: 103 hai", "103"),
    ("UID 4321 8765 2109 on file", "8765"),
    ("Pickup car KA 05 MN 2231 outside.", "2231"),
    ("광주 북구 운암로 45 거주", "운암로"),
    ("청주시 흥덕구 거주", "흥덕구"),
    ("江苏省南京市鼓楼区 居住", "鼓楼区"),
    ("住址: 杭州市西湖区文三路 12号", "文三路"),
]


@pytest.mark.parametrize(("note", "secret"), GONE)
def test_a_name_or_place_still_goes(engine: Engine, note: str, secret: str) -> None:
    assert not _shown(engine, note, secret)


# words that must stay: drugs after kin words, blood cells after a city, a relative city
# word, a prefecture alone, a particle between numbers, 様 meaning "-like"
STAYS = [
    ("papa ji Atorvastatin pe hai", "Atorvastatin"),
    ("dadi Sunday ko aayengi", "Sunday"),
    ("부산 호중구 감소", "호중구"),
    ("서울 림프구 검사", "림프구"),
    ("当市から紹介", "当市"),
    ("北海道の基準", "北海道"),
    ("輸液 200 を 1-30 滴", "1-30"),
    ("発疹 症状 様 反応", "発疹"),
    ("看護師さん 交代 済み", "交代"),
    ("看護師さん、 交代 済み", "交代"),
    ("Ishida Kaoru さん 退院 予定", "退院"),
    ("Nurseさん 交代", "Nurse"),
    ("Pin site clean, pinned 2 of 4", "pinned 2"),
    ("Sector 2 echo window poor", "Sector 2"),
    ("경기 발작 후 구토", "경기"),
    ("필요시 요구 증가", "요구"),
    ("통증시 적혈구 수혈", "적혈구"),
    ("輸液 12-20 滴/分", "12-20"),
    ("大都市の病院", "大都市"),
    ("市立病院 整形外科", "市立病院"),
]


@pytest.mark.parametrize(("note", "word"), STAYS)
def test_a_word_still_stays(engine: Engine, note: str, word: str) -> None:
    assert _shown(engine, note, word)
