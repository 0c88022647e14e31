"""Names written in a script of their own inside a note written in another:

- a gloss of a name just found, in brackets or between dashes: "Pt Noa Levi (נועה לוי)",
  "Ahmad Karimi — احمد کریمی —", "Kyōko Ono（小野恭子）"; or the other way round, the
  script's form first and the Latin one found after a bracket, slash or dash
  ("نعمة حداد (Nima)", "王小红 / Wang Xiaohong");
- the surname after a name found in the same script ("signed by अनीता वर्मा as ...";
  capitalised where the script has capitals: "Μαρία αίθουσα" is a name and a room);
- one or two words after a word for the patient or a relative, in English or in the
  script itself: "ผู้ป่วย สมชาย ใจดี", "पेशेंट राजेश कुमार", "환자 Анна";
- two words opening a line of an otherwise Latin-script note: "अनिल वर्मा, born ...",
  "أحمد حسن in bay 9", "אברהם כהן — pt ...": the sentence is about them; in Han or
  Hangul, written without spaces, two to four signs then a comma or bracket and Latin
  or digits ("王小红，88岁, hip"): a clause of the language goes on in it instead.

The name scanner splits words on its own token class, which cuts Devanagari and Thai at
their vowel signs; here a word is a run of one script's block, marks included.
"""

from __future__ import annotations

import re
import unicodedata

from .names import SCRIPT_CUES
from .person_cues import NAME_CUES

Span = tuple[int, int, str, str, int]

# one alphabet's letters and marks, without its digits and punctuation
_BLOCKS = (
    "\u0400-\u0482\u048a-\u04ff",  # Cyrillic
    "\u0386-\u03ff",  # Greek
    "\u05d0-\u05ea\u05b0-\u05c2\u05c4\u05c5\u05c7\u05f3\u05f4",  # Hebrew
    "\u0620-\u064a\u064b-\u065f\u0670-\u06d3\u06fa-\u06ff",  # Arabic, Persian, Urdu
    "\u0900-\u0963\u0971-\u097f",  # Devanagari, no danda
    "\u0980-\u09e3\u09f0\u09f1",  # Bengali
    "\u0b80-\u0be5",  # Tamil
    "\u0e01-\u0e3a\u0e40-\u0e4e",  # Thai, no digits
    "\u10a0-\u10ff",  # Georgian
    "\u0531-\u0587",  # Armenian
    "\u3041-\u30ff\u4e00-\u9fff",  # kana and CJK ideographs
    "\uac00-\ud7a3\u1100-\u11ff",  # Hangul (syllables, and jamo as the view spells them)
)
_WORD = "|".join(f"[{b}]+" for b in _BLOCKS)
_ANY = re.compile(f"(?:{_WORD})")
# a name in one script: one to three words of it (a maqaf or hyphen may join two)
_RUN = "|".join(f"[{b}]+(?:[ \u05be-][{b}]+){{0,2}}" for b in _BLOCKS)
# the gloss: an opening bracket or a dash after the name, the run, its closing mark
# (or a comma before the person's nationality: "（サントス アナ、ベトナム国籍）")
_GLOSS = re.compile(rf"[ \t]*(?:[(（\[]|[—–]|--)[ \t]*({_RUN})[ \t]*"
                    r"(?=[)）\]—–,;]|--|[、，][^)）、，]{0,12}国籍[)）])")
# two words of one script opening a line, then a Latin word ("i bay 9", not the
# "b" the view reads for a lone Cyrillic "в"), perhaps after a dash ("— pt ...")
_OPENING = re.compile(
    r"(?m)^[ \t>*•|-]*("
    + "|".join(f"[{b}]{{2,}}[ \u05be][{b}]{{2,}}" for b in _BLOCKS)
    + r")(?=[ \t]*(?:,|[—–]|--)?[ \t]+(?:[A-Za-z]{2}|[A-Za-z]/|[A-Za-z][ \t]+[A-Za-z]{2}))")
# Han or Hangul, unspaced: two to four signs opening a line, then a comma or bracket and
# Latin or digits ("王小红，88岁"; not "手术顺利，病人在..." nor "수술실 7:")
_OPENING_SOLID = re.compile(
    r"(?m)^[ \t>*•|-]*([\u4e00-\u9fff]{2,4}|[\uac00-\ud7a3]{2,4})"
    r"(?=[ \t]*[,，、(（][ \t]*[A-Za-z0-9])")
# the script's form just before a Latin name found: a bracket, slash or dash between
_BEFORE = re.compile(rf"({_RUN})[ \t]*(?:[(（\[/]|[—–]|--)[ \t]*\Z")
# a word of one script, or a Latin word (a cue: "Patient"; a name after a script cue)
_TOKEN = re.compile(rf"{_WORD}|[A-Za-z]+")
_CUE_GAP = re.compile(r"[ \t]*[:：]?[ \t]+")
_LATIN = re.compile(r"[A-Za-z]")
# patient and family words the name scanner's lists lack
_MORE_CUES = ("ผู้ป่วย คนไข้ คุณ ลูกสาว ลูกชาย ภรรยา สามี "
              "पेशेंट मरीज़ मरीज रोगी बेटी बेटा पत्नी पति "
              "пациент пациентка больной больная "
              "환자 보호자 "
              "مريض المريض المريضة מטופל מטופלת").split()
# little words between a cue and the name ("मरीज़ की बेटी", "בת של"): never the name
_LITTLE = ("की का के को में से है हैं और "
           "של את עם "
           "في من مع "
           "и в с у").split()
# Japanese: a name glued before an honorific, after "の" or at a clause's start
# ("息子さんの健太さんに"); not the kin or patient word itself ("患者さん", "娘さん")
_HONORIFIC = re.compile(r"(?:(?<=[の、。，,\s])|^)([\u4e00-\u9fff\u30a0-\u30ff]{2,4})"
                        r"(?=さん|様|くん|ちゃん|氏)")
# what a bracket after a name says of them that is no name: "（ブラジル国籍）", "（中国籍）"
_NOT_GLOSSES = ("国籍", "籍", "出身", "語", "通訳")
_KIN = frozenset("患者 息子 娘 奥 皆 妻 夫 母 父 お子 先生 主人 家族 "
                 "看護師 師長 主任 医師 技師 薬剤師 助手 事務 清掃 担当".split())


def _gloss_end(gloss: str) -> int:
    """How much of a bracket's run is a name: all of it, none of a nationality alone
    ("中国籍"), the words before a nationality ("李小明 中国籍"; attack33b); none of an
    interpreter's note ("通訳手配")."""
    if gloss.startswith("通訳"):
        return 0
    if not gloss.endswith(_NOT_GLOSSES):
        return len(gloss)
    cut = max(gloss.rfind(" "), gloss.rfind("\u3000"))
    return max(cut, 0)


def _folded(word: str) -> str:
    """As the normalised view spells it: compatibility forms, no marks ("ผู้ป่วย" -> "ผปวย")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word)
                   if unicodedata.category(c) not in ("Mn", "Me", "Cf"))


def _fold_all(words: frozenset[str] | list[str]) -> frozenset[str]:
    return frozenset(words) | frozenset(map(_folded, words))


_CUES = _fold_all(list(SCRIPT_CUES | NAME_CUES | {"pt", "patient", "pts", "name"}
                       | frozenset(_MORE_CUES)))
_STOP = _CUES | _fold_all(_LITTLE)
# the next word after a name found in a script of its own: the surname when it is of the
# same script ("signed by अनीता वर्मा as guardian"); a little word ("ने", "של") is not
# (over a few blanks or one line break: "कविता  जोशी", a name wrapped onto the next line)
_NEXT_WORD = re.compile(rf"(?:[ \t]{{1,3}}|[ \t]{{0,3}}\n[ \t]{{0,3}})({_WORD})")
# ... and no word of time or grammar: "कल" (yesterday), "आज" (today), "और" (and)
_AFTER_NAME = _STOP | _fold_all("ने ही भी तो कल आज अभी और को से का की के में पर है हैं था थी".split())


def _name_case(word: str) -> bool:
    """Capitalised, in a script with capitals (Cyrillic, Greek, Armenian); any word in
    one without."""
    return word[0].isupper() or word.lower() == word.upper()


def scan(text: str, spans: list[Span]) -> None:
    """Add NAME spans for the names above (`text` is not ASCII)."""
    if _ANY.search(text) is None:
        return
    for _s, e, cat, _rule, _p in list(spans):
        if cat == "NAME":
            end = e  # the name scanner may have cut the word at a vowel sign ("अन|ीता")
            if (rest := _ANY.match(text, e)) is not None \
                    and _ANY.fullmatch(text[e - 1:e] + rest.group()) is not None:
                end = rest.end()
            m = _NEXT_WORD.match(text, end)
            if m is not None and m.group(1) not in _AFTER_NAME and _name_case(m.group(1)) \
                    and _ANY.fullmatch(
                    text[end - 1:end] + m.group(1)) is not None:
                spans.append((_s, m.end(1), "NAME", "script_surname", 1))
            m = _GLOSS.match(text, e)
            if m is not None:
                g_end = _gloss_end(m.group(1))
                if g_end:
                    spans.append((m.start(1), m.start(1) + g_end, "NAME", "script_gloss", 1))
            m = _BEFORE.search(text, max(0, _s - 40), _s)
            if m is not None and _STOP.isdisjoint(m.group(1).split()):
                spans.append((m.start(1), m.end(1), "NAME", "script_gloss", 1))
    if _LATIN.search(text):
        for m in _OPENING_SOLID.finditer(text):
            if m.group(1) not in _STOP:
                spans.append((m.start(1), m.end(1), "NAME", "script_opening", 1))
        for m in _OPENING.finditer(text):
            if _STOP.isdisjoint(m.group(1).split()) and all(map(_name_case, m.group(1).split())):
                spans.append((m.start(1), m.end(1), "NAME", "script_opening", 1))
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    for k, (_s, _e, word) in enumerate(toks[:-1]):
        if word.lower() not in _CUES:
            continue
        j = k + 1
        while j < len(toks) and toks[j][2] in _STOP and _CUE_GAP.fullmatch(
                text, toks[j - 1][1], toks[j][0]):
            j += 1  # "मरीज़ की बेटी सुनीता": past the little words and the next cue
        if j >= len(toks) or not _CUE_GAP.fullmatch(text, toks[j - 1][1], toks[j][0]):
            continue
        first = toks[j][2]
        if first.isascii() and (word.isascii() or not first[0].isupper()):
            continue  # a Latin word only after a cue in another script ("환자 Anna")
        if not _name_case(first):
            continue  # "Ασθενής στο χειρουργείο": a name in Greek or Cyrillic is capitalised
        end = toks[j][1]
        if j + 1 < len(toks) and text[end:toks[j + 1][0]] == " " \
                and not toks[j + 1][2].isascii() and toks[j + 1][2] not in _STOP \
                and _ANY.fullmatch(first + toks[j + 1][2]) is not None:
            end = toks[j + 1][1]  # the surname, in the same script
        spans.append((toks[j][0], end, "NAME", "script_after_cue", 1))
    if "の" in text or "さん" in text or "様" in text:
        spans.extend((m.start(1), m.end(1), "NAME", "script_honorific", 1)
                     for m in _HONORIFIC.finditer(text) if m.group(1) not in _KIN)
