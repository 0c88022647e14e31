"""A mention of the patient's face picture or of a biometric capture of the patient
("photo of the pt's face", "selfie with the pt", "NO FACE PHOTOS", "her left
thumbprint", "palm-vein scan", "voiceprint", "retinal scan image", "huella dactilar").

Why redact a mention, which names no one by itself: Safe Harbor lists full-face
photographs and biometric identifiers, and a note that mentions one is usually near
it (an attachment, a chat, a kiosk record); the words cost a student nothing, since
"[PHOTO] was deleted" teaches the same. So they go, confidently (no review).

Left alone: a staff member's print ("pyxis fingerprint", "the nurse's"), a phone's
fingerprint lock, "face sheet", "face down", "facial nerve", iris scissors, the retina
of an eye case, wound photos.
"""

from __future__ import annotations

import re

from . import leet_words

Span = tuple[int, int, str, str, int]

_PIC = (r"(?:photo(?:graph)?s?|pic(?:ture)?s?|images?|selfies?|head\s?shots?|snaps?|fotos?|"
        r"close[\s-]?ups?|portraits?|videos?|polaroids?)")
# a picture of the patient whatever it shows ("a photo of the pt in the hall", "pics of
# him before surgery"); "images" and "scans" are of organs, so not these
_SNAP = r"(?:photo(?:graph)?s?|pic(?:ture)?s?|selfies?|snaps?|videos?|polaroids?)"
# "her" ends the phrase when no noun of hers follows ("a photo of her in PACU")
_HIM_OR_HER = (r"(?:(?:the\s+)?(?:pt|patient)(?![\w'’])|him\b|her(?=\s*(?:[^\w\s]|$)|\s+"
               r"(?:in|on|at|with|w|before|after|and|during|while|from|to|for|lying|asleep|"
               r"awake)\b))")
_WHOSE = (r"(?:the\s+)?(?:pt'?s?|patient'?s?|his|her|their|mom'?s|moms|mum'?s|dad'?s|dads|"
          r"mother'?s|father'?s|[A-Z][a-z]+'s)")
# what a face picture shows besides the face: "with hand", "w the tube in", "in gown"
_WITH = r"(?:\s+(?:with|w/?)\s+(?:the\s+|a\s+|his\s+|her\s+)?[a-z]+(?:\s+in)?)?"
_PHOTO = re.compile(
    r"(?i)\b(?:"
    # "photo of the pt's face", "pics of moms face", "a close up of his face w the tube in"
    + _PIC + r"\s+(?:showing|of)\s+" + _WHOSE + r"\s+(?:full\s+)?face" + _WITH
    # "picture of face", "snaps of the face" (a snapshot, not "CT images of the face")
    + r"|" + _SNAP + r"\s+of\s+(?:the\s+)?(?:full\s+)?face(?![\w-])"
    # "face photo", "full-face images", "facial photograph", "patient face photo",
    # "full-face photo of pt", "frontal face photo", "full-face preoperative portrait",
    # its timing with it: "pre-op facial photograph", "postop face photos"
    + r"|(?:(?:pre|post)[\s-]?op(?:erative)?\s+)?(?:(?:pt|patient)\s+)?"
    + r"(?:(?:pre|post)[\s-]?op(?:erative)?\s+)?(?:(?:full|frontal)[\s-]?)?"
    + r"(?:face|facial)\s+(?:pre[\s-]?op(?:erative)?\s+)?" + _PIC
    + r"(?:\s+on\s+file)?(?:\s+for\s+[a-z]+\s+planning)?"
    # where it is: "face photo on ID badge scan", "face photo on his license"
    + r"(?:\s+on\s+(?:the\s+|his\s+|her\s+|pt'?s\s+)?(?:id\s+)?(?:badge|card|licen[cs]e|"
    + r"passport)(?:\s+(?:scan|copy|image))?)?"
    + r"(?:\s+of\s+(?:the\s+)?(?:pt|patient|him|her)\b)?"
    # "ID PHOTO (FULL FACE)"
    + r"|(?:id\s+)?" + _PIC + r"\s*\((?:full[\s-]?)?face\)"
    # "pre-op facial photograph", "pt's full face"
    + r"|(?:pt'?s|patient'?s)\s+full\s+face"
    # a selfie of or with the pt or family: "selfie with her son in PACU", "PT SELFIE",
    # "selfie w/ grandpa", "phone w/ selfie lock screen"
    + r"|(?:(?:pt|patient)'?s?\s+)?selfies?(?!\s+sticks?\b)(?:\s+lock\s+screen)?"
    + r"(?:\s+(?:with|w/|of)\s*(?:the\s+|her\s+|his\s+)?[a-z]+(?:\s+in\s+[a-z]+)?)?"
    # "badge photo" of a patient who is staff; "foto de la cara del paciente", "foto de
    # frente"; "photo de son visage", "photo du visage"; "foto do rosto"
    + r"|badge\s+photo"
    + r"|" + _SNAP + r"\s+of\s+" + _HIM_OR_HER
    # a picture that shows a face by what it is for: "mugshot", "profile picture", "his
    # ID photo", "passport photo" ("photo ID", the card, is not one)
    + r"|mug\s?shots?|(?:profile|id|passport|licen[cs]e)\s+(?:photo(?:graph)?|pic(?:ture)?)s?"
    + r"|(?:fotos?|fotograf[ií]as?)\s+del?\s+(?:la\s+)?paciente"
    + r"|(?:fotos?|fotograf[ií]as?)\s+de\s+(?:la\s+)?(?:cara|frente|rostro)"
    + r"(?:\s+del?\s+(?:la\s+)?paciente)?"
    + r"|(?:cara|rostro)\s+del?\s+(?:la\s+)?paciente"
    + r"|photos?\s+(?:de\s+son|de\s+sa|du|de\s+leur)\s+visage"
    + r"|fotos?\s+do\s+rosto"
    + r")(?:\b|(?<=\)))")
# whose print it is: the patient or family ("pt fingerprint", "my dads face scan")
_OWNER = r"(?:pt'?s?|patient'?s?|his|her|mom'?s|moms|dad'?s|dads|mother'?s|father'?s)"
_BIO_KIND = (
    # digits for letters too ("f1ng3rpr1nt", "v0ic3pr1nt"): the view reads them as "l"
    r"(?:(?:f[i1l!]ng[e3]r|thumb|v[o0][i1l!]c[e3])\s?pr[i1l!]nts?"
    r"(?:\s+(?:scan|image|capture|template|enrol(?:l)?ment|id))?|palm[\s-]?vein(?:\s+(?:scan|template|"
    r"id))?|palm\s+(?:scan|print)|(?:iris|retina|retinal)\s+(?:scan|image|template|photo(?:graph)?)"
    r"(?:\s+image)?|face\s+geometry(?:\s+scan)?|(?:minutiae|fingerprint)\s+template|"
    r"heart\s+rhythm\s+signature|huellas?(?:\s+(?:dactilar|digital)(?:es)?)?|"
    # "face ID template", "3D face geometry", "facial recognition data", "face template"
    r"(?:3d\s+)?(?:face|facial)\s+(?:id|scan|geometry|recognition|print|match|image\s+"
    r"template)(?:\s+(?:templates?|data))?|face\s+templates?|"
    r"voice\s+(?:biometrics?|samples?|templates?)|"
    # "palmprint", "vein pattern", "empreinte digitale", "Fingerabdruck", "impressão digital"
    r"palm\s?prints?|(?:palm\s+|finger\s+|hand\s+)?vein\s+(?:pattern|scan|template|id)|"
    r"empreintes?\s+digitales?|fingerabdr(?:u|ü|ue)ck(?:e|s)?|"
    r"impress(?:ão|ao|ões|oes)\s+digita(?:l|is)|impront[ae]\s+digitali?|"
    r"imagen\s+del?\s+(?:iris|retina))"
    # what was made of it: "thumb print enrolment", "palm vein pattern", "huella dactilar
    # del pulgar derecho"
    r"(?:\s+(?:enrol(?:l)?ment|capture|scan|template|pattern|sample|data)|"
    r"\s+del?\s+(?:dedo\s+)?(?:pulgar|[ií]ndice)(?:\s+(?:derecho|izquierdo))?)?")
_BIOMETRIC = re.compile(
    r"(?i)\b(?:(?:the\s+|my\s+)?" + _OWNER + r"\s+)?(?:biometric\s+)?(?:(?:right|left|r|l)\s+)?"
    r"(?:(?:index|thumb|middle|ring)\s+(?:finger\s+)?)?(?:minutiae\s+)?" + _BIO_KIND + r"\b"
    # the machine, not a capture: "fingerprint scanner at door 3 broken"
    r"(?!\s+(?:scanners?|readers?|sensors?|machines?|devices?|locks?|pads?|doors?)\b)")
_PHOTO_KEYS = ("fac", "selfie", "badge", "foto", "visage", "cara", "rostro", "portrait",
               "photo", "pic", "video", "polaroid", "snap", "mug")
# "the pt's palm scan" is the patient's even beside a staff member's print
_OWN = re.compile(r"(?i)(?:the\s+)?(?:pt'?s|patient'?s)\s")
_BIO_KEYS = ("print", "pr1nt", "prlnt", "palm", "iris", "retin", "geometry", "minutiae",
             "huella", "rhythm", "face", "facial", "voice", "vein", "empreinte", "abdr",
             "digita")
# A print that is a member of staff's, or a lock: no patient's identifier
_NOT_PATIENT = re.compile(
    r"(?i)\b(?:pyxis|staff|nurse'?s|nurses|circulator|anesthesia\s+machine|lock|unlock|"
    r"reader|omnicell|badge\s+reader|workstation)\b")
# ... but the patient's own print or face that opens a lock is the patient's all the same
# ("his R thumb print", "my dads face scan to unlock his phone")
_LOCKS = frozenset(("lock", "unlock"))
_OWNED = re.compile(r"(?i)(?:the\s+|my\s+)?" + _OWNER + r"\s")
# The note's words (norms) must hold one of these for the scan to run (a set test)
_WORDS = frozenset((
    "face faces facial selfie selfies headshot headshots fingerprint fingerprints thumbprint "
    "thumbprints voiceprint voiceprints finger thumb voice print prints palm iris retina "
    "retinal minutiae huella huellas badge rhythm cara visage rostro foto fotos fotografia "
    "palmprint palmprints vein empreinte empreintes fingerabdruck fingerabdrücke impressão "
    "impressao impronta impronte "
    "portrait portraits photo photos photograph photographs pic pics picture pictures video "
    "videos polaroid polaroids snap snaps mugshot mugshots mug").split())


_LEET_KEYS = (b"photo", b"pic", b"face", b"print")


def scan(text: str, words: set[str], out: list[Span]) -> None:
    """Add PHOTO and BIOMETRIC spans for mentions of the patient's face or biometrics;
    `words`: the note's norms."""
    folded = leet_words.fold(text, text.lower(), _LEET_KEYS)  # "a ph0t0 0f th3 pt's f4c3"
    if folded is not None:
        _mentions(folded, out)
    if _WORDS.isdisjoint(words) and "pr1nt" not in text and "prlnt" not in text:
        return
    _mentions(text, out)


def _mentions(text: str, out: list[Span]) -> None:
    low = text.lower()
    # Every phrase holds one of these key words; each regex is tried only in a window
    # around them (led by a word boundary and alternations, it is slow to try everywhere).
    for a, b in _windows(low, _PHOTO_KEYS, 40, 60):
        out.extend((_with_article(text, m.start()), m.end(), "PHOTO", "photo_mention", 1)
                   for m in _PHOTO.finditer(text, a, b))
    for a, b in _windows(low, _BIO_KEYS, 48, 40):
        for m in _BIOMETRIC.finditer(text, a, b):
            if _OWN.match(m.group()) is not None or not _not_patients(text, m):
                out.append((m.start(), m.end(), "BIOMETRIC", "biometric_mention", 1))


# "a pic of his face": readers count the article as part of what was there
_ARTICLE = re.compile(r"(?i)(?<![\w'’])(?:a|an)\s+$")


def _with_article(text: str, s: int) -> int:
    a = _ARTICLE.search(text, max(0, s - 4), s)
    return a.start() if a is not None else s


def _not_patients(text: str, m: re.Match[str]) -> bool:
    owned = _OWNED.match(text, m.start()) is not None
    return any(not (owned and w.group().lower() in _LOCKS) for w in _NOT_PATIENT.finditer(
        text, max(0, m.start() - 40), min(len(text), m.end() + 30)))


def _windows(low: str, keys: tuple[str, ...], before: int, after: int) \
        -> list[tuple[int, int]]:
    """Windows of `low` around each key word (str.find: C speed), overlapping ones joined."""
    spots = []
    for key in keys:
        i = low.find(key)
        while i >= 0:
            spots.append((max(0, i - before), min(len(low), i + len(key) + after)))
            i = low.find(key, i + 1)
    spots.sort()
    out: list[tuple[int, int]] = []
    for a, b in spots:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out
