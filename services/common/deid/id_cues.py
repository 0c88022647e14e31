"""Any identifier-shaped value a few words after a word that names an identifier.

The labelled patterns (patterns.py) want the label right before the value and spelled
one of the ways they list. Writers put words between ("fingerprint on file under FP
2231", "plate on the truck 8MF 495"), misspell the label ("liense", "Acvount",
"serail"), or use a label nobody listed ("booking", "RFID", "DOC #"). Here the rule is
general: a value that looks like an identifier (digits mixed with letters or dashes, or
four digits and more; plates in two groups) within five words after a cue word of any
kind (exact, or one typo away) is an identifier of the cue's kind. The words that name
its kind and the fillers between ("driver's license no.:") go with it: they say what was
there, and readers count them as part of it.

Runs on the typed text: the normalised view reads a digit between letters as a letter
("NANA4EVR" -> "NANAaEVR"), which is right for a name and wrong for a plate; and on the
view too when it holds digits the typed text does not ("d l six zero five ...").
Kept: clock times, years, doses and measurements, suture sizes, vertebral levels,
fractions, anything right after a room or bay word or a "model"/"size"/"lot" word.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from . import anchored

Span = tuple[int, int, str, str, int]

# Cue word -> category. Generic cues ("id", "#", "no.") say "an identifier" without its
# kind; the nearest specific cue before the value names the kind.
_GENERIC = "generic"  # a marker: such a value is filed as ID
GENERIC = _GENERIC
_CUE_WORDS: dict[str, str] = {}
for _cat, _words in (
    ("VEHICLE", "plate plates tag tags vin car vehicle truck suv motorcycle motorbike "
                # a disability placard and a trailer carry registered numbers too
                "reg rego auto placard trailer "
                # es/fr/de/pt: "patente", "Kennzeichen", "immatriculation", the car itself
                "patente kennzeichen immatriculation coche carro voiture wagen fahrzeug "
                "vehículo vehiculo veículo"),
    ("LICENSE", "license licence licensed lic dl d/l cdl driver drivers driver's permit npi dea "
                "certificate cert passport "
                # es/pt/fr/de: "licencia de conducir", "carteira CNH", "permis de conduire",
                # "Führerschein"; a passport anywhere
                "licencia licença licenca conducir cnh permis führerschein fuhrerschein "
                "fuehrerschein pasaporte passaporte passeport reisepass"),
    ("HEALTHPLAN", "member mbr policy pol subscriber subscr insurance ins insurer insured medicaid "
                   "medicare mbi hicn beneficiary payer payor coverage carrier plan "
                   "bcbs hmo ppo aetna cigna humana uhc kaiser anthem tricare molina "
                   # es/fr/pt: "número de seguro", "numéro d'assurance maladie"
                   "seguro miembro afiliado assurance maladie mutuelle plano convenio "
                   "convênio póliza poliza afiliación afiliacion versichertennummer "
                   "versicherungsnummer versicherung krankenkasse krankenversicherung "
                   "vitale"),
    ("ACCOUNT", "account acct acc billing invoice har fin csn encounter claim guarantor"),
    ("DEVICE", "serial ser sn s/n udi imei device implant implants implanted pacemaker pacer "
               "ppm aicd defibrillator defib lvad stimulator neurostimulator pump generator "
               "prosthesis série serie marcapasos marcapasso stimulateur"),
    ("BIOMETRIC", "fingerprint fingerprints thumbprint thumbprints print prints voiceprint "
                  "iris retina retinal face facial palm palmprint gait biometric biometrics "
                  "template hash dna huella huellas dactilar plantilla"),
    ("MRN", "mrn mr chart wristband"),
    ("SSN", "ssn social"),
    ("ID", "badge employee emp inmate prisoner booking doc military student "
           "subject participant study trial registry donor unos rfid bracelet armband ticket "
           "parole warrant court identifier case edipi dod locker "
           # a medical-alert bracelet's number, an ID card's in other languages
           "medalert medicalert pulsera brazalete dni curp cédula cedula carnet ausweis "
           "personalausweis matricule empleado employé mitarbeiter funcionário funcionario "
           # an inmate in es/fr/de/pt
           "recluso reclusa détenu détenue detenu häftling haftling gefangener presidiário "
           "cpf "  # Brazil's taxpayer number
           # a store's, gym's or car park's card carries a member's number
           "loyalty rewards membership keycard parking"),
):
    for _w in _words.split():
        _CUE_WORDS[_w] = _cat
# Cues that name the thing an identifier belongs to, not the identifier: they stay when
# the value and its label go ("LVAD [DEVICE]", "the truck's [VEHICLE]").
_OBJECT_WORDS = frozenset(
    "car vehicle truck suv motorcycle motorbike auto coche carro voiture wagen fahrzeug "
    "vehículo vehiculo veículo device implant implants implanted "
    "pacemaker pacer ppm aicd defibrillator defib lvad stimulator neurostimulator pump "
    "generator prosthesis insurance insurer insured medicaid medicare payer payor carrier "
    "coverage bcbs hmo ppo aetna cigna humana uhc kaiser anthem tricare molina".split())
_GENERIC_WORDS = frozenset("id # no nr num number número numero numéro".split())
# Between a cue and its value, or before the cue, as part of the label.
_FILLER_WORDS = frozenset(
    "id # no nr num number is was of on file under ending in last four digits code scan "
    "template hash tag bed right left index thumb s n record profile geometry hand "
    "registrada registro número numero numéro de del d du".split())
# One typo away (a letter dropped, added, changed or two swapped) from a cue of five
# letters or more: "liense", "Acvount", "serail", "lisence".
_DELETES: dict[str, str] = {}
for _w, _cat in _CUE_WORDS.items():
    if len(_w) >= 5 and _w.isalpha():
        for _k in range(len(_w)):
            _DELETES.setdefault(_w[:_k] + _w[_k + 1:], _cat)


def _deletions(word: str) -> list[str]:
    return [word[:k] + word[k + 1:] for k in range(len(word))]


def cue_category(word: str, known: Callable[[str], bool] | None = None) -> str | None:
    """The identifier kind a word names, tolerating one typo in words of five letters+
    that `known` (a word list) does not hold ("docked" is no typo of "docket")."""
    w = word.lower()
    cat = _CATEGORY_MEMO.get(w, _UNSEEN)
    if cat is _UNSEEN:
        cat = _category(w)
        if len(_CATEGORY_MEMO) > 50_000:
            _CATEGORY_MEMO.clear()
        _CATEGORY_MEMO[w] = cat
    if cat is None or known is None or w in _CUE_WORDS or w in _GENERIC_WORDS:
        return cat  # type: ignore[return-value]
    return None if known(w) else cat  # type: ignore[return-value]


# word -> cue_category(word) without `known`: the typo search tries ~3 x len(word)
# deletions, and the same words come back note after note. In process memory only, like
# the name scanner's word memo, and bounded the same way.
_UNSEEN = object()
_CATEGORY_MEMO: dict[str, object] = {}


def _category(w: str) -> str | None:
    cat = _CUE_WORDS.get(w)
    if cat is not None:
        return cat
    if w in _GENERIC_WORDS:
        return _GENERIC
    if len(w) < 5 or not w.isalpha():
        return None
    if w in _DELETES:  # a letter dropped
        return _DELETES[w]
    for d in _deletions(w):
        if d in _CUE_WORDS and len(d) >= 5:  # a letter added
            return _CUE_WORDS[d]
        if d in _DELETES:  # a letter changed, or two swapped
            return _DELETES[d]
    return None


# "no" alone is mostly the word ("no complications"): as a cue it is "no." or "no:"
_EXACT = frozenset(_CUE_WORDS) | (_GENERIC_WORDS - {"no"})
_NO_LABEL = re.compile(r"\b[Nn][Oo][.:#]")
_NO_LABEL_AT = re.compile(r"[Oo](?=[.:#])")  # its second letter (anchored.py)
_SLASH_CUE = re.compile(r"(?i)\b(?:s/n|d/l)\b")
# what every `_SLASH_CUE` holds, led by a literal (a case-insensitive pattern is tried at
# every position; "n" and "l" have no case partners but "N" and "L")
_SLASH_HINT = re.compile(r"/[nNlL]")


def cued(text: str, norms: list[str], flags: list[int]) -> bool:
    """Whether a note holds a cue at all (a set test on its lower-case words; a word no
    word list knows is tried as a misspelt cue): most notes skip the scan."""
    if "#" in text or not _EXACT.isdisjoint(norms) \
            or anchored.search(_NO_LABEL, _NO_LABEL_AT, 1, text) \
            or (_SLASH_HINT.search(text) and _SLASH_CUE.search(text)):
        return True
    return any(cue_category(w) is not None
               for w in [w for w, f in zip(norms, flags, strict=True) if not f and len(w) >= 5])


# A value: groups of letters and digits joined by - . / : (one token), starting at a
# digit-bearing word; the scan starts at digits (C speed) and walks back over letters.
# (an en or em dash inside a code is its hyphen: "FP–44102", "6EG5—TE9—MK35")
_DIGIT_TOKEN = re.compile(r"\d[A-Za-z0-9]*(?:[-./:\u2013\u2014][A-Za-z0-9]+)*")
# A second and third group after a space ("8MF 495", "AC49 YPC", "300 738 373").
_NEXT_GROUP = re.compile(r" ([A-Za-z0-9]{2,5})(?![\w-])")
# accents too ("número"); a zero-width space or soft hyphen inside a word leaves it one
# word (typed "J\u200bV" is no model "V" before the value)
_WORD_BACK = re.compile(r"(?:[^\W\d_](?:[^\W\d_]|['/\u00ad\u200b-\u200d\u2060\ufeff])*|#)")
_NOT_VALUE = re.compile(
    r"(?i:\d{1,2}[:.]\d\d(?::\d\d)?(?:am|pm|a|p|h|hrs)?|\d+-[a-z]+(?:-old)?|\d{3,4}(?:h|hrs|am|pm)|\d{1,2}(?:am|pm)"
    r"|\d+(?:\.\d+)?(?:mg|mcg|ug|ml|cc|kg|g|ga|mm|cm|m|fr|f|l|u|iu|units?|hrs?|h|mins?|s|"
    r"secs?|mmhg|meq|mmol|x|yo|y|yrs?|wks?|d|days?|mo|cmh2o|%)"
    r"|\d{1,2}h\d{1,2}m?|[ctls]\d{1,2}(?:-[ctls]?\d{1,2})?|\d-0|\d{1,3}/\d{1,3}|\d+\.\d+|"
    r"(?:19|20)\d\d|\d{1,3}-\d{1,3}|x\d+|\d+x\d*)")
_UNIT_AFTER = re.compile(
    r"\s*(?i:mg|mcg|ml|cc|kg|g|mm|cm|units?|iu|mmhg|%|hrs?|hours?|min|mins|minutes|sec|"
    r"seconds|days?|weeks?|months?|years?|yrs?|y/?o|lbs?|pounds?|joules?|j|mv|ms|bpm|ppm|rpm|"
    r"ma|v|volts?|ohms?|hz|l/min|lpm)\b")
# The value is where a patient is, or what a device is, not who they are.
# (an insurance "group" number names an employer's plan, shared by its members: no one's)
_PLACE_OR_MODEL = frozenset(
    "room rm bay bed or suite theatre theater floor unit pod station cubicle pacu ext x "
    "model size catalog cat ref lot batch version v level grade type class stage "
    "group grp".split())
_STOP = re.compile(r"[;!?\n\t|]|\.(?:\s|$)|,\s+(?:and|but|then)\b")
_CLOCK = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
_WINDOW_WORDS = 5
_WINDOW_CHARS = 56


_GROUP_AFTER = re.compile(
    r" (?:(?=[A-Za-z]*\d)[A-Za-z0-9]{2,5}(?![\w-])|[A-Z]{2,3}(?=[).,;:!?\]\n]|$))")


def _maybe_value(text: str, s: int, e: int) -> bool:
    """Cheap first look: could text[s:e], alone or with the groups after it, be a value?"""
    if _GROUP_AFTER.match(text, e) is not None:
        return True  # a plate's other half may follow
    v = text[s:e]
    return len(v) >= 4 and not _NOT_VALUE.fullmatch(v)


def _is_value(v: str, cat: str) -> bool:
    letters = sum(map(str.isalpha, v))
    digits = sum(map(str.isdigit, v))
    if digits == 0 or letters + digits < 4 or _NOT_VALUE.fullmatch(v):
        return False
    if letters == 0:
        return digits >= 4
    if cat == "VEHICLE":
        return True  # a plate may hold one digit ("NANA4EVR")
    # codes hold two digits or more, and words with a digit in them ("cha2ds2-vasc") are
    # mostly letters
    return digits >= 2 and letters <= 2 * digits + 2


def _capitals_licence(v: str, cat: str) -> bool:
    """A licence of a name's letters and a few digits ("WA KESTRAB712QZ"), in capitals (a
    scan's small "l" for a 1 apart): no word of the notes. Newer: the engine keeps the
    verdict the older rules give without it."""
    return cat == "LICENSE" and sum(map(str.isdigit, v)) >= 2 and len(v) >= 8 \
        and v.translate(_LOOKALIKE_SMALL).isupper()


_LOOKALIKE_SMALL = str.maketrans("", "", "lo")


def scan(text: str, out: list[Span], known: Callable[[str], bool] | None = None,
         labels: list[tuple[int, int]] | None = None, fired: list[str] | None = None) -> None:
    """Append every cued identifier-shaped value of `text` (typed offsets); `known` tells
    an ordinary word, which is never read as a misspelt cue. The label words taken in
    with a value go to `labels` too: they are no identifier when counting how much of
    a note was one. `fired`: None leaves out the newer shape (`_capitals_licence`); a list
    hears when it found a value."""
    pos = 0
    n = len(text)
    all_capitals: bool = text.isupper()  # once: asked per value, it is quadratic
    # values another rule read already as a phone, a date, an e-mail...: nothing to add
    settled = sorted((sp[0], sp[1]) for sp in out
                     if sp[2] in _SETTLED and sp[3] not in _UNSETTLED_RULES)
    starts = [a for a, _ in settled]
    for m in _DIGIT_TOKEN.finditer(text):
        s, e = m.span()
        if s < pos:
            continue
        if settled:
            k = bisect_right(starts, s) - 1
            if k >= 0 and settled[k][1] >= e:
                continue
        if s and (text[s - 1] in "@$&_=+%'" or text[s - 2:s] == "&#"):
            continue
        while s and (text[s - 1].isalpha() or (text[s - 1] in _CODE_DASHES and s >= 2
                                                 and text[s - 2].isalnum())):
            s -= 1
        while e > s and text[e - 1] in ".-/:":
            e -= 1
        if e < n and (text[e] in "@_" or (text[e] == "." and e + 1 < n and text[e + 1].isalnum())):
            continue
        p = _PREFIX.search(text, max(0, s - 8), s) if text[s - 1:s] == " " else None
        if p is not None and _prefix_ok(p.group(1), known):
            s = p.start(1)  # "FP 2231", "d l 60552912": letters typed apart from the digits
        elif not _maybe_value(text, s, e):
            continue  # most digit words are times, doses and vitals: no cue lookup for them
        # the last digits of a masked number ("Medicare # ...4410", "DL ****0938"): the
        # mask is no stop between cue and value, and says no clock time follows
        mask = _MASK.search(text, max(0, s - 12), s) if text[s - 1:s] in ".*…" else None
        found = _cue_before(text, s if mask is None else mask.start(), known)
        if found is None:
            continue
        cat, label_start, named = found
        if label_start >= s and mask is None and _CLOCK.fullmatch(text, s, e):
            continue  # "docked at 1416": a time unless its label stands right before it
        if _UNIT_AFTER.match(text, e) and text[s:e].isdigit():
            continue  # "EBL 350 mL", "pump at 1200 mL/hr"
        if cat == "VEHICLE" and ("." in text[s:e] or _BONE_PLATE.search(
                text, max(0, s - 48), min(n, e + 24))):
            continue  # "locking plate LCP 3.5, 8 holes": a plate of the bone
        if p is not None and s > p.start(1) and cat in _CAPITALS_KINDS \
                and _capitals_ok(p.group(1), all_capitals):
            s = p.start(1)  # "mbr HUM 44719 2033 01": a payer's capitals, a word or not
        groups_end = _more_groups(text, s, e, cat)
        value = text[s:groups_end]
        if not _is_value(value.replace(" ", ""), cat) and groups_end == e:
            if fired is None or not _capitals_licence(value.replace(" ", ""), cat):
                continue
            fired.append("id_cues.licence")
        start = min(label_start, s) if cat not in _NO_WIDEN else s
        if labels is not None and start < s:
            labels.append((start, s))
        # a bare "#" or "no." names no kind: a finding that does (MRN, phone) wins
        out.append((start, groups_end, cat, "cued_" + cat.lower(), 2 if named else 1))
        pos = groups_end


_NO_WIDEN = frozenset(("MRN", "SSN"))
_CODE_DASHES = "-\u2013\u2014"
_MASK = re.compile(r"(?:\.{2,}|\*{2,}|…)$")
_SETTLED = frozenset(("PHONE", "FAX", "DATE", "EMAIL", "URL", "IP", "ZIP", "AGE", "SSN", "MRN",
                      "PHOTO", "ADDRESS"))
# a spaced date of birth and the age after it (spaced_dates, after_names: newer rules) may
# be the head of a longer cued value ("DL DOB: 4 22 1936 95 882"): still read the whole run
_UNSETTLED_RULES = frozenset(("dob_spaced", "age_after_dob"))
_BONE_PLATE = re.compile(r"(?i)\b(?:screws?|holes?|locking|bone|lcp|recon|compression|"
                         r"fixation|orif|plating|tibial|femoral|radius|clavicle)\b")
_PREFIX = re.compile(r"(?<![\w'/])([A-Z]{1,4}|[A-Za-z](?: [A-Za-z]){1,2})[ -]$")


def _prefix_ok(prefix: str, known: Callable[[str], bool] | None) -> bool:
    """Letters before a number that belong to it: not a label, a place or a word."""
    word = prefix.replace(" ", "").lower()
    if " " in prefix:
        return True  # spaced single letters ("d l"): read out, part of the value
    return (cue_category(word) is None and word not in _PLACE_OR_MODEL
            and not (known is not None and len(word) > 1 and known(word)))


_CAPITALS_KINDS = frozenset(("HEALTHPLAN", "LICENSE", "ID"))


def _capitals_ok(prefix: str, all_capitals: bool) -> bool:
    """Two to four capitals before a number, in a note not all in capitals: a code's
    letters even when they spell a word ("HUM 44719"), unless they label something."""
    word = prefix.lower()
    return (2 <= len(prefix) <= 4 and prefix.isupper() and not all_capitals
            and cue_category(word) is None and word not in _PLACE_OR_MODEL)


def _more_groups(text: str, s: int, e: int, cat: str) -> int:
    """A plate or a number written in up to three space-separated groups."""
    if cat not in ("VEHICLE", "LICENSE", "HEALTHPLAN", "ID", "DEVICE"):
        return e
    end = e
    for _ in range(2):
        g = _NEXT_GROUP.match(text, end)
        if g is None:
            break
        part = g.group(1)
        if part.isalpha():
            # letters only: a plate's other half ("AC49 YPC") in capitals, ending the
            # phrase; never an ordinary word
            if not (cat == "VEHICLE" and part.isupper() and len(part) <= 3
                    and _ends_phrase(text, g.end())):
                break
        elif (_NOT_VALUE.fullmatch(part) and not (
                part.isdigit() and _NEXT_GROUP.match(text, g.end()) is not None)) \
                or _UNIT_AFTER.match(text, g.end()):
            break  # a year between two groups is one more group ("HUM 44719 2033 01")
        end = g.end()
    return end


def _ends_phrase(text: str, e: int) -> bool:
    return e >= len(text) or text[e] in ").,;:!?]\n"


def _cue_before(text: str, s: int, known: Callable[[str], bool] | None) \
        -> tuple[str, int, bool] | None:
    """(category, start of the label run, whether a cue named the kind) when a cue word
    is close before position s."""
    lo = max(0, s - _WINDOW_CHARS)
    window = text[lo:s]
    cuts = list(_STOP.finditer(window))
    cut = cuts[-1] if cuts else None
    if cut is not None:
        # "no." and "No." end no sentence: the stop after them is part of the label
        if not (window[cut.start()] == "." and window[max(0, cut.start() - 3):cut.start()]
                .lower().lstrip(" ") in ("no", "nr", "num", "#")):
            lo += cut.end()
            window = text[lo:s]
    words = [(w.start() + lo, w.group()) for w in _WORD_BACK.finditer(window)]
    if not words:
        return None
    k = len(words) - 1
    while k > 0 and words[k][1].lower() in _GENERIC_WORDS:
        k -= 1  # "room no. 1204", "LOT# C063977": the word before "no."/"#" decides
    last = words[k]
    between = text[last[0] + len(last[1]):s]
    if last[1].lower() in _PLACE_OR_MODEL and "(" not in between and "," not in between:
        return None
    cat: str | None = None  # named by a word for the identifier ("account", "plate")
    owner: str | None = None  # named by the thing it belongs to ("implant", "truck")
    cued = False
    run: list[tuple[int, str, bool]] = []  # the label words right before the value
    adjacent = True
    nxt = s
    for ws, w in reversed(words[-_WINDOW_WORDS:]):
        low = w.lower()
        if adjacent and not _LABEL_GAP.fullmatch(text, ws + len(w), nxt):
            adjacent = False  # "SSN 015-37-5232, license no.": the run stops at a value
        nxt = ws
        c = cue_category(low, known)
        if c is not None:
            cued = True
            if c != _GENERIC and low in _OBJECT_WORDS:
                if adjacent and cat is None:
                    cat = c  # "Medicaid # W612609771": the owner right before names it
                owner = owner or c
            elif c != _GENERIC and cat is None:
                cat = c
        is_label = (c is not None or low in _FILLER_WORDS) and low not in _OBJECT_WORDS
        if adjacent and is_label:
            run.append((ws, low, c is not None))
        elif not is_label:
            adjacent = False
        if cat is not None and not adjacent:
            break
    if not cued:
        return None
    label_start = s
    if cat is not None and any(is_cue for _, _, is_cue in run):  # a kind named, not "#" only
        while run and run[-1][1] in _LEADING_FILLER:
            run.pop()
        label_start = run[-1][0] if run else s
    return (cat or owner or "ID"), label_start, (cat or owner) is not None


_LABEL_GAP = re.compile(r"[ \t:#.\-/'’]*")
_LEADING_FILLER = frozenset("is was of on in under file ending last".split())
