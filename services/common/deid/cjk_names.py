"""Chinese names glued to the word before them, as Chinese is written without spaces:
"患者王秀兰，", "女儿刘芳在等候区". The name scanner splits on spaces, so "患者王秀兰" was one
word. Here: a patient or relation word, a common surname, one or two more characters,
then a punctuation mark or a little word ("在", "的", "是", "已"). The surname is what
makes it a name: "患者稳定。" and "患者已麻醉" stay.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_CUE = "患者|病人|家属|女儿|儿子|妻子|丈夫|母亲|父亲|哥哥|姐姐|弟弟|妹妹|孙子|孙女|老伴"
# the hundred commonest Chinese surnames (single characters), simplified and traditional
_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋"
             "蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段"
             "雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤張劉陳楊黃趙吳許韓馮鄧蘇呂盧鍾譚陸")
_NAME = re.compile(
    r"(?:" + _CUE + r")([" + _SURNAMES + r"][\u4e00-\u9fff]{1,2}?)"
    r"(?=[，,。．.；;：:（()）\s、]|在|的|是|已|今|从|来|$)")
_HINT = re.compile(_CUE)


def scan(text: str, out: list[Span]) -> None:
    """Add NAME spans for the glued names above."""
    if _HINT.search(text):
        out.extend((m.start(1), m.end(1), "NAME", "cjk_glued_name", 1)
                   for m in _NAME.finditer(text))
