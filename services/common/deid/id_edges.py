"""The ends of a code the scanners found only the middle of.

A serial, plate or record number is often found short: its maker's prefix typed against
it ("MDT-AZR-448190", "T:SLIM-1188402", "AB·44218"), the next groups of a serial typed
in groups ("SJM 7744 1920", "pjn 4481 02s": a short group with a digit), the letters
between a "#" and the digits ("service # ra 44719220"), the mask before its last digits
("•••• 5521", "ZK****4410"), a last letter after a space ("NWL 229104 G", "pzt 880142 h"),
or the first characters of a code read out one by one ("plate five X Y R two one", "is
one E G four T E five M K 73"). Each such piece joins the span: a short capital or digit
prefix joined by a hyphen, colon, slash or dot; a lone letter or digit before the end of
the clause; a run of single letters and number words before the span (it stops at any
longer word, so "plate" and "is" stay).
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

CODES = frozenset(("VEHICLE", "DEVICE", "ID", "LICENSE", "HPBN", "HEALTHPLAN", "ACCOUNT", "MRN",
                   "OTHERID", "BIOMETRIC", "SSN", "PHONE", "FAX"))
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
# a letter read in the radio alphabet: "his license is whiskey four four seven ..."
_RADIO_WORD = (r"(?:alpha|alfa|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliett?|kilo|"
               r"lima|mike|november|oscar|papa|quebec|romeo|sierra|tango|uniform|victor|"
               r"whiske?y|x-?ray|yankee|zulu)")
# a maker's or issuer's prefix typed against the code: "MDT-", "T:", "AB·" ("·" reads "-")
_PREFIX = re.compile(r"(?<![\w.\-:/])[A-Z0-9]{1,5}[-:/.·]$")
# one read-out character before the code: a capital letter, a digit or a digit's word
_READ_BEFORE = re.compile(rf"(?<![\w'’])(?:[A-Z0-9]|(?i:{_DIGIT_WORD}))[ \t]$")
# ... and a radio-alphabet letter, when the code is read out in words ("echo 4471" is a
# test and its number)
_RADIO_BEFORE = re.compile(rf"(?<![\w'’])(?i:{_RADIO_WORD}|x ray|[a-z])[ \t]$")
# ... and a letter spelled for a listener before any code: "policy K as in king 4471 ..."
_SPELLED_BEFORE = re.compile(r"(?<![\w'’])(?i:[a-z][ \t]+as[ \t]+in[ \t]+[a-z]+)[ \t]$")
# a code read out goes on over lone letters to its last digit word ("three three a zero
# zero four"): lone letters only, and only up to a digit word
_SPOKEN_ON = re.compile(
    rf"(?:[ \t]+(?:[A-Za-z]|(?i:{_DIGIT_WORD}))(?![\w'’]))*[ \t]+(?i:{_DIGIT_WORD})(?![\w'’])")
_SPOKEN_END = re.compile(rf"(?<![\w'’])(?i:{_DIGIT_WORD})$")
_SPOKEN_START = re.compile(rf"(?i:{_DIGIT_WORD})\b")
# a last letter or digit after a space, then the clause ends
# (or a quote closing a field's value: '"MCD 4410 2938 0"')
_LAST_CHAR = re.compile(r"[ \t][A-Za-z0-9](?=[ \t]*(?:$|[,;|)\n\"]|\.(?:\s|$)))")
# the next group of a serial typed in groups: "SJM 7744 1920", "pjn 4481 02s"
_NEXT_GROUP = re.compile(r"[ \t](?=[A-Za-z]{0,3}\d)[A-Za-z0-9]{2,8}(?![\w\-./:])")
# (a health plan's member number too: "member no. HUM 441 208 37B")
_GROUPED = frozenset(("DEVICE", "VEHICLE", "LICENSE", "ID", "OTHERID", "HEALTHPLAN"))
# a health-plan number's capital suffix before the sentence goes on in lower case
_PLAN_SUFFIX = re.compile(r" [A-HJ-Z](?= [a-z])")  # not "I": "policy 8820 I think"
# letters of the code between its "#" and its digits: "service # ra 44719220"
_HASH_PREFIX = re.compile(r"#[ \t]*(?P<p>[A-Za-z]{1,3})[ \t]$")
# the masked part of a code, shown only by its last digits: "●●●● ●●●● 5521", "ZK*****4410",
# "**** 7731", "JT ●●●● 6174" (runs of two or more mask characters, and up to three letters
# glued before, or two or three capitals and a space). The typed text is read, so a
# zero-width space or soft hyphen may sit anywhere in it ("J\u200bT**\u00ad***6174").
# Possessive runs: a long mask that fails fails at once.
_Z = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# (and their full-width forms: "＊＊＊＊－8812")
_M = "*•●∙xX\uff0a"
_MASK_RUN = rf"(?:[{_M}][{_Z}]*+){{2,}}+"
_MASK_BEFORE = re.compile(
    rf"(?<![\w{_M}{_Z}])(?P<letters>(?:[A-Za-z][{_Z}]*+){{0,3}}|[A-Z]{{2,3}}[ \t])"
    rf"{_MASK_RUN}(?:[ \t\-\uff0d]?+{_MASK_RUN})*+[ \t\-\uff0d]?+$")
_MASK_HEAD = frozenset(_M + _Z + " -\t\uff0d")  # what a span's head may hold besides letters
# a code masked in its middle goes on after the mask: "2HGFA1F5*KR*****4" (letters and
# digits between mask characters, up to the code's end)
_MASK_ON = re.compile(r"(?:[*\uff0a•●]++[A-Za-z0-9]*+)++")
_MASK_ON_HEAD = frozenset("*\uff0a•●")
_MASK_SPAN = 64  # how far back a mask may reach from the first digit
# a label, not an issuer's letters, before a space and the mask: "MRN **** 7731"
_LABELS = frozenset("ID MRN SSN DL PIN FIN CSN EIN TIN ACCT NO NUM MBR GRP POL".split())
_MAX_READ = 12
_JOINERS = "-:/.·"
# the group typed before a code's digits, after a blank: "K7731 19 [402266]" (a donation
# number in its three groups), "QT [8812 0034 51]" (an issuer's capitals before a code in
# groups), "RN [7730418]" (a credential before its license number)
_GROUP_BEFORE = re.compile(r"(?<![\w\-./:#])[A-Za-z0-9]{1,8}(?:-[A-Z]{1,4})?[ \t]$")
_HEAD_CATS = frozenset(("DEVICE", "VEHICLE", "LICENSE", "ID", "OTHERID", "HPBN", "HEALTHPLAN",
                        "ACCOUNT", "PHONE", "MRN"))
# a clinician's credential: the number after it (six digits or more) is their license
_CREDENTIALS = frozenset("RN MD DO NP PA LPN CRNA APRN DDS DPM CNM".split())
# capitals that label, count or join, not an issuer's letters ("OR 12 ...", "CALL AT 555 ...")
_NO_HEAD = _LABELS | frozenset(
    "OR SN MR RM BED LOT REF CAT SZ EXP QTY TEL FAX PH CELL MOB EXT PT DOB NR TO AT ON IN IS "
    "BY OF FOR AND THE OK PM AM HR BP RR ICU ER ED ZIP VIN NPI DEA LIC TAG".split())
_PHONE_SHAPE = re.compile(r"[-.()]")  # a phone number typed as one: nothing before is its
_LONG_RUN = re.compile(r"\d{6}")


def _first_digit(text: str, s: int, e: int) -> int | None:
    for i in range(s, min(e, s + _MASK_SPAN)):
        if text[i].isdigit():
            return i
    return None


def _head(text: str, s: int, e: int) -> int:
    """Where a code whose digits start at `s` (after a blank) really starts: over up to two
    short digit groups to a group of capitals and digits ("K7731 19 402266"), or over an
    issuer's two to four capitals when the code is typed in groups, or a credential before
    a long number; `s` when no such head is there."""
    start, groups = s, 0
    while (m := _GROUP_BEFORE.search(text, max(0, start - 9), start)) is not None:
        g = m.group().rstrip()
        if g.isdigit():
            if len(g) > 4 or groups == 2:
                return s
            groups, start = groups + 1, m.start()
            continue
        if g[0].isupper() and any(c.isdigit() for c in g) and len(g) >= 3:
            return m.start()  # "K7731": letters and digits, the code's first group
        if not groups and "-" in g:  # a model's capitals: "QRT-DX 5520918"
            head = g.split("-")[0]
            return m.start() if head.isupper() and head.isalpha() and len(head) >= 2 \
                and head not in _NO_HEAD and _LONG_RUN.match(text, s) else s
        if not (g.isupper() and g.isalpha()) or g in _NO_HEAD:
            return s
        if g in _CREDENTIALS:
            return m.start() if not groups and _LONG_RUN.match(text, s) else s
        # the issuer's capitals before a code in groups (the groups in the span or passed)
        return m.start() if 2 <= len(g) <= 4 and (groups or " " in text[s:e].strip()) else s
    return s


def widen(text: str, spans: list[Span]) -> bool:
    """Grow code spans over the pieces above; True when one grew."""
    grew = False
    for k, (s, e, cat, rule, prio) in enumerate(spans):
        if cat not in CODES:
            continue
        start, end = s, e
        before = text[s - 1:s] if s else ""
        q = _first_digit(text, s, e)
        if q is not None and (before in _MASK_HEAD or before.isalpha()) and all(
                c.isalpha() or c in _MASK_HEAD for c in text[s:q]) and (
                m := _MASK_BEFORE.search(text, max(0, q - _MASK_SPAN), q)) is not None \
                and m.start() < s:
            letters = m.group("letters")
            start = m.start() + (len(letters) if letters[-1:] in (" ", "\t")
                                 and letters[:-1] in _LABELS else 0)
            if start < s:
                s = start  # then the shapes below look before the mask
                before = text[s - 1:s] if s else ""
            else:
                start = s
        # each shape needs a certain character next to the span: tested first, at C speed
        m = _PREFIX.search(text, max(0, s - 6), s) if before in _JOINERS and before else None
        if m is not None:
            start = m.start()
        elif before in (" ", "\t") and (m := _HASH_PREFIX.search(text, max(0, s - 7), s)) \
                is not None and text[s:s + 1].isdigit():
            start = m.start("p")
        elif before in (" ", "\t") and before and (
                " " in text[s:e].strip() or _READ_BEFORE.search(text, max(0, s - 7), s)
                or (text[s - 2:s - 1].isalpha() and _SPELLED_BEFORE.search(
                    text, max(0, s - 30), s))):
            for _ in range(_MAX_READ):  # "five [XYR 21]": read out, one piece at a time
                m = _READ_BEFORE.search(text, max(0, start - 7), start)
                if m is None and text[start - 2:start - 1].isalpha():
                    m = _SPELLED_BEFORE.search(text, max(0, start - 30), start)
                if m is None and _SPOKEN_START.match(text, s):
                    m = _RADIO_BEFORE.search(text, max(0, start - 10), start)
                if m is None:
                    break
                start = m.start()
        if start == s and cat in _HEAD_CATS and text[s:s + 1].isdigit():
            if before == "#" and (s == 1 or not text[s - 2].isalnum()):
                # "pt #6618": the sign is the number's; "mrn#44102" keeps its label's mark
                start = s - 1
            elif before in (" ", "\t") and (not cat == "PHONE" or not _PHONE_SHAPE.search(
                    text, s, e)):
                start = _head(text, s, e)
        if text[end:end + 1] in (" ", "\t") and _SPOKEN_END.search(text, max(0, end - 6), end):
            m = _SPOKEN_ON.match(text, end)
            if m is not None:
                end = m.end()
        if text[end:end + 1] in _MASK_ON_HEAD and text[end - 1:end].isalnum():
            m = _MASK_ON.match(text, end)
            if m is not None and (m.end() == len(text) or not text[m.end()].isalnum()):
                end = m.end()
        while cat in _GROUPED and text[end - 1:end].isdigit() \
                and (m := _NEXT_GROUP.match(text, end)) is not None:
            end = m.end()
        m = _LAST_CHAR.match(text, end) if text[end:end + 1] in (" ", "\t") else None
        if m is None and cat == "HEALTHPLAN" and text[end:end + 1] == " ":
            m = _PLAN_SUFFIX.match(text, end)  # "4410 2938 A verified": a HICN's letter
        if m is not None and text[end - 1:end].isalnum():
            end = m.end()
        if (start, end) != spans[k][:2]:
            spans[k], grew = (start, end, cat, rule, prio), True
    return grew


# Codes listed together: "lead serials QRT 551902 K and QRT 551977 K" (the first found by
# its cue, the second only by having the first's shape), each code's lone last letter or
# digit kept with it. The second must repeat the first's shape exactly: the same runs of
# capitals, small letters and digits, the same separators.
_TWIN_KINDS = frozenset(("DEVICE", "ID", "OTHERID", "LICENSE", "HEALTHPLAN", "HPBN",
                         "ACCOUNT", "VEHICLE"))
_LAST_BEFORE_AND = re.compile(r"[ \t][A-Z0-9](?=[ \t]+(?:and|&|or)[ \t]|[ \t]*,[ \t])")
_TWIN_JOIN = re.compile(r"[ \t]*,[ \t]*|[ \t]+(?:and|&|or)[ \t]+")
_RUNS = re.compile(r"[A-Z]+|[a-z]+|[0-9]+|[^A-Za-z0-9]")
_CODE_TAIL = re.compile(r"(?<![A-Za-z0-9])[A-Z0-9][A-Z0-9 \t\-./]*$")


def _shape(code: str) -> str:
    parts = []
    for m in _RUNS.finditer(code):
        g = m.group()
        c = g[0]
        cls = "[A-Z]" if c.isupper() else "[a-z]" if c.islower() else "[0-9]" \
            if c.isdigit() else None
        parts.append(f"{cls}{{{len(g)}}}" if cls and c.isascii() else re.escape(g))
    return "".join(parts)


def twins(text: str, spans: list[Span]) -> bool:
    """Add the codes that repeat a found code's shape right after it; True when one was."""
    added = False
    for k in range(len(spans)):
        s, e, cat, rule, prio = spans[k]
        if cat not in _TWIN_KINDS or not text[s:e].isascii() or sum(
                map(str.isdigit, text[s:e])) < 4 or not text[e - 1:e].isalnum():
            continue
        end = e
        m = _LAST_BEFORE_AND.match(text, e)
        if m is not None:
            end = m.end()
        j = _TWIN_JOIN.match(text, end)
        if j is None:
            continue
        # the code without its label ("serial QRT 551902 K"): its last capitals, digits and
        # separators (its last 24 characters at most: the search is tried at each)
        head = _CODE_TAIL.search(text[max(s, end - 24):end])
        if head is None:
            continue
        shape = re.compile(_shape(head.group()) + r"(?![\w\-/])")
        t = shape.match(text, j.end())
        if t is None:
            continue
        if end != e:
            spans[k] = (s, end, cat, rule, prio)
        # (under the first's rule: a lot's twin is a lot, a guess's twin a guess)
        spans.append((t.start(), t.end(), cat, rule, prio))
        added = True
    return added
