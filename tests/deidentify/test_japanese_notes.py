"""Japanese hand-over notes: a name before its honorific (spaced, katakana, romanised),
a prefecture's or a city's ward, a date with its weekday or era, an age over 89, a car's
plate, an insurance card's 記号. Staff words, times and a device's words stay."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "secret"), [
    ("入院時、木村 春香 様の付き添いあり", "木村 春香"),
    ("ご家族（次女 木村 千秋 様）来院", "木村 千秋"),
    ("ハセガワ ミノル 様 表記確認", "ハセガワ ミノル"),
    ("Ishida Kaoru さん、本日転棟", "Ishida Kaoru"),
    ("Park Ji-woo 様 通訳あり", "Park Ji-woo"),
    ("Choi Yuna 様（최유나）、入院", "최유나"),
    ("高木 陽斗 くん（たかぎ はると）来院", "たかぎ はると"),
    ("静岡県浜松市から紹介", "静岡県浜松市"),
    ("名古屋市昭和区在住、独居", "名古屋市昭和区"),
    ("自宅 桜台町3-8-21 に退院", "桜台町3-8-21"),
    ("再診日 6月9日(月) 予定", "6月9日(月)"),
    ("生年月日 平成2年11月30日 確認", "平成2年11月30日"),
    ("2024年12月1日手術施行", "2024年12月1日"),
    ("1938/02/07生、独居", "1938/02/07"),
    ("10月21日退院予定", "10月21日"),
    ("本人 九十六歳 意識清明", "九十六"),
    ("百三歳、既往なし", "百三"),
    ("患者 97歳 転倒", "97"),
    ("家族の車 練馬 502 ほ 77-01 駐車場", "練馬 502 ほ 77-01"),
    ("保険証 記号 45-210 番号 88", "45-210"),
])
def test_japanese_identifiers_are_hidden(engine: Engine, note: str, secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""


@pytest.mark.parametrize("note", [
    "手術室2 入室 9時30分、麻酔 問題なし",
    "体温 37.2度、85歳以上は別表",
    "骨頭 サイズ 48 mm、セメント 使用",
    "12月 の 勉強会 予定",
])
def test_japanese_staff_times_and_words_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)


@pytest.mark.parametrize(("note", "word"), [
    # an honorific alone after a Latin name is no name, nor are the words after it
    ("Ishida Kaoru さん、来週 再診", "さん"),
    ("Ishida Kaoru さん 来院 済み", "来院"),
    ("看護師 Mia さん 休み", "休み"),
    # a clock time is no code, a nationality in brackets no name's gloss
    ("入室 14時05分 予定", "14時05分"),
    ("Ana Lopez 様（ブラジル国籍）、通訳あり", "ブラジル国籍"),
])
def test_japanese_words_beside_a_name_stay(engine: Engine, note: str, word: str) -> None:
    assert word in engine.deidentify(note).text  # (a short note may still be held)


def test_the_name_before_a_lone_honorific_is_still_hidden(engine: Engine) -> None:
    assert left_uncovered(engine, "連絡 済み、田中 さん 帰宅", "田中") == ""
    assert left_uncovered(engine, "김민수 씨 보호자", "김민수") == ""


@pytest.mark.parametrize("note", [
    "看護師さん 交代 済み",
    "師長さん 不在、連絡 済み",
])
def test_a_staff_word_with_an_honorific_is_no_name(engine: Engine, note: str) -> None:
    untouched(engine, note)
