"""A Japanese name written family name + given name with no honorific: "中村太郎 来院",
"佐藤 さくら 面会", after a clock time ("8時40分 鈴木 健一 帰室") or a stop. Clinical
words that start with a surname's characters, a town or prefecture after it, staff by
role, drugs, doses and times stay. Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, untouched


@pytest.mark.parametrize(("note", "secret"), [
    ("中村太郎 来院、血圧安定", "中村太郎"),
    ("松本ゆうき 面会あり", "松本ゆうき"),
    ("佐藤 さくら 付き添い", "佐藤 さくら"),
    ("本日 鈴木 健一 発熱 38.2度", "鈴木 健一"),
    ("8時40分 渡辺 美穂 帰室", "渡辺 美穂"),
    ("13時20分 井上花子 来院", "井上花子"),
    ("昨夜、小林 マリア 面会", "小林 マリア"),
    ("16時05分、斎藤さとみさん 入室", "斎藤さとみ"),
    ("7時45分 に 長谷川 翔太 来院", "長谷川 翔太"),
    ("10時15分 松本 次郎 入室", "松本 次郎"),
    ("佐々木　恵美　付き添い", "佐々木　恵美"),
])
def test_a_family_and_given_name_is_hidden(engine: Engine, note: str, secret: str) -> None:
    assert left_uncovered(engine, note, secret) == ""


@pytest.mark.parametrize("note", [
    "10時15分 血圧測定 130/80",
    "9時05分 投薬 ロキソニン 60mg 内服",
    "手術室 入室 14時30分",
    "看護師さん 交代 22時00分",
    "清水で創部洗浄",
    "小松菜 少量 摂取",
    "山田町 在住 独居",
    "石川県 から転院",
    "広島大学 受診 予定",
    "森田療法 施行中",
    "清水 少量 摂取",
    "清水 でうがい",
    "福島県 出身",
])
def test_clinical_words_and_places_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)
