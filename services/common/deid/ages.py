"""Ages over 89 told by their context rather than by an English unit (Safe Harbor item C).

Runs on the normalised view, where number words already read as digits ("ninety-six"
-> "96"). Each rule is a shape of how people say an age, not a list of phrases:

- a number with an age unit in any of the languages OR notes arrive in, the unit inside
  the span: "93 años", "95 лет", "92岁", "(97 J.)", "95-jährig", "Age: 92 Y / M";
- a number for 90-100+ written in another language, then its unit: "neunzig Jahre";
- a person, then "is / was / turned / will be", then the number: "the pt in 3 is 96";
- "he's / shes / grandma's" then the number: "hes 94 and still drives", "grandma's 90+";
- a number then "today" / "herself" / "next Tuesday": "96 today";
- the same age said again, or corrected: "aged 95, not 93", "yes 102", "is 88 not 98";
- "age" and a word that checks it: "age confirmed 93";
- sex and age with a slash: "F/94", "94/M".
"""

from __future__ import annotations

import re

from .covered import Covered, extend_unheld

Span = tuple[int, int, str, str, int]

_N = r"(?P<n>9\d|1[01]\d)"
_NOT_AFTER_DIGIT = r"(?<![\d.:/#-])(?<!\d,)"
# Age units; "y" alone only where a field ends after it ("92 Y / M", "94 y", "100 y 2 m").
_UNIT = (r"(?:(?:años|anos|ans|anni|-?j[aä]hrige?[rn]?|jahre?|лет|года?|tu[oổ]i|ετ[ωώ]ν|"
         r"ya[sş][ıi]nda|lat|-?ish|yo[MF])(?!\w)|岁|歳|세|\u1109\u1166|[lJ]\.(?=\s*\))|"
         r"[yY](?:\s+\d{1,2}\s*m\b)?(?=\s*(?:$|[|,;)\n\t]|/\s*[MFmf]\b)))")
_WITH_UNIT = re.compile(rf"{_NOT_AFTER_DIGIT}{_N}(?:[ \t\u00a0]*|-){_UNIT}")
_FOREIGN_NUMBER = re.compile(
    r"(?i)\b(?:quatre-vingt-(?:dix|onze|douze|treize|quatorze|quinze|seize)(?:-\w+)?|"
    r"novant\w*|noventa(?:\s+[ye]\s+\w+)?|девяносто(?:\s+\w+)?|doksan(?:\s+\w+)?|\w*neunzig|"
    r"cien(?:to)?(?:\s+\w+)?|cent(?:\s+\w+)?|hundert\w*)\s+"
    r"(?:años|anos|ans|anni|jahre?|лет|года?|ya[sş][ıi]nda)\b")
# A word for "aged" before the number: Hebrew "bat/ben 91", "edad 93", "Alter 95".
_AGED = re.compile(
    rf"(?i)(?:(?<!\w)(?:בת|בן)|\b(?:edad|[aâ]ge|alter|возраст|ya[sş]))"
    # ... or "age" and a word that checks it: "age confirmed 93", "age verified as 96"
    # ("age was confirmed 93", "age reconfirmed to be 93")
    r"(?:\s+(?:(?:is|was|has\s+been|been)\s+)?(?:re)?"
    r"(?:confirmed|verified|checked|stated|documented|listed)(?:\s+(?:as|to\s+be))?)?"
    rf"\W{{0,3}}{_N}\b"
    # "bone age confirmed 95 percentile" is no age of the patient's
    r"(?![.,:/]\d|\s*(?:%|percentile|centile|pctl|th\b))")
# What a number is when it is no age: "she was 90 minutes in the tourniquet"
_AMOUNT = (r"(?:mg|mcg|kg|kilos?|kilograms?|g|lbs?|pounds?|mm|cm|ml|cc|l|min(?:ute)?s?|"
           r"hours?|hrs?|h|seconds?|secs?|days?|weeks?|wks?|months?|bpm|degrees?|percent|units?|points?|"
           r"feet|ft|inches|miles?|km|times|x)\b")
# A person, a few words, a verb of being or becoming, then the number.
_PERSON = (r"(?:pt|patient|she|he|who|mom|mother|dad|father|wife|husband|sister|brother|"
           r"grandma|grandmother|grandpa|grandfather|aunt|uncle|gent|lady|man|woman)")
_BECOMES = (r"(?:is|was|turned|turns|turning|tunred|turnd|will\s+be|would\s+be|'s|’s|"
            r"makes\s+(?:him|her))")
_COPULA = re.compile(
    # a courtesy title's full stop does not end the sentence ("the pt, Mr. Ames, is 91")
    rf"(?i)\b{_PERSON}\b(?P<mid>(?:(?:mrs?|ms|mx|dr|prof|sr|jr)\.|[^.;:!?\n]){{0,30}}?)"
    rf"\s+{_BECOMES}\s+"
    rf"(?:(?:now|actually|only|almost|nearly|just|really)\s+)?{_N}\b"
    rf"(?![.,:/]\d|\s*(?:%|/|{_AMOUNT}))")
# "he's", typed "hes" in a text message, or a person's "'s": is, then the number
_IS_CONTRACTED = re.compile(
    rf"(?i)\b(?:(?:he|she)['’]?s|{_PERSON}['’]s)\s+"
    rf"(?:(?:now|actually|only|almost|nearly|just|really)\s+)?{_N}\b\+?"
    # "pt's 98 on RA" is a saturation
    rf"(?![.,:/]\d|\s*(?:%|/|on\b|ra\b|{_AMOUNT}))")
# the same with an aside between commas: "The patient, whose surname is hyphenated as
# Ashworth-Ngata, is 92" (the aside may be longer than the few words above)
_ASIDE = re.compile(
    rf"(?i)\b{_PERSON},(?P<mid>[^;:!?\n]{{0,80}}?),\s+{_BECOMES}\s+"
    rf"(?:(?:now|actually|only|almost|nearly|just|really)\s+)?{_N}\b"
    rf"(?![.,:/]\d|\s*(?:%|/|on\b|ra\b|{_AMOUNT}))")
_MAKES = re.compile(rf"(?i)\bmakes\s+(?:him|her)\s+{_N}\b(?![.,:/]\d)")
_WHEN = re.compile(
    rf"(?i){_NOT_AFTER_DIGIT}{_N}\s+(?:today|tomorrow|herself|himself|"
    r"next\s+(?:week|month|year|mon|tues|wednes|thurs|fri|satur|sun)\w*|this\s+(?:week|month|year))\b")
# Measurements that a "96 today" or "is 92" would be instead of an age.
_MEASURE = re.compile(
    r"(?i)\b(?:hr|pulse|sat|sats|spo2|sao2|o2|map|bp|sbp|dbp|temp|glucose|bg|sugar|rate|"
    r"count|level|ebl|uop|weight|wt|score|pressure|etco2|rr|fio2|inr|hgb|plt|volume|room|"
    r"bed|bay|or|minutes|mins|min|time|pain|case|line|rm)\b")
# the sex glued to the age in lower case or after a "y": "Grace T. 94f", "92yF", "93yom"
# (digits.py has "94F"); a temperature's f has a "temp" or a "°"/"deg" before it
_GLUED_SEX = re.compile(rf"{_N}(?:f|yo?[FfMm])(?![\w.°/'’-])")
_TEMPERATURE = re.compile(r"(?i)(?:temp|t\s*max|tmax|°|deg|warm|cool|fever|febrile)")
# an age under 90 said, then corrected to one over: "the patient is 88 not 98"
_FROM_YOUNGER = re.compile(
    rf"(?i)\b{_PERSON}\b[^.;:!?\n]{{0,30}}?\s+{_BECOMES}\s+[1-8]\d[\s,]+(?:not|or)\s+{_N}\b"
    # "pt was 75 or 95 on the pain scale" is a score
    rf"(?![.,:/]\d|\s*(?:%|/|on\b|ra\b|{_AMOUNT}))")
# the younger age and "not"/"or" just before the number: asked first, at C speed
_YOUNGER_JUST_BEFORE = re.compile(r"(?i)(?<!\d)[1-8]\d[\s,]++(?:not|or)\s++$")
_CORRECTED = re.compile(rf"(?i)[\s,.…]*(?:not|or|maybe|actually|nope)\s+{_N}\b")
_FOREIGN_HINTS = ("neunzig", "novant", "noventa", "девяносто", "doksan", "quatre-vingt",
                  "cien", "cent ", "hundert")
_AGE_NUMBER = re.compile(r"(?<![\d.:/#-])(?<!\d,)(?:9\d|1[01]\d)(?!\d)")
# The same matches, led by the first digit so that `re` skips to each "9" or "1" at C speed
# (the look-behinds checked after it, one character longer): one scan, no Python loop
_AGE_NUMBER_LED = re.compile(
    r"(?:9(?<![\d.:/#-]9)(?<!\d,9)\d|1(?<![\d.:/#-]1)(?<!\d,1)[01]\d)(?!\d)")
_VERBS = (" is ", " was ", "turn", "tunred", " be ", "'s ", "’s ", "makes ")
_CONTRACTED_HINTS = ("'s ", "’s ", "hes ", "shes ")
_AGED_HINTS = ("בת", "בן", "edad", "age", "âge", "alter", "возраст", "yaş", "yas")
_NUMBER = re.compile(r"(?<![\d.,:/#-])\d{2,3}(?![\d.,:/]\d)")
_BEFORE = 60  # how far back a person, a verb or "aged" may stand
_AFTER = 40  # how far past the number its lookaheads ("90 minutes") may read
# the word tests below look for " is ", "not ": any blank reads as a space for them, as
# `\s` does for the regexes they gate
_BLANKS = str.maketrans("\t\n\r\f\v\u00a0", "      ")


def _ends_at(rx: re.Pattern[str], text: str, s: int) -> re.Match[str] | None:
    """The first match of `rx` starting in the few words before s whose number starts at s.
    Searched in a window round s only: to the note's end, a note of many numbers over 89
    costs the square of its length."""
    pos = max(0, s - _BEFORE)
    end = min(len(text), s + _AFTER)
    while (m := rx.search(text, pos, end)) is not None and m.start() <= s:
        if m.start("n") == s:
            return m
        pos = m.start() + 1
    return None


# sex and age written with a slash, either way round: "F/94", "94 / M", "age/sex: 94/F";
# led by the slash (a literal: C speed), what stands before it is looked at after
_SLASH_AGE = re.compile(r"/[ \t]?(9\d|1[01]\d)(?![\d/.:])")
_SLASH_SEX = re.compile(r"/[ \t]?[MFmf](?![\w/])")
_SEX_BEFORE = re.compile(r"(?<![\w/])[MFmf][ \t]?$")
_AGE_BEFORE = re.compile(r"(?<![\w/.:-])(9\d|1[01]\d)[ \t]?$")


def _sex_and_age(text: str, out: list[Span]) -> None:
    for rx, before, age_after in ((_SLASH_AGE, _SEX_BEFORE, True),
                                  (_SLASH_SEX, _AGE_BEFORE, False)):
        for m in rx.finditer(text):
            b = before.search(text, max(0, m.start() - 4), m.start())
            if b is None or _MEASURE.search(text, max(0, b.start() - 16), b.start()):
                continue
            a = m if age_after else b
            out.append((a.start(1), a.end(1), "AGE", "age_sex_slash", 1))


# A JSON field's age over 89 ('"age": "93"', '"pt_age":94'): newer (the engine keeps the
# verdict the older rules give without it)
_JSON_AGE = re.compile(r"(?i)\"(?:pt_|patient_)?age\"[ \t]*:[ \t]*\"?(9\d|1[01]\d)"
                       r"(?![\d.]|[ \t]*%)")


def scan_json(text: str, out: list[Span]) -> bool:
    """Append a JSON field's age over 89; True when one was found."""
    if '"' not in text:
        return False
    # (an age the older rules read already is no newer find)
    return extend_unheld(out, ((m.start(1), m.end(1), "AGE", "age_json", 1)
                               for m in _JSON_AGE.finditer(text)))


def scan(text: str, out: list[Span]) -> None:
    """Append the ages the unit-only rules in digits.py do not see."""
    if "/" in text:
        _sex_and_age(text, out)
    # Only numbers 90-119 can be such an age: found by a C-speed scan, then each is
    # looked at where it stands (sliding every rule over every note costs too much).
    nums = [m.start() for m in _AGE_NUMBER_LED.finditer(text)]
    low = text.lower()
    foreign = any(map(low.__contains__, _FOREIGN_HINTS))
    if not nums and not foreign:
        return
    found: list[Span] = []
    if foreign:
        found.extend((m.start(), m.end(), "AGE", "age_words", 1)
                     for m in _FOREIGN_NUMBER.finditer(text))
    for s in nums:
        m = _WITH_UNIT.match(text, s)
        if m is not None:
            found.append((s, m.end(), "AGE", "age_unit", 1))
            continue
        m = _GLUED_SEX.match(text, s)
        if m is not None and _MEASURE.search(text, max(0, s - 16), s) is None \
                and _TEMPERATURE.search(text, max(0, s - 24), s) is None:
            found.append((s, m.end(), "AGE", "age_sex_glued", 1))
            continue
        m = _WHEN.match(text, s)
        if m is not None and _MEASURE.search(text, max(0, s - 16), s) is None:
            found.append((s, m.end("n"), "AGE", "age_when", 1))
            continue
        # a word test first: the regexes slide
        before = low[max(0, s - _BEFORE):s + 1].translate(_BLANKS)
        m = _ends_at(_AGED, text, s) if any(map(before.__contains__, _AGED_HINTS)) else None
        if m is None and ("not " in before or "or " in before) \
                and _YOUNGER_JUST_BEFORE.search(text, max(0, s - 24), s) is not None \
                and any(map(before.__contains__, _VERBS)):
            m = _ends_at(_FROM_YOUNGER, text, s)
        if m is None and "makes " in before:
            m = _ends_at(_MAKES, text, s)
        if m is None and any(map(before.__contains__, _CONTRACTED_HINTS)):
            m = _ends_at(_IS_CONTRACTED, text, s)
            if m is not None:  # "90+" is the age with its plus
                found.append((s, m.end(), "AGE", "age_copula", 1))
                continue
        if m is not None:
            found.append((s, m.end("n"), "AGE", "age_unit", 1))
            continue
        if any(map(before.__contains__, _VERBS)) and ", " in before:
            a = _ASIDE.search(text, max(0, s - 110), s + 40)
            if a is not None and a.start("n") == s:
                found.append((s, a.end("n"), "AGE", "age_copula", 1))
                continue
        m = _ends_at(_COPULA, text, s) if any(map(before.__contains__, _VERBS)) else None
        # "pt in bay 2 is 96" is an age, "pt's sat is 96" is not: the word just before
        # the verb says what is being measured
        if m is not None and _MEASURE.search(" ".join(m.group("mid").split()[-1:])) is None:
            found.append((s, m.end("n"), "AGE", "age_copula", 1))
    out.extend(found)
    ages = [sp for sp in out if sp[2] == "AGE"]
    if ages:
        _again(text, ages, out)


def _again(text: str, ages: list[Span], out: list[Span]) -> None:
    """The same age said again ("one hundred and two, yes 102"), or a correction right
    after one ("aged 95, not 93"): a number that is over 89 either way."""
    said = set()
    for s, e, *_ in ages:
        lead = re.match(r"\d+", text[s:e])
        if lead is not None:
            said.add(lead.group())
        c = _CORRECTED.match(text, e)
        if c is not None:
            out.append((c.start("n"), c.end("n"), "AGE", "age_again", 1))
    if not said:
        return
    taken = Covered((s, e) for s, e, *_ in ages)
    for m in _NUMBER.finditer(text):
        if m.group() in said and m.start() not in taken \
                and _MEASURE.search(text, max(0, m.start() - 16), m.start()) is None:
            out.append((m.start(), m.end(), "AGE", "age_again", 1))
