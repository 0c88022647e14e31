"""Chinese and Vietnamese names by their family names (newer, study35d), from general
knowledge rather than any corpus: a common Chinese family name (of the top hundred) and one
or two characters right before 先生/女士/老人/患者/老先生/阿姨/大爷 or right after 患者/病人/
家属; a common Vietnamese family name (Nguyễn, Trần, Lê, Phạm, Hoàng/Huỳnh, Phan, Vũ/Võ,
Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý) and one to three capitalised syllables anywhere.

Kept: a ward's or a drug's characters (no family name leads them), "Lê" alone.

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

RULE = "world_name"
_PRIO = 1

Span = tuple[int, int, str, str, int]

_CN_FAMILY = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余"
              "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙"
              "史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁"
              "岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆"
              "蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚"
              "岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛"
              "仲虞敖巩明佘池查麻苑迟邝張劉陳楊黃趙吳許鄭謝鄧馮蔣蘇葉魏呂盧鍾譚陸賴")
_CJK = r"[\u4e00-\u9fff]"
_CN_BEFORE = re.compile(rf"(?P<n>[{_CN_FAMILY}]{_CJK}{{1,2}}?)(?:先生|女士|老人|老先生|老太太"
                        rf"|阿姨|大爷|大爺|患者|病人|同志|小姐)")
_CN_AFTER = re.compile(rf"(?:患者|病人|家属|家屬|病患)[ \t:：,，]*"
                       rf"(?P<n>[{_CN_FAMILY}]{_CJK}{{1,2}})"
                       rf"(?=[，,。、；;:：\s(（]|$|[男女])")
_VI_FAMILY = ("Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý"
              "|Nguyen|Tran|Pham|Hoang|Huynh|Dang|Bui|Duong")
_VI_SYLLABLE = r"[A-ZÀ-ỸĐ][a-zà-ỹđ]{0,6}"
_VI = re.compile(rf"(?<![^\W\d_])(?:{_VI_FAMILY})(?:[ \t]+{_VI_SYLLABLE}){{1,3}}"
                 r"(?![^\W\d_])")
_VI_GATE = re.compile(_VI_FAMILY)
# Russian: a surname with its initials ("Смирнова А.П.", "А.П. Смирнова"), or the
# words after "ФИО" (surname, first name, patronymic)
_RU_WORD = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
_RU = re.compile(rf"(?<![^\W\d_])(?:{_RU_WORD}[ \t]+[А-ЯЁ]\.[ \t]?[А-ЯЁ]\.?"
                 rf"|[А-ЯЁ]\.[ \t]?[А-ЯЁ]\.[ \t]?{_RU_WORD})(?![^\W\d_])"
                 rf"|(?<=ФИО)[ \t]*[:：]?[ \t]*(?P<f>{_RU_WORD}"
                 rf"(?:[ \t]+(?:{_RU_WORD}|[А-ЯЁ]\.[ \t]?[А-ЯЁ]\.?)){{0,2}})")
_CYRILLIC = re.compile(r"[А-ЯЁ]")
_HAN = re.compile(r"(?:先生|女士|老人|阿姨|大爷|大爺|患者|病人|家属|家屬|病患|同志|小姐)")


def scan(text: str) -> list[Span]:
    """The names above as NAME spans."""
    found: list[Span] = []
    if _HAN.search(text) is not None:
        for pat in (_CN_BEFORE, _CN_AFTER):
            found += [(m.start("n"), m.end("n"), "NAME", RULE, _PRIO) for m in pat.finditer(text)]
    if _CYRILLIC.search(text) is not None:
        for m in _RU.finditer(text):
            g = "f" if m.group("f") is not None else 0
            found.append((m.start(g), m.end(g), "NAME", RULE, _PRIO))
    if _VI_GATE.search(text) is not None and _vietnamese(text):
        found += [(m.start(), m.end(), "NAME", RULE, _PRIO) for m in _VI.finditer(text)]
    return found


def _vietnamese(text: str) -> bool:
    """Vietnamese letters or a Vietnamese title in the note (an English "Le Fort" or
    "Tran" alone has none, nor a French "rôle")."""
    return _VI_LETTERS.search(text) is not None or _VI_CUES.search(text) is not None


# letters Vietnamese has and French does not (not "ô", "ê", "â": "rôle", "Hôpital")
_VI_LETTERS = re.compile(r"[ăđơưĩũạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)
_VI_CUES = re.compile(r"(?<![^\W\d_])(?:[ôÔ]ng|[bB]à|BN|[cC]ô|[cC]hú)[ \t]+(?=[A-ZÀ-ỸĐ])")
