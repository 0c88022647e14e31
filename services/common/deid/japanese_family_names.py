"""A Japanese name written family name + given name with no honorific (attack33b, gen6):
"中村太郎 来院", "松本ゆうき 面会", "佐藤 さくら 付き添い", "10時15分 山田 太郎 入室".
japanese_notes needs an honorific after the name; without one the note shows it. Here a
kanji run that starts with one of the commonest family names (2-3 characters; one-kanji
names such as 林 or 森 are words too often) and goes on, glued or after one blank, with a
given name's shape: 1-3 kanji (2-3 when glued: "田中氏" is no name), 2-4 hiragana, 2-6
katakana. The whole span is a NAME. Left alone: a place after it ("山田町", "石川県"), a
clinical or staff word in the given name's place ("清水洗浄", "中村 先生", "森田療法"),
particles and function words ("田中さんが", "鈴木 から"); so a given name in hiragana that
starts like a particle ("佐藤 はるか") is missed.

The family names: common knowledge, written for this module.
A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

from .kana_ranges import HIRAGANA, KANJI, KATAKANA

RULE = "japanese_family_names"
_PRIO = 2

Span = tuple[int, int, str, str, int]

_K, _H, _KT = KANJI, HIRAGANA, KATAKANA

# the commonest family names of two or three kanji (小松 and 高野 left out: 小松菜,
# 高野豆腐)
_FAMILY = frozenset("""
佐藤 鈴木 高橋 田中 伊藤 渡辺 渡部 渡邊 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上
木村 斎藤 斉藤 齋藤 清水 山崎 阿部 池田 橋本 山下 石川 中島 前田 藤田 後藤 小川 岡田
長谷川 村上 近藤 石井 坂本 遠藤 青木 藤井 西村 福田 太田 三浦 藤原 岡本 松田 中川 中野
原田 小野 田村 竹内 金子 和田 中山 石田 上田 森田 小島 柴田 宮崎 酒井 工藤 横山
宮本 内田 高木 安藤 島田 谷口 大野 丸山 今井 河野 藤本 村田 武田 上野 杉山 増田 小山
大塚 平野 菅原 久保 松井 千葉 岩崎 桜井 木下 野口 松尾 菊地 野村 新井 渡部 佐野 大西
杉本 浜田 菅野 市川 古川 水野 小松崎 西田 北村 安田 中田 川口 平田 川崎 飯田 吉川 本田
久保田 沢田 吉村 渡辺 岩田 中西 服部 樋口 福島 川上 永井 松岡 田口 山中 森本 土屋
矢野 広瀬 秋山 石原 松下 大橋 松浦 吉岡 小池 馬場 浅野 荒木 大久保 野田 小沢 田辺 川村
星野 黒田 尾崎 望月 永田 熊谷 内藤 松村 西川 大島 菊池 五十嵐 須藤 片山 山内 岡崎
""".split())
_PREFIX2 = frozenset(f[:2] for f in _FAMILY)

# a kanji run's start: not after kanji or katakana, or right after a clock time "10時15分"
_RUN_START = re.compile(rf"(?:(?<![{_K}{_KT}])|(?<=\d[時分]))[{_K}]{{2}}")
_HONORIFIC_H = "さん|さま|くん|ちゃん"
# words that follow a name glued: "中村太郎来院", "井上花子付き添い"
_CUES = "来院|面会|付き添|付添|帰室|発熱|入室|退室|入院|退院|受診|来棟|同伴|面談|様|氏|殿|君"
_GIVEN = re.compile(
    rf"(?P<b>[ \u3000]?)(?:"
    rf"(?P<k>[{_K}]{{1,3}}?)(?:(?![{_K}])|(?=(?:{_CUES})))"
    rf"|(?P<h>[{_H}]{{2,4}}?)(?:(?![{_H}])|(?=(?:{_HONORIFIC_H})))"
    rf"|(?P<t>[{_KT}]{{2,6}})(?![{_KT}]))")
# a place's, a household's or a role's kanji where a given name would stand
_NOT_KANJI = frozenset("""
町 市 区 県 村 郡 都 府 道 駅 家 宅 方 様 氏 殿 君 先生 医師 看護師 師長 主任 主治医 担当
病院 医院 大学 整形 内科 外科 病棟 外来 洗浄 測定 投与 投薬 内服 来院 面会 帰室 発熱 入室
退室 入院 退院 受診 同伴 面談 本人 家族 夫 妻 母 父 氏名 商店 会社 薬局 菜 豆腐
""".split())
_PLACE_AFTER = frozenset("町市区県村郡都府道駅")
# a treatment's, a dose's or a finding's last kanji, never a given name's: "森田療法",
# "清水 少量"
_NOT_GIVEN_END = frozenset("法症剤薬療術科室液量院棟炎痛")
# hiragana after the family name that is grammar, not a given name
_NOT_HIRAGANA = frozenset("""
から まで より ので のみ など だけ しか ほか なし あり です でした ます また ため はい
いいえ には では とは へは にて での との への および さん さま くん ちゃん
""".split())
_PARTICLE_FIRST = frozenset("のがはをにともへでやか")
_NOT_KATAKANA = frozenset("""
クリニック センター ホーム ナース ドクター ケア ステーション ファミリー グループ テスト
チェック
""".split())
_IDEOGRAPH = re.compile(rf"[{_K}]")


def _given_ok(m: re.Match[str]) -> bool:
    glued = not m["b"]
    if m["k"] is not None:
        k = m["k"]
        return k not in _NOT_KANJI and k[0] not in _PLACE_AFTER \
            and k[-1] not in _NOT_GIVEN_END and (not glued or len(k) >= 2)
    if m["h"] is not None:
        h = m["h"]
        return h not in _NOT_HIRAGANA and not h.startswith(("さん", "さま", "くん", "ちゃん")) \
            and h[0] not in _PARTICLE_FIRST  # "清水 でうがい" (so "佐藤 はるか" is missed)
    return m["t"] not in _NOT_KATAKANA


def scan(text: str) -> list[Span]:
    """Family name + given name runs with no honorific (see above)."""
    if _IDEOGRAPH.search(text) is None:
        return []
    out: list[Span] = []
    for run in _RUN_START.finditer(text):
        start = run.start()
        if run[0] not in _PREFIX2:
            continue
        for size in (3, 2):  # "長谷川" before "長谷"
            if text[start:start + size] in _FAMILY:
                m = _GIVEN.match(text, start + size)
                if m is not None and _given_ok(m) and text[m.end():m.end() + 1] not in _PLACE_AFTER:
                    out.append((start, m.end(), "NAME", RULE, _PRIO))
                break
    return out
