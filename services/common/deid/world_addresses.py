"""Addresses and home towns in many languages (newer, study35d), from general knowledge
of each language's street words rather than any corpus: a street's word with its name and
number (Polish "ul. Kwiatowa 12/4", Russian "ул. Ленина, д. 5, кв. 12", Vietnamese "12
đường Lê Lợi", "phường Bến Nghé", Chinese "建国路88号", Philippine "Brgy. San Isidro",
"Purok 3", Arabic "حي النزهة", "شارع الملك فهد"), and the place after a language's "lives
in / from" (mieszka w, проживает в, sống ở, 住在/来自, nakatira sa, taga-, يسكن في).

Kept: a ward or a bed ("łóżko 12", "палата 5", "giường 3", "床位 12"), a street word with
no name after it.

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

from .hints import Words, folded_runs, runs
from .note_language import looks

RULE = "world_address"
_PRIO = 1

Span = tuple[int, int, str, str, int]

_CAP = r"[^\W\d_a-zà-ÿа-яё]\w*"  # a capitalised word in any cased script
_NUM = r"\d{1,4}[a-zA-Zа-я]?(?:[/-]\d{1,4}[a-zA-Z]?)?"
_STREET = re.compile(
    # Polish, Czech, Russian, Ukrainian: the word, the name, its number; house and flat
    rf"(?:(?<![^\W\d_])(?:ul\.|ulica|ulicy|al\.|aleja|os\.|osiedle|ul|ulice|nám\.|náměstí"
    rf"|ул\.|улица|улице|пр-т|просп\.|проспект|пер\.|переулок|ш\.|шоссе|бул\.|бульвар|вул\."
    rf"|вулиця|str\.|strada|calea|bd\.|bulevardul|utca|út|tér|sokak|sok\.|cadde|caddesi|cad\."
    rf"|mah\.|mahallesi|jl\.|jalan|gang|gg\.|calle|avenida|av\.|rua|travessa|rue|avenue"
    rf"|boulevard|odos|οδός|οδ\.|λεωφ\.|λεωφόρος)"
    rf"(?:[ \t]+|(?<=\.)(?=[^\W\d_a-zà-ÿа-яё]\w))"  # (or none after its dot: "ul.Długa")
    rf"(?P<s>(?:{_CAP}[ \t]+){{0,3}}{_CAP}(?:,?[ \t]+(?:д\.|дом|буд\.|nr|č\.|no\.?)?"
    rf"[ \t]*{_NUM})?(?:,?[ \t]*(?:кв\.|квартира|m\.|lok\.|apt\.?)[ \t]*\d{{1,4}})?))"
    # Vietnamese: a house number before its street's word, or a ward's/district's name
    rf"|(?P<v>(?:\d{{1,4}}[A-Z]?(?:/\d{{1,4}})?[ \t]+)?(?:đường|phố|phường|quận|huyện|xã"
    rf"|thôn|ấp|tổ)[ \t]+(?:{_CAP}[ \t]+){{0,3}}{_CAP})"
    # Philippine barangay and purok
    rf"|(?<![^\W\d_])(?:Brgy\.?|Barangay|Bgy\.?|Purok|Sitio)[ \t]+(?P<p>(?:{_CAP}[ \t]+)"
    rf"{{0,3}}{_CAP}|\d{{1,3}}[A-Z]?)"
    # Arabic and Persian: street, quarter, alley and their name
    rf"|(?:شارع|حي|حى|زقاق|خیابان|کوچه|محله)[ \t]+(?P<a>[\u0600-\u06ff]+(?:[ \t]+"
    rf"[\u0600-\u06ff]+)?(?:[ \t]+\d{{1,4}})?)")
_CN_STREET = re.compile(r"(?P<c>[\u4e00-\u9fff]{1,6}(?:路|街|道|巷|弄|胡同|大道)"
                        r"[0-9０-９]{1,5}(?:号|號|弄|栋|棟)(?:[0-9０-９]{1,5}(?:室|号|號))?)")
# the gates, on the note itself (the patterns ask no case): a street's word with the blank
# after it at a word's start, or a Vietnamese, Philippine or Arabic street word anywhere
_RUN_HEAD = re.compile(r"[^\W\d_]+")
_LEADS = (
    "ul.", "ulica", "ulicy", "al.", "aleja", "os.", "osiedle", "ul", "ulice", "nám.", "náměstí",
    "ул.", "улица", "улице", "пр-т", "просп.", "проспект", "пер.", "переулок", "ш.", "шоссе",
    "бул.", "бульвар", "вул.", "вулиця", "str.", "strada", "calea", "bd.", "bulevardul", "utca",
    "út", "tér", "sokak", "sok.", "cadde", "caddesi", "cad.", "mah.", "mahallesi", "jl.",
    "jalan", "gang", "gg.", "calle", "avenida", "av.", "rua", "travessa", "rue", "avenue",
    "boulevard", "odos", "οδός", "οδ.", "λεωφ.", "λεωφόρος")
# (a word above at a word's start and before its blank is, up to its first non-letter, a
# whole word of the note: "ul." is "ul", "пр-т" is "пр")
_LEAD_RUNS = frozenset(_RUN_HEAD.match(w).group() for w in _LEADS)  # type: ignore[union-attr]
_OTHER_STREET_WORDS = Words(("đường", "phố", "phường", "quận", "huyện", "xã", "thôn", "ấp", "tổ",
                       "Brgy", "Barangay", "Bgy", "Purok", "Sitio",
                       "شارع", "حي", "حى", "زقاق", "خیابان", "کوچه", "محله"))
_NOT_STREET = r"(?!Brgy|Barangay|Purok|Sitio|ul\.|ул\.|[A-Z]{2,}\b)"  # the street rule reads those
# "lives in / comes from" and the place after it, one entry a language
_HOME = re.compile(
    rf"(?:(?<![^\W\d_])(?i:mieszka[ \t]+(?:w|we|na)|pochodzi[ \t]+z|z[ \t]+miejscowości"
    rf"|проживает[ \t]+(?:в|во|из)|живёт[ \t]+(?:в|во)|живет[ \t]+(?:в|во)|родом[ \t]+из"
    rf"|приехал[а]?[ \t]+из|прожива[єе][ \t]+(?:у|в)|sống[ \t]+(?:ở|tại)|quê[ \t]+(?:ở)?"
    rf"|đến[ \t]+từ|ở[ \t]+tại|nakatira[ \t]+sa|taga|galing[ \t]+sa|tinggal[ \t]+di"
    rf"|berasal[ \t]+dari|asal|bydlí[ \t]+v|žije[ \t]+v|locuiește[ \t]+în|locuieste[ \t]+in"
    rf"|domiciliat[ \t]+în|ikamet|yaşıyor|asuu|bor[ \t]+i|bor[ \t]+på|woont[ \t]+in"
    rf"|κατοικεί[ \t]+(?:στ[οηα]ν?|σε)|vive[ \t]+en|vive[ \t]+em|habite[ \t]+(?:à|a|en)"
    rf"|wohnt[ \t]+in|abita[ \t]+a)[ \t\-]+{_NOT_STREET}(?P<h>(?:{_CAP}[ \t\-]+){{0,2}}{_CAP})"
    rf"|(?:يسكن|تسكن|يقيم|تقيم|من[ \t]+سكان)[ \t]+(?:في|ب|من)?[ \t]*(?P<ar>(?:حي[ \t]+)?"
    rf"[\u0600-\u06ff]{{2,}}(?:[ \t]+[\u0600-\u06ff]{{2,}})?)"
    rf"|(?:住在|居住在|住址|来自|來自|家住|籍贯|籍貫)[ \t:：]*(?P<cn>[\u4e00-\u9fff]{{2,8}}?)"
    rf"(?=[，,。、；;\s(（的]|$|(?:市|省|区|县|人)))")
# each "lives in" word up to its first non-letter, a whole word of the note where the
# pattern's first part matches (ahead of a blank or a dash); the Arabic and Chinese words
# and "z miejscowości" (its "z" a word English has too) anywhere
_HOME_RUNS = frozenset((
    "mieszka", "pochodzi", "проживает", "живёт", "живет", "родом", "приехал", "приехала",
    "проживає", "проживае", "sống", "quê", "đến", "ở", "nakatira", "taga", "galing",
    "tinggal", "berasal", "asal", "bydlí", "žije", "locuiește", "locuieste", "domiciliat",
    "ikamet", "yaşıyor", "asuu", "bor", "woont", "κατοικεί", "vive", "habite", "wohnt",
    "abita"))
_HOME_ANYWHERE = Words(("miejscowości", "يسكن", "تسكن", "يقيم", "تقيم", "من", "住在", "居住在",
                        "住址", "来自", "來自", "家住", "籍贯", "籍貫"))


# "lives nearby / here / at home" names no place
_NEAR = frozenset(("附近", "这里", "這裡", "本地", "家里", "家裡", "医院", "醫院", "一起", "当地"))


def _bone(text: str, m: re.Match[str]) -> bool:
    """"os." is also Latin's bone ("os. Calcis fracture"): an estate ("osiedle") only
    with its number or in a note that looks Polish."""
    return (m.group().lower().startswith("os.") and not any(c.isdigit() for c in m["s"])
            and not looks("pl", text))


def scan(text: str) -> list[Span]:
    """The places above: streets as ADDRESS spans, home towns as LOCATION spans."""
    found: list[Span] = []
    if _OTHER_STREET_WORDS.any_in(text) or not _LEAD_RUNS.isdisjoint(runs(text)):
        for m in _STREET.finditer(text):
            g = next(k for k in ("s", "v", "p", "a") if m.group(k) is not None)
            if g == "s" and _bone(text, m):
                continue
            found.append((m.start(g), m.end(g), "ADDRESS", RULE, _PRIO))
    if ("路" in text or "街" in text or "道" in text or "巷" in text or "弄" in text):
        found += [(m.start(), m.end(), "ADDRESS", RULE, _PRIO) for m in _CN_STREET.finditer(text)]
    if _HOME_ANYWHERE.any_in(text) or not _HOME_RUNS.isdisjoint(folded_runs(text)):
        for m in _HOME.finditer(text):
            g = next(k for k in ("h", "ar", "cn") if m.group(k) is not None)
            if m.group(g) in _NEAR:
                continue
            found.append((m.start(g), m.end(g), "LOCATION", RULE, _PRIO))
    return found
