"""Character ranges of Japanese text, for the rules that read Japanese names and places:
one definition, so that every rule means the same by "kanji" or "kana"."""

KANJI = "\u4e00-\u9fff\u3005"          # CJK ideographs and 々 (the repeat mark)
HIRAGANA = "\u3041-\u3096"
KATAKANA = "\u30a1-\u30fa\u30fc"       # and its long-vowel mark
