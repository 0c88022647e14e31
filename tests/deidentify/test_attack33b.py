"""attack33b: identifiers left shown, and clinical words newly hidden, beside this session's
Japanese, Hinglish and Korean rules and its narrowings (e52c8eb..62435e1): names.py's lone
honorific after a Latin word and staff word before an honorific, digits' CJK clock times,
script_names' nationality glosses, japanese_notes, hinglish_notes, korean_places.

NEW: the BASE engine at e52c8eb hid these characters (or left these words alone); HEAD
shows them (or hides them). OLDER: both show the same characters; the new rule reads the
shape next door and stops short. Each is a strict xfail until a rule covers it (fix33b
closed all NEW ones and 24 OLDER; the 5 left are marked one by one). Every note
here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

NEW = "attack33b NEW "
OLDER = "attack33b OLDER "


def _shown(engine: Engine, note: str, secret: str) -> bool:
    return secret in engine.deidentify(note).text


# names.py: "a lone honorific after a Latin word is no longer a name and no longer makes
# the words after it names" -- but a Latin surname before さん is the commonest way a
# foreign or romanised patient is written, and the script name after it loses its cue
LONE_HONORIFIC = [
    ("Smith さん and Jones さん", "Smith"),
    ("今日 Brown さん 退院", "Brown"),
    ("申し送り: Jones さん 退院。", "Jones"),
    ("申し送り: Smith 様 and family updated.", "Smith"),
    ("ishida kaoru さん 発熱", "kaoru"),
    ("Called さん 山田太郎 re labs", "山田太郎"),
    ("Ａ さん 佐藤健一 来院", "佐藤健一"),
    ("Seen: さん 佐藤 花子 発熱", "佐藤"),
    ("Patient さん 山田 太郎 来院", "太郎"),
]


@pytest.mark.parametrize(("note", "secret"), LONE_HONORIFIC)
def test_a_name_beside_a_lone_honorific_goes(engine: Engine, note: str, secret: str) -> None:
    assert not _shown(engine, note, secret)


# names.py: a staff word before an honorific stops the script_name chain, so the patient
# named right after "看護師さん" is shown
AFTER_STAFF = [
    ("看護師さん 佐藤花子 付き添い", "佐藤花子"),
    ("看護師さん 山田 太郎 同室", "山田"),
    ("師長さん 田中一郎 報告", "田中一郎"),
    ("主任さん 鈴木 次郎 面会", "鈴木"),
]


@pytest.mark.parametrize(("note", "secret"), AFTER_STAFF)
def test_a_name_after_a_staff_honorific_goes(engine: Engine, note: str, secret: str) -> None:
    assert not _shown(engine, note, secret)


# script_names / japanese_notes: a gloss ending in 国籍 is dropped whole, though it holds
# the name first and the nationality after a space
NATIONALITY_GLOSSES = [
    ("佐藤健一様（李小明 中国籍）来院", "李小明"),
    ("王 小明 様（ワン シャオミン 中国籍）", "シャオミン"),
]


@pytest.mark.parametrize(("note", "secret"), NATIONALITY_GLOSSES)
def test_a_gloss_with_its_nationality_goes(engine: Engine, note: str, secret: str) -> None:
    assert not _shown(engine, note, secret)


# japanese_notes._NAME: 様 also means "-like" (様症状, "反応 様"); two words before it are
# taken for a family and given name, the first newly hidden
LIKE_NOT_HONORIFIC = [
    ("胸部 不快 様 症状", "胸部"),
    ("感冒 症状 様 の訴え", "感冒"),
    ("アレルギー 反応 様 症状あり", "アレルギー"),
    ("モルヒネ 塩酸塩 様 反応", "モルヒネ"),
]


@pytest.mark.parametrize(("note", "word"), LIKE_NOT_HONORIFIC)
def test_a_word_before_like_stays(engine: Engine, note: str, word: str) -> None:
    assert _shown(engine, note, word)


# hinglish_notes._KIN: any capitalised word after "papa ji", "didi"... is a relative's name
KIN_THEN_WORD = [
    ("papa ji Metformin pe hai", "Metformin"),
    ("Mummy ji Aspirin le rahi hai", "Aspirin"),
    ("didi Nurse Station pe hai", "Nurse"),
    ("mummy Monday ko aayengi", "Monday"),
    ("nani Dialysis pe hai", "Dialysis"),
    ("amma Insulin le rahi hai", "Insulin"),
]


@pytest.mark.parametrize(("note", "word"), KIN_THEN_WORD)
def test_a_drug_after_a_kin_word_stays(engine: Engine, note: str, word: str) -> None:
    assert _shown(engine, note, word)


# japanese_notes._ROMAN: any capitalised English word before a romanised name and さん is
# taken for the family name ("Pt Kenji さん"), and hidden with it
ROMAN_FAMILY = [
    ("Pt Kenji さん stable", "Pt"),
    ("Seen Tanaka さん at bedside", "Seen"),
    ("Discussed Tanaka さん with team", "Discussed"),
    ("Family Tanaka さん present", "Family"),
]


@pytest.mark.parametrize(("note", "word"), ROMAN_FAMILY)
def test_the_word_before_a_romanised_name_stays(engine: Engine, note: str,
                                                word: str) -> None:
    assert _shown(engine, note, word)


# japanese_notes._PLACE / _PLATE, korean_places: words that are no place or plate
NO_PLACE_OR_PLATE = [
    ("他市から転院", "他市"),              # "another city"
    ("同市在住の家族", "同市"),            # "the same city"
    ("東京都の基準に従い", "東京都"),      # a prefecture alone, as a state's name
    ("輸液 100 を 10-20 滴/分", "10-20"),  # a drip rate, no plate
    ("生食 100 と 1-20", "生食"),
    ("서울 친구 면회", "친구"),            # "a friend from Seoul"
    ("부산 적혈구 수혈", "적혈구"),        # "red cells" after a city
]


@pytest.mark.parametrize(("note", "word"), NO_PLACE_OR_PLATE)
def test_no_place_or_plate_stays(engine: Engine, note: str, word: str) -> None:
    assert _shown(engine, note, word)


# OLDER: names beside the new Japanese shapes that neither engine hides
_OLDER_CJK_NAMES_LEFT = pytest.mark.xfail(
    strict=True, reason=OLDER + "leak: a CJK name after a clock time, or "
    "a romanised name in capitals before さん, is shown")
OLDER_CJK_NAMES = [
    ("10時15分 山田太郎 入室", "山田太郎"),        # fix34: japanese_family_names
    ("20時05分 に 田中 一郎 来院", "田中"),
    pytest.param(*("9时05分 王小明 入院", "王小明"), marks=_OLDER_CJK_NAMES_LEFT),
    pytest.param(*("14시30분 김민준 환자 입실", "김민준"), marks=_OLDER_CJK_NAMES_LEFT),
    ("孫 正義 様 来院", "孫"),    # a surname japanese_notes keeps as "grandchild"
    ("奥 健一 様 来院", "奥"),    # a surname it keeps as "wife"
    ("ﾀﾅｶ ﾀﾛｳ 様", "ﾀﾅｶ"),        # half-width katakana
    ("Seen: Jonesさん 発熱あり。", "Jones"),          # さん glued to a Latin name
    ("22時30分、高橋ゆうきさん 入室。", "高橋ゆうき"),  # a given name in hiragana, glued
]


# fixed by fix33b: the Latin word before a lone さん is the name
def test_a_romanised_name_in_capitals_before_san_goes(engine: Engine) -> None:
    assert not _shown(engine, "ISHIDA KAORU さん 発熱", "KAORU")


@pytest.mark.parametrize(("note", "secret"), OLDER_CJK_NAMES)
def test_a_cjk_name_near_the_new_shapes_goes(engine: Engine, note: str,
                                             secret: str) -> None:
    assert not _shown(engine, note, secret)


# OLDER: the insurance card's 番号 beside the 記号 japanese_notes now hides
def test_an_insurance_card_number_goes(engine: Engine) -> None:
    assert not _shown(engine, "保険証 記号 1234 番号 5678 確認", "5678")


def test_a_full_width_insurance_symbol_goes(engine: Engine) -> None:
    assert not _shown(engine, "保険証 記号 ＡＢ１２ 確認", "ＡＢ１２")


# OLDER: Hinglish ages and numbers just outside the new gates
OLDER_HINGLISH = [
    ("94-saal ki amma ko bukhar hai", "94"),
    ("umar 94 ki hai", "94"),
    ("Aadhaar ka number patient ke bete ke paas hai: 1234 5678 9012", "5678"),
    ("Home pincode 110017, lives alone.", "110017"),
]


@pytest.mark.parametrize(("note", "secret"), OLDER_HINGLISH)
def test_a_hinglish_identifier_goes(engine: Engine, note: str, secret: str) -> None:
    assert not _shown(engine, note, secret)


# OLDER: Korean and Chinese addresses korean_places / japanese_notes do not reach
OLDER_ADDRESSES = [
    ("주소: 서울특별시 강남구 테헤란로 123", "테헤란로"),
    ("수원시 팔달구 거주", "팔달구"),
    ("경기 성남시 분당구 거주", "분당구"),
    ("상하이시 푸둥신구 거주", "푸둥신구"),
    ("广东省深圳市南山区 居住", "南山区"),
    ("住址: 上海市浦东新区张江路 88号", "张江路"),
]


@pytest.mark.parametrize(("note", "secret"), OLDER_ADDRESSES)
def test_a_korean_or_chinese_address_goes(engine: Engine, note: str, secret: str) -> None:
    assert not _shown(engine, note, secret)


# OLDER: digits._CJK_CLOCK names "14시30분" but the word reaches _code decomposed into
# jamo, so the Korean clock time is still an alphanumeric code
def test_a_korean_clock_time_stays(engine: Engine) -> None:
    note = "14시30분 투약 완료"
    assert engine.deidentify(note).text == note


# OLDER: Indian plates, Aadhaar numbers and sectors just outside hinglish_notes' gates (an
# English note, no Aadhaar word) or separators (no-break space, full stops, lower case)
_OLDER_INDIAN_IDS_LEFT = pytest.mark.xfail(
    strict=True, reason=OLDER + "leak: an Indian plate, Aadhaar or sector "
    "outside hinglish_notes' gate or separators is shown")
OLDER_INDIAN_IDS = [
    ("Ambulance MH 12 AB 1234 arrived.", "1234"),
    ("HR\u00a026\u00a0DK\u00a09031 gaadi bahar hai", "9031"),
    ("Gaadi HR.26.DK.9031 bahar hai", "9031"),
    pytest.param(*("Gaadi hr 26 dk 9031 bahar hai", "9031"), marks=_OLDER_INDIAN_IDS_LEFT),
    ("UID 1234 5678 9012 verified.", "5678"),
    ("Lives at Sector 18, Gurugram.", "Sector 18"),
]


@pytest.mark.parametrize(("note", "secret"), OLDER_INDIAN_IDS)
def test_an_indian_identifier_goes(engine: Engine, note: str, secret: str) -> None:
    assert not _shown(engine, note, secret)
