"""Ages over 89 that ages.py does not read (learnt from tuning4's misses):

- Chinese/Japanese numerals with the age unit: "九十三岁", "百二歳" (the view reads
  number words of Latin scripts as digits, not these);
- a word for 90-99 of another language standing alone, with its units word if any:
  "Herr Vogt, neunzig", "devadesát dva let", "ενενήντα δύο", "siyamnapu't apat"
  (Tagalog), and English typed without its hyphen ("ninetyfive") (ages.py takes such a
  word only before a unit word). A duration ("neunzig Minuten") stays.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_CJK = re.compile(r"(?:九十[一二三四五六七八九]?|一?百(?:[零〇]?[一二三四五六七八九]|一?十"
                  r"[一二三四五六七八九]?)?)\s?(?:岁|歲|歳)")
_UNITS_CS = r"(?:jedna|dva|tri|tři|ctyri|čtyři|pet|pět|sest|šest|sedm|osm|devet|devět)"
_UNITS_EL = (r"(?:ενα|ένα|ενος|ενός|δυο|δύο|τρια|τρία|τριων|τριών|τεσσερα|τέσσερα|πεντε|πέντε|"
             r"εξι|έξι|επτα|επτά|οκτω|οκτώ|εννεα|εννέα)")
_UNITS_RU = r"(?:один|одна|два|две|три|четыре|пять|шесть|семь|восемь|девять)"
_UNITS_TR = r"(?:bir|iki|üç|uc|dört|dort|beş|bes|altı|alti|yedi|sekiz|dokuz)"
_WORD = re.compile(
    r"(?i)\b(?:\w*neunzig|novant\w*|noventa(?:\s+[ye]\s+\w+)?|devades[aá]t(?:\s+" + _UNITS_CS
    + r")?|ενεν[ηή]ντα(?:\s+" + _UNITS_EL + r")?|девяносто(?:\s+" + _UNITS_RU + r")?|"
    r"doksan(?:\s+" + _UNITS_TR + r")?|"
    # English typed without its hyphen ("ninetyfive"); Tagalog 90 ("siyamnapu't apat")
    r"ninety(?:one|two|three|four|five|six|seven|eight|nine)|siyamnapu(?:['’]t\s+\w+)?|"
    r"quatre-vingt-(?:dix|onze|douze|treize|quatorze|quinze|seize)(?:-\w+)?)\b"
    r"(?:\s+(?:let|lety|ετών|ετων|лет|yaşında|yasinda|jahre?|años|anni|ans)\b)?"
    # a duration, a dose or a share is no age
    r"(?!\s*(?:minut\w*|min\b|mins?\b|sekund\w*|stund\w*|hodin\w*|λεπτ\w*|минут\w*|"
    r"dakika\w*|mg\b|ml\b|%|prozent|grad\b|m\b|cm\b|kg\b))")
_HINTS = ("neunzig", "novant", "noventa", "devades", "ενενη", "ενενή", "девяносто", "doksan",
          "quatre-vingt", "ninety", "siyamnapu")


def scan(text: str, out: list[Span]) -> None:
    """Append AGE spans for the ages above."""
    if "岁" in text or "歳" in text or "歲" in text:
        out.extend((m.start(), m.end(), "AGE", "age_cjk_numerals", 1)
                   for m in _CJK.finditer(text))
    low = text.lower()
    if any(map(low.__contains__, _HINTS)):
        out.extend((m.start(), m.end(), "AGE", "age_word_foreign", 1)
                   for m in _WORD.finditer(text))
