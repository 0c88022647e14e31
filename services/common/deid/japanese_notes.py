"""Japanese hand-over notes (申し送り): the older rules split on spaces and know English
shapes, so they hide "健一 様" and leave the family name before it, and skip a prefecture
with its city, a date glued to the word after it ("4月3日退院"), a weekday in brackets,
an era's year, a car's plate and an insurance card's 記号. Here:
- a family and given name with a space, in kanji/kana or katakana, or romanised ("Ishida
  Kaoru"), before an honorific (様, さん, さま, 氏, くん, ちゃん, 殿); staff and relation
  words in either part keep it shown ("担当 看護師 様"); the same name glossed in
  brackets after it ("様（이민준）"), not a nationality ("（フィリピン国籍）");
- a prefecture with its city or ward, a city with its ward, a city before から/より/在住,
  a town's 町/村 with its chome numbers ("桜台町3-8-21");
- a month and day (with an era's or a western year, a weekday in brackets), yyyy/mm/dd;
- an age over 89 in figures or kanji before 歳;
- a plate (region, class, kana, number: "練馬 502 ほ 77-01"); an insurance card's 記号.

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from .kana_ranges import HIRAGANA, KANJI, KATAKANA

RULE = "japanese_notes"
_PRIO = 2

Span = tuple[int, int, str, str, int]

_K, _H, _KT = KANJI, HIRAGANA, KATAKANA
_B = "[ \u3000]"                    # a blank, half or full width
_HONORIFIC = "(?:様|さま|さん|氏|くん|ちゃん|殿)"
_TITLES = frozenset("Dr Mr Mrs Ms Miss Prof Nurse Sister Dr. Mr.".split())
# staff, roles and relations: never a name's part
_NOT_NAMES = frozenset(
    "患者 看護師 医師 先生 主治医 担当 家族 ご家族 本人 皆 奥 娘 息子 長男 長女 次男 次女 "
    "夫 妻 母 父 孫 兄 弟 姉 妹 ご主人 奥様 娘様 お母 お父 技師 助手 薬剤師 麻酔科 執刀医 "
    "研修医 師長 主任 事務 清掃 業者 通訳 器械出し 外回り".split())

_HW = "\uff66-\uff9f"                # half-width katakana: "ﾀﾅｶ ﾀﾛｳ 様"
_NAME = re.compile(
    rf"(?<![{_K}{_H}{_KT}{_HW}])(?P<fam>[{_K}]{{1,3}}|[{_KT}]{{2,6}}|[{_HW}]{{2,8}}){_B}"
    rf"(?P<giv>[{_K}{_H}]{{1,4}}|[{_KT}]{{2,6}}|[{_HW}]{{2,8}}){_B}?{_HONORIFIC}")
# a family name that is also a kin word: "孫 正義 様", "奥 健一 様" (a name's shape)
_SURNAME_KIN = frozenset("孫 奥".split())
# glued to its honorific: a Latin surname ("Jonesさん"), a kanji family name and a
# hiragana given name after a stop ("、高橋ゆうきさん"), not "のおばさん"
_GLUED_LATIN = re.compile(rf"(?<![\w.])[A-Z][a-z]+(?={_HONORIFIC})")
_GLUED_KANA = re.compile(
    rf"(?:(?<=[、。，,\s：:])|^)[{_K}]{{1,3}}(?![のがはをにともへでや])[{_H}]{{2,4}}"
    r"(?=さん|様|さま|くん|ちゃん)")
_ROMAN = re.compile(
    rf"(?<![\w.])(?P<fam>[A-Z][a-z]+)[ ](?P<giv>[A-Z][a-z]+(?:-[a-z]+)?){_B}?{_HONORIFIC}")

# the same name in another script in brackets after its honorific: "様（이민준）"
_GLOSS = re.compile(
    rf"{_B}?[(（](?P<g>[{_K}{_H}{_KT}\uac00-\ud7a3]{{2,8}}(?:{_B}[{_K}{_H}{_KT}\uac00-\ud7a3]{{1,8}})?)"
    r"[)）]")
_NOT_GLOSSES = ("国籍", "籍", "出身", "語", "通訳")
# 様 meaning "-like" ("反応 様 症状", "感冒 症状 様"): the finding before it or after it
_LIKE_BEFORE = frozenset("症状 反応 所見 変化 陰影 発作 疼痛 不快 感覚 様子".split())
_LIKE_AFTER = re.compile(rf"{_B}?(?:症状|反応|所見|変化|陰影|発作|疼痛|の症状|の反応|の訴え)")
_WORDS = lx.ENGLISH | lx.MEDICAL | lx.CUE | lx.COMMON

_PREFS = ("北海道|東京都|京都府|大阪府|" + "|".join(p + "県" for p in (
    "青森 岩手 宮城 秋田 山形 福島 茨城 栃木 群馬 埼玉 千葉 神奈川 新潟 富山 石川 福井 "
    "山梨 長野 岐阜 静岡 愛知 三重 滋賀 兵庫 奈良 和歌山 鳥取 島根 岡山 広島 山口 徳島 "
    "香川 愛媛 高知 福岡 佐賀 長崎 熊本 大分 宮崎 鹿児島 沖縄").split()))
_CHOME = r"(?:\d{1,2}丁目(?:\d{1,4}(?:番地?|[-－])?(?:\d{1,4}号?)?)?|\d{1,4}(?:[-－]\d{1,4}){1,2})"
_PLACE = re.compile(
    rf"(?:{_PREFS})(?:[{_K}]{{1,4}}?[市郡])?(?:[{_K}]{{1,4}}?区)?(?:[{_K}]{{1,4}}?[町村])?"
    rf"{_CHOME}?"
    rf"|(?<![{_K}])[{_K}]{{1,4}}?市[{_K}]{{1,4}}?区(?:[{_K}]{{1,4}}?[町村])?{_CHOME}?"
    rf"|(?<![{_K}])(?![他同当各本隣前]市)[{_K}]{{1,4}}?市(?=から|より|在住|出身|の施設)"
    rf"|(?<![{_K}])[{_K}]{{1,4}}?[町村]{_CHOME}(?![\d-])")

_ERA = r"(?:令和|平成|昭和|大正|明治)(?:元|\d{1,2})年"
_DATE = re.compile(
    rf"(?<!\d)(?:(?:{_ERA}|(?:18|19|20)\d\d年){_B}?)?(?:1[0-2]|0?[1-9])月(?:3[01]|[12]\d|0?[1-9])日"
    rf"(?:{_B}?[(（][月火水木金土日](?:曜日?)?[)）])?"
    r"|(?<![\d/])(?:19|20)\d\d/(?:1[0-2]|0[1-9]|[1-9])/(?:3[01]|[12]\d|0[1-9]|[1-9])(?![\d/])")
_AGE = re.compile(
    r"(?<![\d.])(?:9\d|1[01]\d)(?=[ \u3000]?歳)"
    r"|(?<![一二三四五六七八九十百])(?:九十[一二三四五六七八九]?|百(?:十[一二三四五六七八九]?"
    r"|[一二三四五六七八九])?)(?=歳)")
_PLATE = re.compile(
    rf"(?<![{_K}])[{_K}]{{1,4}}{_B}?\d{{2,3}}{_B}?(?![をと])[{_H}]{_B}?"
    r"(?:\d{1,2}[-－]\d{2}|[・･]{1,3}\d{1,3})(?!\d)")
# 記号 (and the card's 番号 after it), half or full width: "記号 1234 番号 5678", "ＡＢ１２"
_SYMBOL = re.compile(
    r"(?:記号|(?<=[\d０-９] )番号|(?<=[\d０-９]\u3000)番号)[ \u3000]*[:：]?[ \u3000]*"
    r"([0-9A-Za-z０-９Ａ-Ｚａ-ｚ]{1,8}(?:[-－][0-9０-９]{1,8})?)(?![\w-])")
_SCRIPT = re.compile(rf"[{_K}{_H}{_KT}]")
_PREF_ALONE = re.compile(_PREFS)  # a prefecture alone is a state, no address


def _gloss_end(gloss: str) -> int:
    """How much of a bracket is a name: all, none of a nationality alone ("フィリピン国籍"),
    the words before a nationality ("李小明 中国籍"; attack33b)."""
    if not gloss.endswith(_NOT_GLOSSES):
        return len(gloss)
    return max(gloss.rfind(" "), gloss.rfind("\u3000"), 0)


def _like(text: str, m: re.Match[str]) -> bool:
    """様 as "-like" after a finding, not an honorific: "胸部 不快 様 症状", "症状 様"."""
    return text[m.end() - 1] == "様" and (
        m["giv"] in _LIKE_BEFORE or _LIKE_AFTER.match(text, m.end()) is not None)


def _names(text: str, flags_of: Callable[[str], int]) -> list[Span]:
    out: list[Span] = []
    found = [m for m in _NAME.finditer(text)
             if (m["fam"] not in _NOT_NAMES or m["fam"] in _SURNAME_KIN)
             and m["giv"] not in _NOT_NAMES and not _like(text, m)]
    for m in found:
        out.append((m.start(), m.end("giv"), "NAME", RULE, _PRIO))
    for m in _ROMAN.finditer(text):
        if m["fam"] in _TITLES:
            continue
        # an English word before the given name is none of the name: "Pt Kenji さん"
        f = flags_of(m["fam"].lower())
        start = m.start("giv") if f & _WORDS and not f & lx.LAST_TOP else m.start()
        out.append((start, m.end("giv"), "NAME", RULE, _PRIO))
        found.append(m)
    for m in _GLUED_LATIN.finditer(text):
        f = flags_of(m[0].lower())
        if m[0] not in _TITLES and not (f & _WORDS and not f & (lx.FIRST_TOP | lx.LAST_TOP)):
            out.append((m.start(), m.end(), "NAME", RULE, _PRIO))
    out += [(m.start(), m.end(), "NAME", RULE, _PRIO) for m in _GLUED_KANA.finditer(text)]
    for m in found:
        g = _GLOSS.match(text, m.end())
        if g is not None:
            g_end = _gloss_end(g["g"])
            if g_end:
                out.append((g.start("g"), g.start("g") + g_end, "NAME", RULE, _PRIO))
    return out


def scan(text: str, flags_of: Callable[[str], int]) -> list[Span]:
    """The names, places, dates, ages, plates and card symbols above."""
    if _SCRIPT.search(text) is None:
        return []
    out = _names(text, flags_of)
    out += [(m.start(), m.end(), "ADDRESS", RULE, _PRIO) for m in _PLACE.finditer(text)
            if _PREF_ALONE.fullmatch(m[0]) is None]
    out += [(m.start(), m.end(), "DATE", RULE, _PRIO) for m in _DATE.finditer(text)]
    out += [(m.start(), m.end(), "AGE", RULE, _PRIO) for m in _AGE.finditer(text)]
    out += [(m.start(), m.end(), "VEHICLE", RULE, _PRIO) for m in _PLATE.finditer(text)]
    if "保険" in text:
        out += [(m.start(1), m.end(1), "ID", RULE, _PRIO) for m in _SYMBOL.finditer(text)]
    return out
