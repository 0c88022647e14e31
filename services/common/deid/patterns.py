"""Structured identifiers found by shape (Safe Harbor items D-R) and the spans kept on purpose.

A labelled value ("MRN 0012345", "serial no. PJN123456H") is taken on its label
whatever its shape; unlabelled values need a distinctive shape (e-mail, URL, IP,
SSN, phone, VIN, street address, long digit runs, letter+digit codes).
Shapes made of one digit-bearing word (dates, SSN, IP, ZIP, long ids, VIN) are in
digits.py; here are those that need a label, an "@", a street word or spaces.

Speed: Python's `re` scans fast only for patterns that start with a literal or a
character class, so every pattern here starts with a digit (boundaries are checked
in code), labels are looked up from the word tokens, and rare shapes (e-mail, URL)
are behind a one-character guard.
"""

from __future__ import annotations

import re
from itertools import compress

from . import address_fields, addresses, aliases, cued_mail, public_figures, roles, traits
from .addresses import STREET_WORDS as STREET_WORDS  # the engine loads it as a lexicon
from .lexicon import LABEL, STREET

Span = tuple[int, int, str, str, int]
Token = tuple[int, int, str]

# Label -> category; first match wins, so "license plate" precedes "license".
_LABEL_KINDS: tuple[tuple[str, str], ...] = (
    ("VEHICLE", r"licen[cs]e\s+plates?|plates?|tags?|vin|car|vehicle|truck|motorcycle|"
                r"reg(?:istration)?\s+(?:plates?|no|number)|reg|rego"),
    ("SSN", r"ssn|ss\s*#|ss\s*no|social\s+security"),
    ("BIOMETRIC", r"finger\s*prints?|thumb\s*prints?|voice\s*prints?|palm[\s-]*(?:vein|print)|"
                  r"iris|retina(?:l)?|face\s*(?:match|id|print)|facial\s+(?:recognition|match)|"
                  r"biometrics?(?:\s+id)?|gait|hand\s+geometry|dna"),
    ("MRN", r"mrn|mr\s*#|mr\s*no|med(?:ical)?\.?\s*rec(?:ord)?s?|chart|hospital|wristband"),
    ("ACCOUNT", r"acct|account|billing(?:\s+acc(?:oun)?t)?|fin|csn|har|encounter|visit"),
    ("HEALTHPLAN", r"member(?:\s*id)?|subscriber(?:\s*id)?|policy|insurance(?:\s*id)?|ins|"
                   r"medicaid|medicare|mbi|hicn|beneficiary|bcbs(?:\s*id)?|plan\s*id|"
                   r"health\s*plan(?:\s*id)?|aetna|cigna|humana|uhc|united\s*health\s*care|"
                   r"unitedhealthcare|kaiser|anthem|tricare|molina|blue\s*(?:cross|shield)|"
                   r"wellcare|ambetter|medi-?cal|hmo|ppo|payer|carrier|coverage"),
    ("LICENSE", r"dl|cdl|driver'?s?\s*(?:licen[cs]e|lic\b\.?)|licen[cs]e|lic|dea|npi|"
                r"cert(?:ificate)?|passport|permit"),
    ("DEVICE", r"serial|s/n|sn|udi|device\s*id|imei|lot|model"),
    ("FAX", r"fax(?:ed)?(?:\s+to)?"),
    ("ID", r"pt\s*id|patient\s*id|id|identifier|case\s*#|ref|inmate|prisoner|employee|emp|"
           r"badge|trial|study|subject|participant|registry|unos|donor|claim|workers'?\s*comp"),
)
LABEL_HEADS = frozenset(
    "license licence plate tag vin car vehicle truck motorcycle ssn ss social mrn mr med "
    "medical chart hospital wristband acct account billing fin csn har encounter visit member "
    "subscriber policy insurance ins medicaid medicare mbi hicn beneficiary bcbs group plan "
    "health aetna cigna humana uhc united unitedhealthcare kaiser anthem tricare molina blue "
    "wellcare ambetter medi medical dl cdl driver driver's lic dea npi cert certificate passport "
    "permit serial s sn udi device imei lot model fax faxed pt patient id identifier case ref "
    "fingerprint fingerprints finger thumbprint thumb voiceprint voice palm iris retina retinal "
    "face facial biometric biometrics gait hand dna inmate prisoner employee emp badge trial "
    "study registry unos donor claim workers subject participant hmo ppo payer carrier "
    "coverage plates tags reg registration rego".split())
_LABEL_RX = [(cat, re.compile(rf"(?:{rx})(?![a-z])", re.I)) for cat, rx in _LABEL_KINDS]
# Possessive blanks: a long run of them is never split several ways (quadratic).
# Between a label and its value: "no.", "#", "is", "ending", "last four", "scan", "template"...
_FILLER = (r"(?:\s*+(?:\#|no\b\.?|nr\b\.?|num\b\.?|number\b|id\b|is\b|was\b|reads\b|"
           r"on\s+file\b|scan\b|template\b|hash\b|code\b|enrol(?:l)?ment\b|record\b|"
           r"ending(?:\s+in)?\b|ends?\s+in\b|last\s*(?:4|four|digits)(?:\s+digits)?\b)"
           r"\s*+[:#=,]?)*")
LABELLED = re.compile(
    r"(?P<label>" + "|".join(rx for _, rx in _LABEL_KINDS) + r")(?![a-z])\.?"
    + _FILLER + r"\s*+[:#=,]?\s*+"
    r"[\"'(\[“‘]?(?P<value>(?:[A-Z]{1,4}[- ]|[A-Z]{1,8}-?)?\d[A-Z0-9]*(?:[-/. ][A-Z0-9]+){0,4})",
    re.I,
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"']+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|io|us|info|"
    r"health|care|me|ly)\b(?:/[^\s<>\"']*)?", re.I)
# Every URL has "://", "www." or one of these endings; one regex starting with a literal.
_URL_HINT = re.compile(r"[./w](?:/|ww\.|com|org|net|edu|gov|io|us|info|health|care|me|ly)\b")
_PHONE_SHAPE = re.compile(
    r"(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4}(?:\s*(?:x|ext\.?)\s*\d{1,5})?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_UK_PLATE = re.compile(r"[A-Z]{2}\d{2} ?[A-Z]{3}(?![A-Za-z0-9])", re.I)
_TITLE_AFTER = re.compile(r"\.?\s+[A-Z][a-z]")

# A lot, catalogue or model number names a batch of things, not a person: a note whose
# only findings are these ("lot 74591 of Surgicel opened for room 4") is left as it is;
# next to a patient's identifiers, or for an implant (its lot goes in the patient's
# implant record: "femur is lot L2318833"), it goes.
BATCH = "batch_"
_BATCH_LABEL = re.compile(r"(?i)(?:lot|ref|model)$")
IMPLANT = re.compile(r"(?i)implant|explant|prosthe")


def label_category(label: str) -> str:
    for cat, rx in _LABEL_RX:
        if rx.match(label.strip()):
            return cat
    return "ID"


_UNITS = frozenset(
    "mg mcg ml cc l g kg mm cm units u min mins minutes hr hrs hours h am pm x days weeks "
    "jan feb mar apr may jun jul aug sep sept oct nov dec".split())


def _trim_value(value: str) -> str:
    """Cut a value at a space unless a short code goes on in digits ("A 1234567")."""
    parts = value.split(" ")
    keep = parts[:2] if len(parts) > 1 and parts[0].isalpha() else parts[:1]  # "NM 4KB-882"
    rest = parts[len(keep):]
    for k, p in enumerate(rest):  # "S530 1234 5678", "ZGP 441 227 8" go on; "... 12 mg" stops
        after = rest[k + 1].lower() if k + 1 < len(rest) else ""
        if not p.isdigit() or (len(p) < 3 and after in _UNITS):
            break
        keep.append(p)
    return " ".join(keep).rstrip(".-/")


def _word_before(text: str, s: int) -> bool:
    return s > 0 and (text[s - 1].isalnum() or text[s - 1] in "._")


def scan(text: str, toks: list[Token], flags: list[int], union: int, out: list[Span]) -> None:
    """`union` is the OR of all flags: word-driven shapes are skipped when no word calls them."""
    # the label words, picked at C speed (compress over `LABEL & flag` for each word)
    for i in compress(range(len(flags)), map(LABEL.__and__, flags)) if union & LABEL else ():
        m = LABELLED.match(text, toks[i][0])
        if m is None:
            _gap_value(text, toks[i][0], out)
            continue
        value = _trim_value(m.group("value"))
        digits = sum(map(str.isdigit, value))
        cat = label_category(m.group("label"))
        uk = _UK_PLATE.match(m.group("value")) if cat == "VEHICLE" else None
        if uk is not None:  # "reg AB12 CDE": two digits only, so the shape decides
            value, digits = uk.group(), 3
        if digits < 3 or _YEAR.fullmatch(value):
            continue
        if cat == "FAX" and digits < 7:
            continue
        vs = m.start("value")
        batch = _BATCH_LABEL.match(m.group("label")) is not None
        out.append((vs, vs + len(value), cat, (BATCH if batch else "labelled_") + cat.lower(), 2))
    if "@" in text:
        out.extend((m.start(), m.end(), "EMAIL", "email", 2) for m in EMAIL.finditer(text))
    low = text.lower()
    if "xx" in low or "**" in text or (("ssn" in low or "social sec" in low or "ss #" in low
                                        or "ss#" in low) and _SSN_CUE.search(text)):
        _ssn_shapes(text, out)
    if _URL_HINT.search(low):
        for m in URL.finditer(text):
            end = m.end()
            while end > m.start() and text[end - 1] in ".,;:)]!?":
                end -= 1
            out.append((m.start(), end, "URL", "url", 1))
    _phones(text, low, out)
    if union & STREET:
        # "Dr. Patel" carries most street words: a note with nothing else skips the scans
        words = {toks[i][2].lower() for i in compress(range(len(flags)), map(STREET.__and__,
                                                                            flags))
                 if not (toks[i][2] in ("Dr", "DR", "St", "ST")
                                        and _TITLE_AFTER.match(text, toks[i][1]))}
        if words:
            addresses.scan(text, words, out)
    _spoken(text, low, out)
    roles.scan(text, low, out)
    public_figures.scan(text, out)  # "pt is a retired hockey goalie"
    aliases.scan(text, low, out)  # "TRAUMA ALIAS KILO TANGO"
    address_fields.scan(text, low, out)  # "address: Lindenweg 7b, Grünau 40231"
    traits.scan(text, low, out)
    traits.shapes(text, low, out)


# Labels rare enough outside an identifier that their value may come a few words later
# ("fingerprint on file under FP 2231", "inmate number for the guard is 759325").
_STRONG = re.compile(
    r"(?:finger\s*prints?|thumb\s*prints?|voice\s*prints?|palm[\s-]*(?:vein|print)|iris\s+scan|"
    r"retina(?:l)?|face\s*match|biometrics?|gait|inmate|prisoner|unos|registry|passport|medicaid|"
    r"medicare|beneficiary|subscriber|vin|imei|udi|serial|ssn|mrn|npi|dea|cdl)(?![a-z])", re.I)
_GAP = re.compile(r"[^.;\n]{1,40}?(?<![\w-])(?P<value>(?:[A-Z]{1,8}[- ]?)?\d[A-Z0-9]*"
                  r"(?:[-/.][A-Z0-9]+){0,4})(?![\w-])", re.I)
_CLOCK = re.compile(r"\d{1,2}[:.]\d\d|\d{3,4}(?:h|hrs)|\d{1,2}(?:am|pm)", re.I)


def _gap_value(text: str, s: int, out: list[Span]) -> None:
    lab = _STRONG.match(text, s)
    if lab is None:
        return
    m = _GAP.match(text, lab.end())
    if m is None:
        return
    value = m.group("value").rstrip(".-/")
    digits = sum(map(str.isdigit, value))
    if digits < 4 and not (digits >= 3 and digits < len(value.replace("-", ""))):
        return
    if _CLOCK.fullmatch(value) or _YEAR.fullmatch(value):
        return
    cat = label_category(lab.group())
    vs = m.start("value")
    out.append((vs, vs + len(value), cat, "labelled_far_" + cat.lower(), 2))


# An SSN masked but for its last four ("xxx-xx-5535", "***-**-1234"), and one typed with
# spaces ("215 89 8230") after a word that names it.
_SSN_MASKED = re.compile(r"(?<![\w*])(?:xxx|XXX|\*\*\*)[- ]?(?:xx|XX|\*\*)[- ]?\d{4}(?!\d)")
_SSN_SPACED = re.compile(r"(?<![\d-])\d{3} \d{2} \d{4}(?![\d-])")
_SSN_CUE = re.compile(r"(?i)\bssn\b|social\s+security|\bss\s*#")


def _ssn_shapes(text: str, out: list[Span]) -> None:
    out.extend((m.start(), m.end(), "SSN", "ssn_masked", 2) for m in _SSN_MASKED.finditer(text))
    for m in _SSN_SPACED.finditer(text):
        if _SSN_CUE.search(text, max(0, m.start() - 40), m.start()):
            out.append((m.start(), m.end(), "SSN", "ssn_spaced", 2))


def _spoken(text: str, low: str, out: list[Span]) -> None:
    """Photo file names, IPv6 and e-mails written to dodge a filter ("x (at) gmail")."""
    if "." in text:
        for m in _IMAGE.finditer(text):
            s = m.start()
            # a folder and a copy's number go with it ("/photos/pt/4471.jpg", "IMG_4471(1).jpg")
            while s > 0 and (text[s - 1].isalnum() or text[s - 1] in "_-./()"):
                s -= 1
            # names cameras and apps give, with spaces: "WhatsApp Image 2026-03-07 at
            # 10.58.jpg", "Screenshot 2024-01-02 at 09.11.04.png", "Photo 050.jpg"
            p = _IMAGE_PREFIX.search(text, max(0, s - 48), s)
            if p is not None and p.start() < s:
                s = p.start()
            if s < m.start():
                out.append((s, m.end(), "PHOTO", "image_file", 2))
    if any(map(low.__contains__, _CAMERA_HINTS)):
        out.extend((m.start(), m.end(), "PHOTO", "camera_file_name", 2)
                   for m in _CAMERA_NAME.finditer(text))
    if " dot " in low and ("jp" in low or "png" in low):
        out.extend((m.start(), m.end(), "PHOTO", "image_file_spoken", 2)
                   for m in _IMAGE_SPOKEN.finditer(text))
    if "::" in text or text.count(":") >= 5:
        for m in _IPV6.finditer(text):
            if "::" in m.group() or m.group().count(":") == 7:
                out.append((m.start(), m.end(), "IP", "ipv6", 2))
    if "(at)" in low or "[at]" in low or (
            " at " in low and any(map(low.__contains__, _MAIL_HINTS))):
        pos = 0
        while (mail := _EMAIL_SPOKEN.search(text, pos)) is not None:
            m = mail
            plain_at = m.group("at").strip().lower() == "at"
            dom = m.group("domain").lower()
            if _TLD_END.search(dom) or _PROVIDER.match(dom) or not plain_at:
                out.append((m.start(), m.end(), "EMAIL", "email_spoken", 2))
                pos = m.end()
            else:  # "the son at kwame.b at web dot de": the address may start at "kwame"
                pos = m.end("at")
    cued_mail.scan(text, low, out)  # "email is k marsh at example dot test"


_IMAGE_PREFIX = re.compile(
    r"(?i)\b(?:whatsapp\s+image|screen\s?shot|photo|image|img|pxl|dsc|pic)[ _-]+"
    r"(?:[\w:-]+(?:\.[\w:-]+)*[ _-]+){0,3}$")
# a clip of the patient is a picture too ("VID_20260301_101010.mp4")
_IMAGE = re.compile(r"\.(?:jpe?g|png|heic|heif|gif|bmp|tiff?|webp|mp4|mov|m4v|3gp)\b", re.I)
# a camera's or phone's own name for a picture, extension or not: "IMG_8830", "DSCN7721",
# "PXL_20251102_073355", "VID-20250817-WA0003" (letters, "_" or "-", then digits)
_CAMERA_NAME = re.compile(
    r"(?<![\w-])(?:IMG|PXL|DSCN?|DCIM|MVIMG|VID|PANO|BURST|PICT?|Screenshot)"
    r"(?:[_-]\d{3,}|(?<=N)\d{4,})(?:[_-][A-Za-z0-9]+)*(?![\w-])", re.I)
_CAMERA_HINTS = ("img", "pxl", "dsc", "dcim", "vid", "pano", "burst", "pic", "screenshot")
_IMAGE_SPOKEN = re.compile(
    r"\b(?:[A-Za-z0-9]+\s+(?:underscore|dash)\s+)*[A-Za-z0-9]+\s+dot\s+(?:jpe?g|png|heic)\b",
    re.I)
_IPV6 = re.compile(r"(?<![\w:])[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])")
_MAIL_HINTS = (" dot ", "[.]", "(.)", "gmail", "yahoo", "hotmail", "outlook", "aol", "icloud",
               "proton")
_DOT = r"(?:\s*(?:\(dot\)|\[dot\]|\[\.\]|\(\.\))\s*|\s+dot\s+|\.| \. )"
_EMAIL_SPOKEN = re.compile(
    rf"[\w+-]+(?:{_DOT}[\w+-]+)*(?P<at>\s*(?:\(at\)|\[at\])\s*|\s+at\s+)"
    rf"(?P<domain>[\w-]+(?:{_DOT}[a-z]{{2,}}\b)*)", re.I)
# generic endings and the country codes most mail is sent from
_TLD_END = re.compile(r"(?:dot|\.|\])\s*(?:com|org|net|edu|gov|io|us|co|uk|ca|info|me|"
                      r"fr|de|ru|it|es|nl|se|no|dk|fi|pl|cz|hr|at|be|ie|nz|au|jp|in|ch|br|mx|"
                      r"pt|gr|tr|il|za|ng|ke|cn|kr|ar|cl|ua|ro|hu)$")
_PROVIDER = re.compile(r"(?:gmail|googlemail|yahoo|hotmail|outlook|aol|icloud|protonmail|proton|"
                       r"live|msn|comcast|verizon|hey)\b")


def _phones(text: str, low: str, out: list[Span]) -> None:
    for cand in _PHONE_CAND.finditer(text):
        pos, end = cand.span()
        t = _THREE_FOUR_FOUR.search(text, pos, end)  # 090-3381-4427
        if t is not None and not _word_before(text, t.start()):
            out.append((t.start(), t.end(), "PHONE", "phone_3_4_4", 1))
        while pos < end:
            p = _PHONE_SHAPE.match(text, pos)
            s = pos
            ok = p is not None and not (s > 0 and (text[s - 1].isalnum() or text[s - 1] in "/.-_"))
            if p is not None and ok:
                e = p.end()
                nxt = text[e:e + 1]
                glued = nxt.isalnum() or nxt == "/" or (nxt == "." and text[e + 1:e + 2].isdigit())
                if not glued:
                    cat = "FAX" if "fax" in text[max(0, s - 12):s].lower() else "PHONE"
                    out.append((s, e, cat, cat.lower(), 1))
                    pos = e
                    continue
            if text[pos] in "(+":  # "(950-326-7296)": try again at the digit
                pos += 1
                continue
            # past this group of digits and on to the next digit, "(" or "+", at C speed
            # (the candidate holds only \d, blanks and "().+-": \d is str.isdigit there)
            step = _NEXT_TRY.match(text, pos, end)  # always matches, maybe empty
            pos = step.end() if step is not None else end
    if "+" in text:
        for m in _INTERNATIONAL.finditer(text):
            if 8 <= sum(map(str.isdigit, m.group())) <= 15 and not _word_before(text, m.start()):
                out.append((m.start(), m.end(), "PHONE", "phone_international", 1))
    if not any(map(low.__contains__, _CUE_WORDS)):
        return  # every loose shape below needs a word that announces a number
    for m in _LOOSE_PHONE.finditer(text):
        s = m.start()
        if _word_before(text, s) or text[m.end():m.end() + 1].isalnum():
            continue
        if not _PHONE_CUE.search(text, max(0, s - 40), s):
            continue
        cat = "FAX" if "fax" in text[max(0, s - 12):s].lower() else "PHONE"
        out.append((s, m.end(), cat, "phone_loose", 1))
    # Numbers grouped as other countries write them ("cell 07700 900123", "tel. 0171 555
    # 1234"): 7 to 13 digits in groups, right after a word that announces a number.
    known = {sp[0] for sp in out if sp[2] in ("PHONE", "FAX")}  # "fax 181-555-6005 24 feb"
    for m in _GROUPED_PHONE.finditer(text):
        s = m.start()
        if s in known or _word_before(text, s) or text[m.end():m.end() + 1].isalnum() \
                or not 7 <= sum(map(str.isdigit, m.group())) <= 13:
            continue
        if _PHONE_CUE_NEAR.search(text, max(0, s - 16), s):
            cat = "FAX" if "fax" in text[max(0, s - 12):s].lower() else "PHONE"
            out.append((s, m.end(), cat, "phone_grouped", 1))
    # Read out in pieces ("four four, two zero, seven nine four six..." reads as "44, 20,
    # 7946, 0708" in the view): 9 to 13 digits in comma-separated groups, a phone or fax
    # word in the 60 characters before.
    if ", " in text:
        for m in _COMMA_PHONE.finditer(text):
            s = m.start()
            digits = sum(map(str.isdigit, m.group())) + len(_DIGIT_WORD_RX.findall(m.group()))
            if not 9 <= digits <= 13 or _word_before(text, s):
                continue
            # the phone word in the same clause: "call me; BP 120, 80, 72, 88" is no number
            before = re.split(r"[.;:!?\n]", text[max(0, s - 60):s].lower())[-1]
            if _PHONE_WORD.search(before):
                cat = "FAX" if "fax" in before else "PHONE"
                out.append((s, m.end(), cat, "phone_read_out", 1))


_PHONE_CAND = re.compile(r"[(+\d][\d\s().+-]{8,20}\d")
_NEXT_TRY = re.compile(r"\d*[^\d(+]*")
_INTERNATIONAL = re.compile(r"\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}(?!\d)")
# 3-3-4 with odd separators ("670, 639, 5600" read out, "512 - 330 - 8841"), 3-4-4, and a
# local 3-4 ("cell 555 1234"): only after a word that announces a number when ambiguous.
# ("312/555/0142": slashes too, after a phone word)
_LOOSE_PHONE = re.compile(  # "\d\d{2}" for "\d{3}": led by a class, it skips ahead faster
    r"\d\d{2}(?:(\s*[,.-]?\s+|\s+-\s+|[-./])\d{3,4}\s*[,.-]?\s*)?(?:,\s*|[\s./-])?\d{4}(?!\d)")
# a group of one digit stays a word in the view ("six one, two, five five five zero")
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b"
_COMMA_PHONE = re.compile(rf"\d\d{{0,3}}(?:,+ ?(?:\d{{1,4}}|{_DIGIT_WORD})){{2,5}}(?![\d,])")
_DIGIT_WORD_RX = re.compile(_DIGIT_WORD)
_PHONE_WORD = re.compile(r"\b(?:phone|cell|fax|call|number|mobile|tel|telephone|reach)\b")
_GROUPED_PHONE = re.compile(r"\(?\d{2,6}\)?(?:[ .-]\(?\d{2,6}\)?){1,4}(?![\d-])")
_PHONE_CUE_NEAR = re.compile(
    r"\b(?:cell|phone|ph|tel|telephone|mobile|mob|home|work|contact|reach|call|text|dial|"
    r"number|no|fax|landline)\b\.?\s*(?:[:#=]|is|on|at)?\s*$", re.I)
_THREE_FOUR_FOUR = re.compile(r"\d{3}-\d{4}-\d{4}(?![\d-])")
_CUE_WORDS = ("call", "cell", "phone", "ph ", "ph:", "tel", "cb ", "mobile", "home", "work",
              "contact", "reach", "number", "text", "dial", "fax")
_PHONE_CUE = re.compile(
    r"\b(?:call|cell|phone|ph|tel|telephone|cb|mobile|home|work|contact|reach|reachable|"
    r"number|text|dial|#|fax)\b\W*(?:\w+\W+){0,4}$", re.I)
