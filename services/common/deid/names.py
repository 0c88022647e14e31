"""Person names and places from words: the case's own identifiers, context cues, lexicons.

Order of evidence for each word token:
1. the case's identifiers (keyed hashes, see identifiers.py): any case, any position;
2. a cue before it: title (Mr, Dr, "name is") > relation (wife, son) > role (RN, CRNA,
   resident) and patient (pt) > weak verbs (per, with, paged: an unknown capitalised word
   after one is redacted *and* the note is quarantined as uncertain);
3. lexicons: census names that are not ordinary English words, capitalised; names that
   are also words (Rose, Mark, Will) only when capitalised mid-sentence or next to a name;
4. then a found name widens over a neighbouring given name / surname / initial / particle.
Eponyms and OR vocabulary never count as names by lexicon or weak cue (only by title or
by the case's identifiers), so Whipple, Foley, "Kelly clamp" and Prolene survive.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import compress

from . import anchored, context
from . import lexicon as lx
from .casematch import FUZZY, NAME, STOP, CaseMatcher, scan_initials
from .identifiers import PARTICLES, normalise
from .kana_ranges import HIRAGANA, KANJI, KATAKANA
from .model import AMBIGUOUS_NAME, UNCERTAIN_NAME
from .places import (
    COUNTY_WORDS,
    PLACE_PREV,
    SITE_WORDS,
    city_at,
    drove_from,
    head_town,
    scan_streets,
    town_at,
    town_before_state_zip,
    unknown_after_cue,
    unknown_before_site,
    unknown_before_state,
)

Span = tuple[int, int, str, str, int]
Token = tuple[int, int, str]
GUESS = "guess_"  # engine.GUESS: a finding the engine is not sure of

# A word; Chinese, Japanese and Korean runs apart from Latin letters typed against them
# ("来自Kraków" is two words).
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
TOKEN = re.compile(rf"[{_CJK}]+|[^\W\d_{_CJK}]+(?:['’][^\W\d_{_CJK}]+)*")
TITLE, RELATION, ROLE, PATIENT, WEAK = 1, 2, 3, 4, 5
CUES: dict[str, int] = {w: TITLE for w in (
    "mr mrs ms miss mx dr doctor prof professor named aka mister madam frau herr mme mlle sr sra "
    "srta senor senora monsieur madame").split()}
CUES.update({w: RELATION for w in (
    "wife husband daughter son mother father mom mum dad brother sister spouse partner fiance "
    "fiancee grandson granddaughter grandmother grandfather grandma grandpa niece nephew aunt "
    "uncle guardian caregiver friend boyfriend girlfriend cousin stepson stepdaughter sibling "
    "neighbor neighbour hija hijo hcp attn contact baby tochter sohn fille fils madre padre "
    "esposa esposo filha filho dtr dau bro sis hubby stepmom stepdad stepmother stepfather "
    "granddad grandmom godmother godfather godson goddaughter parents grandparents "
    # French, Spanish, Portuguese, German and Tagalog kin words that are no name or word
    # once their accents are folded ("sa femme Josée", "su hermana lucía", "kuya Jomar")
    "femme epouse soeur sœur frere hermana hermano abuela abuelo nieta marido kuya "
    "familie ehefrau ehemann schwester").split()})
# ... announce a name only when it is capitalised in a mixed-case note: the words after
# them in lower case or capitals may be of their language ("su hermano está afuera")
_FOREIGN_KIN = frozenset(
    "femme epouse soeur sœur frere hermana hermano abuela abuelo nieta marido kuya familie "
    "ehefrau ehemann schwester".split())
CUES.update({w: ROLE for w in (
    "rn crna circulator circulating scrub tech resident attending fellow surgeon anesthesiologist "
    "anesthetist anaesthetist anesthesia anaesthesia pa np intern rep nurse midwife perfusionist "
    "assistant assist md surg fyi circ charge").split()})
STRONG_ROLES = frozenset(
    "rn crna circulator scrub tech resident attending fellow surgeon pa np intern nurse circ"
    .split())
CUES.update({"pt": PATIENT, "patient": PATIENT, "pts": PATIENT, "recipient": PATIENT})
# Words that follow "pt" as verbs, never as the patient's name ("pt will", "pt may").
PT_VERBS = frozenset((
    "will may can could would should must might shall is was has had did does got went says "
    "said wants needs reports states denies tolerated speaks prefers requests refuses "
    "understands agrees asks "
    # what the patient is: "pt fine", "patient intubated with a 7.0"
    "fine intubated extubated sedated prepped draped positioned asleep works").split())
# What OR staff and family do right after their name: "Hope covering Room 4", "Bill notified",
# "imogen removing it", "Faith awake PACU".
NAME_THEN = frozenset((
    "covering calling removing fixing verifying notified resetting awake waiting scrubbed "
    "scrubbing relieving paged updated remoted signed asking says reports reported "
    "aware called texted emailed consented prepped brought checked arrived flew goes").split())
# After these and a colon a name follows on the same line ("Pt: Small, Kwame").
NAME_LABELS = frozenset((
    "name pt patient contact by re employee badge recipient attn surgeon attending assistant "
    "anesthesia anesthesiologist circulator scrub resident fellow nurse crna from to "
    # people an insurance, billing or visitor form names
    "guarantor subscriber insured policyholder guardian kin visitor caller").split())
# what a form's person field holds when it names no one ("Guarantor: Self")
_NO_ONE = frozenset("self same none unknown n/a na unk tbd pending".split())
ANATOMY = frozenset((
    "pouch sphincter ligament duct line space canal triangle angle ampulla crypts node fascia "
    "organ loop tube artery vein gland sinus foramen circle band bursa cyst hernia plexus "
    "diverticulum ducts capsule lamina layer membrane tubercle").split())
# A classification or device follows an eponym: "Tanner 4", "Weber B", "Clark IV".
CLASS_MARKS = frozenset((
    "i ii iii iv v vi iia iib iiia iiib iiic ia ib ic a b c d e angle class classification "
    "stage score grade type sign triad lesion shunt filter pins pin harness wire line tube "
    "catheter drain drains holder frame bar saw sounds injury casting suction myotomy flap "
    "driver rongeur pull through portoenterostomy test procedure operation syndrome disease "
    "view scale criteria one two three four five column part").split())
CUES.update({w: WEAK for w in (
    "with per by spoke paged notified updated informed asks asked told contacted thanks "
    "called seen cc").split()})
INSTRUMENT = frozenset((
    "clamp clamps forceps retractor retractors scissors blade blades drain drains catheter sign "
    "point maneuver manoeuvre incision pouch triangle repair procedure needle port position "
    "stand elevator score classification tube stitch suture hook dissector tray cannula balloon "
    "bag pack test reflex fracture operation technique line ligament space approach wrap loop "
    "kit sponge sponges tip sucker trocar diverticulum node clip clips filter pins pin harness "
    "wire shunt rongeur saw sounds lesion triad angle bar frame holder head graft valve "
    "fixator nail plate screw screws ex fix gun stapler splint dressing "
    # the other things and acts of an OR that carry a person's name: a surname right before
    # one of them is the thing's name ("Hudson brace", "McDonald cerclage", "Belmont infuser")
    "cerclage duct brace braces sump infuser table fistula hitch flap prep cyst canal "
    "jelly disease syndrome bypass stent reservoir scope drill pusher rod anchor "
    "sling mesh tourniquet traction bougie probe dilator knife stirrups "
    "positioner pouch operation tongs tenaculum speculum spreader curette osteotome "
    "mallet impactor reamer broach cement").split())
# A procedure named by its suffix: an eponym before it is the procedure's name.
# Words for a group of people, before "(daughter)" or "(charge RN)": no one's name.
_GROUP_WORDS = frozenset("family fam team staff crew relatives visitors contact contacts".split())
_PROCEDURE_ENDINGS = lx.PROCEDURE_ENDINGS
_INITIALS_NOT = frozenset(
    "am pm us eg ie nb md do rn pa bp or iv po dc uk np ok id no vs dob ip adm".split())
PHRASES = frozenset(("da vinci", "bair hugger", "boston scientific", "karl storz", "endo gia",
                     "smith nephew", "ray tec", "ray-tec", "johnson johnson"))
_ABBREV_DOT = frozenset("dr mr mrs ms st vs no approx pt prof sr jr".split())
_BOUNDARY = frozenset(".!?;:\n•")
_NAME_GAP = re.compile(r"[ \t]{1,2}|\.\s?|,\s|\s?-\s?")
_PICK = lx.NAMEISH | lx.PLACE | lx.PHRASE
ARTICLES = frozenset(("a", "an", "the"))
_NOT_LEXICON_NAME = lx.STATE | lx.COUNTRY | lx.WEEKDAY | lx.MONTH
_NON_LATIN = re.compile(
    r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u1100-\u11ff"
    r"\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Words before a name in the scripts OR notes quote: patient, family, daughter, son, wife.
SCRIPT_CUES = frozenset((
    "пациент пациентка пациента больной больная дочь сын жена муж мать отец г-н г-жа "
    "患者 病人 家属 女儿 儿子 妻子 丈夫 母亲 父亲 先生 女士 娘 息子 妻 夫 母 父 "
    "المريض المريضة ابنة ابن زوجة زوج المطופל המטופל המטופלת בת בן אשתו בעלה "
    "ασθενής κόρη γιος σύζυγος मरीज बेटी बेटा पत्नी पति श्री श्रीमती "
    "patient patiente paciente familia contacto "
    # Korean, Japanese, Arabic and Hebrew words for the patient and the family
    "환자 보호자 딸 아들 아내 남편 어머니 아버지 患者さん 娘さん 息子さん "
    "الابنة الابن الزوجة الزوج الأم الأب הבן הבת האישה הבעל האם האב "
    # brothers and sisters: Arabic, Chinese, Japanese, Hebrew
    "أخ أخت أخوه أخته أخوها أختها 哥哥 姐姐 弟弟 妹妹 兄 姉 אחיו אחותו אחיה אחותה").split())
# as the normalised view and the word norms spell them: Hangul decomposed into jamo
SCRIPT_CUES |= frozenset(unicodedata.normalize("NFKD", w) for w in SCRIPT_CUES)
# and with their marks dropped, as the view folds them ("أخته" -> "اخته")
SCRIPT_CUES |= frozenset("".join(c for c in w if not unicodedata.combining(c))
                         for w in SCRIPT_CUES)
_HONORIFICS = tuple({h2 for h in ("さん", "様", "君", "氏", "씨", "님")
                     for h2 in (h, unicodedata.normalize("NFKD", h))})
# staff by role before an honorific ("看護師さん 交代"): never a name
_STAFF_STEMS = frozenset("看護師 師長 主任 先生 医師 技師 薬剤師 助手 事務 清掃 担当".split())
_DOTTED = re.compile(r"\b([A-Z])\.\s?([A-Z])\.(?:\s?([A-Z])\.)?")
_DOTTED_AT = re.compile(r"\.(?=\s?[A-Z]\.)")  # a match's first full stop (anchored.py)
_LINE_INITIALS = re.compile(r"(?m)^[ \t]*([A-Z]{2,3})(?=[ \t]*[-–/][ \t])")
# Flag bits the engine asks the lexicon to set for this module's own word sets.
LEXICON_EXTRA: dict[int, frozenset[str]] = {
    lx.CUE: frozenset([*CUES, "is", "name", "law"]),  # "name is X", "real name X", "-in-law X"
    lx.PHRASE: frozenset(p.replace("-", " ").split()[0] for p in PHRASES),
}


# a relative "is" a word, not a name ("wife is Catholic", "husband is hard of hearing")
_IS_WORD = lx.ENGLISH | lx.MEDICAL | lx.VERY_COMMON
# "name" says which of a person's names follows: "real name X", "legal name X"
_NAME_KINDS = frozenset(
    "real legal full maiden birth given first last middle preferred christian actual "
    "true".split())
# tried only where a run of blanks starts: a search tried inside a long run of them would
# rescan the rest of it at every blank (quadratic)
_ZIP_NEXT = re.compile(r"(?<![ \t])[ \t]++\d{5}(?:-\d{4})?(?!\d)")

class NameScanner:
    def __init__(self, lex: lx.Lexicon, staff_allow_list: tuple[str, ...]) -> None:
        self._flags = lex.flags
        self._multi = lex.multi_cities
        self._towns = lex.multi_towns
        self._phrases = lex.eponym_phrases | PHRASES
        # raw token -> (normalised, flags); bounded, rebuilt when full. Holds note words in
        # process memory only (never logged), like the note itself.
        self.memo: dict[str, tuple[str, int]] = {}
        # the staff roster: each full name, and its given name with its surname, as words;
        # and the surnames, kept alone only right after a staff title or role
        self._allow_full: set[tuple[str, ...]] = set()
        self._allow_last: set[str] = set()
        for full in staff_allow_list:
            parts = roster_name_parts(full)
            if len(parts) >= 2:
                self._allow_full.update((tuple(parts), (parts[0], parts[-1])))
                self._allow_last.add(parts[-1])

    def on_roster(self, given: str, family: str) -> bool:
        """Whether the roster holds this given name and surname (a record's staff field)."""
        parts = roster_name_parts(f"{given} {family}")
        return len(parts) >= 2 and (parts[0], parts[-1]) in self._allow_full

    def lookup(self, raw: str) -> tuple[str, int]:
        hit = self.memo.get(raw)
        if hit is None:
            norm = normalise(raw)
            f = self._flags.get(norm, 0)
            # An everyday word typed in lower case ("rose", "hall") becomes a name or
            # place only after a cue; mark the rest so that scan looks at them at all.
            if f & _PICK and not (raw.islower() and (
                    f & lx.COMMON or (f & lx.ENGLISH and not f & lx.PLACE))):
                f |= lx.PICK
            hit = (norm, f)
            if len(self.memo) > 100_000:
                self.memo.clear()
            self.memo[raw] = hit
        return hit

    def _rostered(self, norms: list[str], gaps: list[str], i: int, j: int) -> bool:
        """Words i..j are a member of staff on the roster, as staff are written: the full
        name ("Isolde Quandt"), or the surname right after a staff title or role ("Dr.
        Quandt", "RN Quandt") or before a credential ("Quandt RN"). Never after a patient or
        relative cue or a courtesy title ("pt Quandt", "husband Mr. Quandt", "pt Isolde
        Quandt"): a patient or relative may share a rostered name."""
        before = norms[i - 1] if i and _CUE_GAP.fullmatch(gaps[i]) else ""
        if CUES.get(before) in (RELATION, PATIENT) or before in _COURTESY:
            return False
        words = tuple(norms[i:j + 1])
        if words in self._allow_full:
            return True
        after = norms[j + 1] if j + 1 < len(norms) and _CUE_GAP.fullmatch(gaps[j + 1]) else ""
        return len(words) == 1 and words[0] in self._allow_last and (
            before in _STAFF_TITLES or before in STRONG_ROLES or after in _CREDENTIALS)

    def scan(self, text: str, toks: list[Token], norms: list[str], flags: list[int],
             case: CaseMatcher | None, out: list[Span], reasons: set[str],
             hidden: list[tuple[int, bool]] | None = None,
             gaps: list[str] | None = None) -> None:
        """`out` holds what the other scanners found; `hidden`: tokens typed disguised;
        `gaps`: the text before each token, when the caller has it already."""
        n = len(toks)
        if not n:
            return
        if gaps is None:
            gaps = [text[toks[i - 1][1]:toks[i][0]] if i else text[:toks[0][0]]
                    for i in range(n)]
        rule: list[str | None] = [None] * n
        skip = [False] * n
        style = caps_style(toks)

        if case is not None:  # 1. the case's own identifiers
            decided, decide, has = case.decided, case.decide, case.has
            known = list(map(decided.get, norms))  # at C speed; most words are decided 0
            for i in [i for i, d in enumerate(known) if d is None or d]:
                nm = norms[i]
                d = known[i]
                if d is None:
                    d = decide(nm, flags[i])
                if not d:
                    continue
                if d == NAME:
                    rule[i] = "case_name"
                elif d == FUZZY:
                    rule[i] = "case_name_fuzzy"
                elif i + 1 < n and len(gaps[i + 1]) == 1 and has("names", nm + norms[i + 1]):
                    rule[i] = rule[i + 1] = "case_name"  # "Mc Allister", "De la Cruz"
            if case.case.has_any("initials"):
                scan_initials(text, toks, norms, flags, case, out)

        phrases = self._phrases
        pick, cue = lx.PICK, lx.CUE  # locals: looked up once, not once per word
        # the words with a flag, and those after a cue, picked at C speed (compress over
        # `mask & flag` for each word) rather than a Python test per word
        picked = list(compress(range(n), map(pick.__and__, flags)))
        picked += compress(range(1, n), map(cue.__and__, flags))
        if ":" in text:
            picked += [i for i in range(1, n) if ":" in gaps[i]]
        picked = sorted(set(picked))
        for i in picked:  # 2-3. cues, lexicons, places
            f = flags[i]
            nm = norms[i]
            if f & lx.PHRASE and i + 1 < n and len(gaps[i + 1]) <= 1 \
                    and nm + gaps[i + 1].replace("–", "-") + norms[i + 1] in phrases:
                skip[i] = skip[i + 1] = True
            if rule[i] or skip[i] or nm in CUES:
                continue
            s, _e, raw = toks[i]
            if ":" in gaps[i] and "\n" not in gaps[i] and norms[i - 1] in NAME_LABELS:
                if self._labelled(toks, norms, flags, gaps, i, style, rule):
                    continue
            c = 0
            if i and flags[i - 1] & lx.CUE:
                prev = norms[i - 1]
                c = CUES.get(prev, 0)
                if c == RELATION and i >= 2 and gaps[i - 1].strip() == "&" \
                        and CUES.get(norms[i - 2]) != RELATION:
                    # "Smith & Nephew Journey": a firm's name, no kin (study33c); but
                    # "son & daughter Tarrow" is kin after kin (attack33c)
                    c = 0
                if prev in _FOREIGN_KIN and (style != 0 or not raw[:1].isupper()
                                             or raw.isupper()):
                    c = 0
                if c:
                    g = gaps[i]
                    # "HCP. TANNER 4"; a tab or pipe ends a field ("fellow\tRoom: 20")
                    bad = "!?;\n-\t|" if c == TITLE else "!?;\n-.\t|"
                    if len(g) > 3 or any(ch.isdigit() or ch in bad for ch in g) or (
                            c == TITLE and g.strip() not in ("", ".")):
                        c = 0
                    elif c == PATIENT and "," in g and raw.islower() and f & lx.ENGLISH \
                            and not f & (lx.FIRST | lx.LAST_TOP) and norms[i - 2:i - 1] == ["no"] \
                            and not text[toks[i][1]:].strip(" .!\n"):
                        # "no patient, over": a word closing the note after "no patient,",
                        # no given name or frequent surname (study33c); "Phoned patient,
                        # nightingale" names one (attack33c)
                        c = 0
                elif prev == "is" and i >= 2 and (norms[i - 2] in ("name", "hcp", "this") or (
                        CUES.get(norms[i - 2]) == RELATION and len(raw) > 1
                        and f & lx.NAMEISH and not f & _IS_WORD)) \
                        and (raw[0].isupper() or norms[i - 2] != "this") \
                        and not (norms[i - 2] == "this" and nm in ARTICLES):
                    c = TITLE  # "this is Kelly", not "THIS IS A KELLY"; "mom is kim"
                elif prev == "law" and i >= 3 and norms[i - 2] == "in" and gaps[i - 1] == "-" \
                        and CUES.get(norms[i - 3]) == RELATION and nm not in STOP \
                        and not f & lx.CUE:
                    c = RELATION  # "son-in-law Raj"
                elif prev == "name" and i >= 2 and norms[i - 2] in _NAME_KINDS \
                        and gaps[i] in (" ", ": ", " - "):
                    c = TITLE  # "REAL NAME ROCKY SMALL", "legal name Lorna"
            if not c and not f & _PICK:
                continue
            cap = raw[0].isupper()
            if len(raw) == 1:
                if cap and c == TITLE:
                    rule[i] = "cue_title"
                elif c == PATIENT and (cap or text.startswith(".", toks[i][1])):
                    rule[i] = "cue_patient_initials"
                continue
            if f & (lx.CITY | lx.CITY_HEAD):
                last = city_at(toks, norms, flags, gaps, i, self._multi)
                if last >= 0 and _classified(norms, gaps, last):
                    continue  # "Los Angeles grade C", "Boston score 7": a classification
                if last >= 0:
                    for k in range(i, last + 1):
                        rule[k] = "city"
                    out.append((s, toks[last][1], "LOCATION", "city", 1))
                    continue
            if f & lx.PLACE and c != TITLE:
                last, sure = town_at(toks, norms, flags, gaps, i, self._towns, style)
                if last < 0:  # "from Fort Ember": a guess, so the note goes to review
                    last, sure = head_town(toks, norms, flags, gaps, i, style), False
                if last >= 0 and not any(rule[k] for k in range(i, last + 1)):
                    for k in range(i, last + 1):
                        rule[k] = "city"
                    out.append((s, _zip_after(text, toks[last][1]), "LOCATION",
                                "town" if sure else "guess_town", 1))
                    continue
            if raw.endswith(("'d", "’d", "'D", "’D")):
                continue  # a verb: "pt ID'd via", "OK'd", "cx'd"
            r = self._classify(raw, f, c, cap, style, norms, flags, gaps, i, reasons)
            if r:
                rule[i] = r

        self._cued_places(text, toks, norms, flags, gaps, style, rule, out)
        scan_streets(text, toks, norms, flags, gaps, style, out)
        self._patterns(text, toks, norms, flags, gaps, style, rule)
        context.scan(text, toks, norms, flags, gaps, style, rule, out, hidden or [])
        if any(rule):
            self._widen(toks, norms, flags, gaps, rule, skip, style)
            self._emit(text, toks, norms, gaps, rule, out)

    def _labelled(self, toks: list[Token], norms: list[str], flags: list[int], gaps: list[str],
                  i: int, style: int, rule: list[str | None]) -> bool:
        """ "Pt: Small, Kwame", "Name: Joy, Ivy", "Posted by: Rose Wells": up to four
        capitalised words on the label's line are a name, ordinary words or not."""
        n, j = len(toks), i
        got: list[int] = []
        while j < n and len(got) < 4:
            raw, f = toks[j][2], flags[j]
            if j > i and gaps[j] not in (" ", ", ", ". ", ".", ",", "-", " -"):
                break
            if not raw[0].isupper() and (style != -1 or not f & lx.NAMEISH):
                break
            if f & (lx.MEDICAL | lx.LABEL | lx.MONTH) or norms[j] in CUES or norms[j] in STOP \
                    or norms[j] in _NO_ONE:
                break
            got.append(j)
            j += 1
        if not got or (len(got) == 1 and flags[got[0]] & lx.COMMON and not flags[got[0]]
                       & lx.NAMEISH):
            return False
        for k in got:
            rule[k] = "label_name"
        return True

    def _cued_places(self, text: str, toks: list[Token], norms: list[str], flags: list[int],
                     gaps: list[str], style: int, rule: list[str | None],
                     out: list[Span]) -> None:
        """ "X County", and unknown capitalised words after "from" (a guess)."""
        n = len(toks)
        # set tests run at C speed: most notes skip the Python passes below
        cands = [j + 1 for j, nm in enumerate(norms[:-1]) if nm in PLACE_PREV] \
            if not PLACE_PREV.isdisjoint(norms) else []
        if not COUNTY_WORDS.isdisjoint(norms):
            cands += [j for j, nm in enumerate(norms) if nm in COUNTY_WORDS and j]
        if not SITE_WORDS.isdisjoint(norms):
            cands += [j - 1 for j, nm in enumerate(norms) if nm in SITE_WORDS and j]
        state = lx.STATE
        # "Wexbury, MT", and without the comma when a ZIP follows the state: "SPEARFISH
        # SD 57783" is the address's last line
        before_state = [j - 1 for j in compress(range(n), map(state.__and__, flags)) if j
                        and (gaps[j] == ", " or (gaps[j] == " " and _ZIP_NEXT.match(
                            text, toks[j][1]) is not None))] \
            if ", " in text or _ZIP_NEXT.search(text) is not None else []
        cands += before_state
        for j in sorted(set(cands)):
            nm = norms[j]
            if nm in COUNTY_WORDS and gaps[j] == " ":
                k = j - 1
                while k >= 0 and j - k <= 3 and (toks[k][2][0].isupper() or style == -1) \
                        and not flags[k] & (lx.CUE | lx.MEDICAL | lx.STATE) \
                        and norms[k] not in STOP and (k == j - 1 or gaps[k + 1] == " "):
                    k -= 1
                if k + 1 < j and (style != -1 or flags[j - 1] & (lx.COUNTY | lx.TOWN_HEAD)):
                    out.append((toks[k + 1][0], toks[j][1], "LOCATION", "county", 1))
                    for m in range(k + 1, j):
                        rule[m] = "city"
            elif not rule[j] and flags[j] & lx.PLACE \
                    and not flags[j] & lx.PICK:  # "in san diego", "FROM ELY": not looked at yet
                last = city_at(toks, norms, flags, gaps, j, self._multi) \
                    if flags[j] & lx.CITY_HEAD else -1
                sure = True
                if last < 0:
                    last, sure = town_at(toks, norms, flags, gaps, j, self._towns, style)
                if last >= j:
                    out.append((toks[j][0], _zip_after(text, toks[last][1]), "LOCATION",
                                "town" if sure else "guess_town", 1))
                    for m in range(j, last + 1):
                        rule[m] = "city"
            elif j in before_state and not rule[j] \
                    and (unknown_before_state(toks, norms, flags, gaps, j, style)
                         or town_before_state_zip(text, toks, flags, gaps, j)):
                out.append((toks[j][0], toks[j][1], "LOCATION", "town_state", 1))
                rule[j] = "city"
            elif not rule[j] and unknown_before_site(toks, norms, flags, gaps, j, style):
                out.append((toks[j][0], toks[j][1], "LOCATION", "guess_place", 1))
                rule[j] = "city"
            elif not rule[j] and unknown_after_cue(toks, norms, flags, gaps, j, style):
                k = j
                # in capitals every word looks like the next word of the place: not there
                while style == 0 and k + 1 < n and gaps[k + 1] == " " \
                        and toks[k + 1][2][0].isupper() \
                        and not flags[k + 1] & (lx.MEDICAL | lx.NOT_NAME | lx.STATE):
                    k += 1
                # "driving in from X", "flew in from X": no guess, only a place comes there
                out.append((toks[j][0], _zip_after(text, toks[k][1]), "LOCATION",
                            "place_after_travel" if drove_from(norms, j) else "guess_place",
                            1))
                for m in range(j, k + 1):
                    rule[m] = "city"

    def _patterns(self, text: str, toks: list[Token], norms: list[str], flags: list[int],
                  gaps: list[str], style: int, rule: list[str | None]) -> None:
        """Initials ("J.K.", "MW / ...", "pt JP"), "Surname, Given" at a line's start,
        a name before "(daughter)", and words in non-Latin scripts."""
        n = len(toks)
        # Only a few tokens can start these shapes: find them without a pass over all.
        cands = {i for i in self._after_pt(norms)} if "pt" in norms or "patient" in norms \
            else set()
        if "\n" in text or "|" in text or "•" in text:
            cands.update(i for i in range(n) if i == 0 or "\n" in gaps[i]
                         or gaps[i].rstrip().endswith(("•", "|")))
        else:
            cands.add(0)
        if "(" in text:
            cands.update(i for i in range(n - 1) if "(" in gaps[i + 1])
        if not NAME_THEN.isdisjoint(norms):
            cands.update(i - 1 for i, nm in enumerate(norms) if i and nm in NAME_THEN)
        if ", " in text and ("—" in text or "–" in text or ":" in text):
            cands.update(i for i in range(1, n) if gaps[i].rstrip().endswith(_FIELD_MARKS))
        if not text.isascii():
            cands.update(i for i in range(n)  # an ASCII word has no such letter
                         if not toks[i][2].isascii() and _NON_LATIN.search(toks[i][2]))
        dotted = list(anchored.finditer(_DOTTED, _DOTTED_AT, 1, text)) if "." in text else []
        line_init = list(_LINE_INITIALS.finditer(text)) if dotted or "-" in text \
            or "/" in text or "–" in text else []
        index = {t[0]: k for k, t in enumerate(toks)} if dotted or line_init else {}
        for m in dotted:
            if "".join(x for x in m.groups() if x).lower() in _INITIALS_NOT:
                continue
            for g in range(1, 4):
                k = index.get(m.start(g), -1) if m.group(g) else -1
                if k >= 0 and not rule[k]:
                    rule[k] = "initials"
        for m in line_init:
            k = index.get(m.start(1), -1)
            if k >= 0 and not rule[k] and not flags[k] & (lx.MEDICAL | lx.ENGLISH):
                rule[k] = "initials"
        pick, first = lx.PICK, lx.FIRST
        for i in [i for i in compress(range(n - 1), map(first.__and__, flags)) if (
                flags[i] & pick or flags[i + 1] & pick) and gaps[i + 1] == " "]:
            if not (rule[i] and rule[i + 1]) and self._pair(toks, norms, flags, gaps, i, style):
                for k in (i, i + 1):
                    rule[k] = rule[k] or "name_given_surname"
        role_at = -1  # a staff word with an honorific (attack33b)
        stop_at = -1  # ... and the word after the name it cued: no name by the chain
        for i in sorted(cands):
            if _staff_honorific(toks[i][2]):
                role_at = i  # "看護師さん", "師長さん": a role, not a name ...
                continue
            if rule[i]:
                if role_at == i - 1 and _name_shape(toks, gaps, i):
                    rule[i] = "script_name"  # "師長さん 松本 さくら": a name, not a town
                    stop_at = i + _name_words(toks[i][2])
                # "PT KEMP, MAY —": the surname found after "pt", its given name a word
                if i + 1 < n and not rule[i + 1] and norms[i - 1] in ("pt", "patient") \
                        and _inverted(toks, flags, gaps, i) and _field_ends(gaps, i + 2):
                    rule[i + 1] = "surname_given"
                continue
            raw, f = toks[i][2], flags[i]
            if i and norms[i - 1] in ("pt", "patient") and gaps[i] == " " \
                    and not (i + 1 < n and gaps[i + 1][:1] in "-/") \
                    and 2 <= len(raw) <= 3 and not f & (lx.MEDICAL | lx.ENGLISH | lx.STATE) \
                    and (raw.isupper() or style == -1) \
                    and norms[i] not in _INITIALS_NOT and norms[i] not in STOP \
                    and (raw.isupper() or raw.islower()):
                rule[i] = "cue_patient_initials"  # "pt JP", "pt ds"
                continue
            line_start = i == 0 or "\n" in gaps[i] or gaps[i].rstrip().endswith(("•", "|"))
            # or a field of its own: after a dash or colon, or "pt", up to the next dash
            field = (gaps[i].rstrip().endswith(_FIELD_MARKS)
                     or (i and norms[i - 1] in ("pt", "patient") and gaps[i] == " ")) \
                and _field_ends(gaps, i + 2)
            if (line_start or field) and i + 1 < n and _inverted(toks, flags, gaps, i):
                rule[i] = rule[i + 1] = "surname_given"
                continue
            if i + 1 < n and gaps[i + 1] in (" (", "(") and raw[0].isupper() \
                    and CUES.get(norms[i + 1]) in (RELATION, ROLE, PATIENT) \
                    and norms[i] not in _GROUP_WORDS \
                    and not f & (lx.MEDICAL | lx.NOT_NAME | _NOT_LEXICON_NAME):
                rule[i] = "cue_relation_after"  # "Dawn (daughter)", "Hope (charge RN)"
                continue
            if i + 1 < n and norms[i + 1] in NAME_THEN and gaps[i + 1] == " " \
                    and f & lx.FIRST and len(raw) > 2 \
                    and not f & (lx.NOT_NAME | lx.EPONYM_CTX | _NOT_LEXICON_NAME | lx.CUE) \
                    and norms[i] not in STOP and norms[i] not in PT_VERBS:
                sure = not f & (lx.COMMON | lx.ENGLISH) or (
                    style == 0 and raw[0].isupper() and not f & lx.VERY_COMMON)
                rule[i] = "name_then_verb" if sure else "guess_name_then_verb"
                continue
            if i and gaps[i][-1:] in ('"', "“") and norms[i - 1] in ("pt", "patient") \
                    and raw[0].isupper() and not f & lx.MEDICAL:
                rule[i] = "nickname"  # 'Pt "Lefty" Whitehorse'
                if i + 1 < n and gaps[i + 1][:1] in ('"', "”") and toks[i + 1][2][0].isupper() \
                        and not flags[i + 1] & lx.MEDICAL:
                    rule[i + 1] = "nickname"
                continue
            if _NON_LATIN.search(raw) and (gaps[i] in (" ", ": ", "：", ":") or (
                    i == 0 and not gaps[i].strip() and raw.endswith(_HONORIFICS)) or (
                    role_at == i - 1 and gaps[i].strip() in ("、", ","))):
                # ... or the note's first word, with an honorific: "佐藤さん、", or a word
                # after a staff word and its comma: "看護師さん、 佐藤 花子" (attack33b)
                if raw in _HONORIFICS and i and not _NON_LATIN.search(toks[i - 1][2]) \
                        and not _bare_word(toks[i - 1][2], flags[i - 1]):
                    # alone after a Latin name ("Smith さん", "ishida kaoru さん"): that
                    # word is the name, the words after it are not (attack33b)
                    rule[i - 1] = "script_name"
                    continue
                # a name after a staff word with an honorific is one: "看護師さん 佐藤花子"
                staff_cued = role_at == i - 1 and _name_shape(toks, gaps, i)
                if staff_cued:
                    stop_at = i + _name_words(raw)  # "佐藤花子 面会": 面会 no name
                after_cue = i > 0 and (norms[i - 1] in CUES or norms[i - 1] in SCRIPT_CUES
                                       or (rule[i - 1] == "script_name" and i != stop_at)
                                       or staff_cued)
                if after_cue or raw.endswith(_HONORIFICS):
                    rule[i] = "script_name"  # "Пациент 王伟", "家属 Мария Иванова"
                    if not after_cue and i and gaps[i] == " " and _NON_LATIN.search(
                            toks[i - 1][2]):
                        rule[i - 1] = "script_name"  # "橋本 裕子さん"

    @staticmethod
    def _pair(toks: list[Token], norms: list[str], flags: list[int], gaps: list[str], i: int,
              style: int) -> bool:
        """A given name and a surname side by side, typed alike: "kenji strong", "LINH BUSH",
        "Ivy Łęcki". At least one of them is no English word; in a mixed-case note a
        capitalised word no list knows counts as a surname."""
        if gaps[i + 1] != " " or gaps[i].endswith("-"):
            return False  # "Hem-o-lok over"
        a, b = toks[i][2], toks[i + 1][2]
        fa, fb = flags[i], flags[i + 1]
        bad = lx.NOT_NAME | lx.EPONYM_CTX | lx.PHRASE | _NOT_LEXICON_NAME | lx.CUE | lx.CITY_HEAD
        if (fa | fb) & bad or len(a) < 3 or len(b) < 3:
            return False
        if norms[i + 1] in INSTRUMENT or norms[i + 1] in CLASS_MARKS:
            return False
        titled = style == 0 and a[0].isupper() and b[0].isupper()  # "Will Faulkner"
        if (norms[i] in PT_VERBS and not titled) or norms[i + 1] in PT_VERBS \
                or norms[i + 1] in STOP:
            return False
        if _classified(norms, gaps, i + 1) or (
                i + 2 < len(norms) and gaps[i + 2] == " " and norms[i + 2] in INSTRUMENT):
            return False
        shape = (a.islower() and b.islower()) or (a.isupper() and b.isupper() and style == 1) \
            or (style == 0 and a[0].isupper() and b[0].isupper() and not a.isupper()
                and not b.isupper())
        if not shape:
            return False
        if a.islower() or a.isupper():  # no capital to go by: a given name, then a surname
            if not (fa & lx.FIRST and fb & lx.LAST):
                return False
        if not fb & lx.NAMEISH:  # an unknown capitalised word after a given name
            return style == 0 and not fb & (lx.ENGLISH | lx.MEDICAL) and len(b) > 2 \
                and not fa & lx.VERY_COMMON
        if fa & lx.VERY_COMMON and fb & lx.COMMON:
            return False
        if titled and not (fa | fb) & lx.VERY_COMMON and not _initial(gaps, norms, i):
            return True  # "by Buck Sharp,": two capitals mid-sentence, both names
        return not (fa & lx.ENGLISH and fb & lx.ENGLISH)

    @staticmethod
    def _after_pt(norms: list[str]) -> list[int]:
        return list(compress(range(1, len(norms)), map(_PT.__contains__, norms)))

    def _classify(self, raw: str, f: int, c: int, cap: bool, style: int, norms: list[str],
                  flags: list[int], gaps: list[str], i: int, reasons: set[str]) -> str | None:
        word = f & (lx.ENGLISH | lx.MEDICAL)
        nameish = f & lx.NAMEISH
        # A capital letter tells a name from a word only in a mixed-case note, and not in
        # an all-capitals token there (ROSA, SLNB are acronyms).
        if style != 0 or (raw.isupper() and len(raw) > 1):
            cap = False
        if c == TITLE:
            if norms[i] in STOP or norms[i] in PT_VERBS:
                # "(his name is will)", "her name is may,": a given name closing its clause
                if i >= 2 and norms[i - 2] == "name" and norms[i] in PT_VERBS \
                        and f & lx.FIRST and (i + 1 == len(norms)
                                              or gaps[i + 1].strip()[:1] in tuple(",.;)!?")):
                    return "cue_title"
                if norms[i] in _MODALS and f & lx.FIRST and _no_verb_after(norms, gaps, i):
                    return "cue_title"  # "DR WILL", "doctor May in the lab", "dr will and"
                return None  # "Dr. on call"
            if style == 0 and not cap and f & (lx.COMMON | lx.VERY_COMMON) and (
                    not nameish or (f & lx.VERY_COMMON and raw.islower()
                                    and norms[i - 1] in _TITLE_NOUNS)):
                return None  # "the doctor say we", where the note capitalises its names
            return "cue_title" if cap or not word or nameish else None
        if c == RELATION and cap:  # "daughter Alexis", "wife Joy": a name even if a word
            return "cue_relation"
        if c == ROLE and cap and nameish and not self._instrument(norms, gaps, i):
            return "cue_role"  # "RN Alexis", "circulator Kelly" (not "scrub Kelly clamp")
        if c == PATIENT and nameish and not f & (lx.NOT_NAME | _NOT_LEXICON_NAME) \
                and norms[i] not in PT_VERBS and norms[i] not in CUES and "'" not in raw \
                and not _classified(norms, gaps, i) and (
                    cap or not f & lx.COMMON or _name_slot(norms, gaps, i, f)):
            return "cue_patient"  # "pt small, 99", "Pt Rose from Bisbee", "pt ramirez"
        if f & lx.EPONYM or (f & lx.EPONYM_CTX and self._instrument(norms, gaps, i)):
            return None
        if f & lx.MEDICAL:
            return None
        if i >= 2 and norms[i - 1] == "of" and norms[i - 2] in ANATOMY:
            return None  # "pouch of Douglas", "sphincter of Oddi"
        if c == RELATION:
            if nameish and not word:
                return "cue_relation"
            if f & lx.FIRST and not f & _NOT_LEXICON_NAME and norms[i] not in STOP:
                reasons.add(AMBIGUOUS_NAME)
                return "cue_relation_ambiguous"
        elif c in (ROLE, PATIENT):
            # "PT FERNWHISTLE, dob ...": a word in capitals after "pt" in a note not in capitals
            # no list holds and too long for an acronym (NPO, ESRD) is a surname typed so
            if c == PATIENT and style != 1 and raw.isupper() and len(raw) > 4 \
                    and raw.isalpha() and not f & ~(lx.PICK | lx.PLACE):
                return "cue_patient"
            if style == 0 and not cap and not nameish:
                return None  # "Resident dbing the", "RN ISS"
            if (cap and (nameish or not word)) or (not word and len(raw) > 2 and (
                    nameish or norms[i - 1] in STRONG_ROLES or ":" in gaps[i])):
                return "cue_role" if c == ROLE else "cue_patient"
            # "recipient ngata", "PT OYELARAN", "pt whitehorse": no list knows it but as a
            # place; a name or a typo (in a note in capitals too)
            if c == PATIENT and not f & ~(lx.PICK | lx.PLACE) and len(raw) > 3 \
                    and raw.isalpha() and (raw.islower() or (style == 1 and raw.isupper())) \
                    and norms[i] not in PT_VERBS:  # "patient intubated", not a name
                return "guess_patient"
            if c == ROLE and f & lx.FIRST_TOP and not f & (lx.VERY_COMMON | _NOT_LEXICON_NAME):
                reasons.add(AMBIGUOUS_NAME)
                return "cue_role_ambiguous"
        elif c == WEAK and not cap and f & lx.FIRST and not f & (lx.ENGLISH | lx.COMMON) \
                and raw.islower() and len(raw) > 2:
            return "cue_weak_lower"  # "precert ok per ngozi"
        elif c == WEAK and cap and not nameish and not word and len(raw) > 2 \
                and not _initial(gaps, norms, i) and not f & lx.COMMON:
            reasons.add(UNCERTAIN_NAME)
            return "cue_uncertain"
        if not nameish or f & _NOT_LEXICON_NAME:
            return None
        if gaps[i] == "-" and not flags[i - 1] & lx.NAMEISH:
            return None  # "Mother-Baby", "Hem-Onc"
        if _classified(norms, gaps, i) or self._instrument(norms, gaps, i):
            return None  # "Tanner 4", "Weber B ankle", "Greenfield filter"
        if f & lx.EPONYM_CTX:
            return None  # "Blake", "Fowler" alone: an eponym; a cue or a given name says person
        if cap and not word and len(raw) > 1:
            return "lexicon_name"
        if raw.isupper() and style == 1 and not word and len(raw) > 3 and not f & lx.COMMON:
            return "lexicon_name"
        if cap and f & lx.FIRST and not f & lx.VERY_COMMON \
                and not _initial(gaps, norms, i, soft=True):
            return "lexicon_name_capitalised"
        if not cap and not word and not f & lx.COMMON and len(raw) > 3 \
                and not (raw.isupper() and style == 0) and (
                f & (lx.FIRST_TOP | lx.LAST_TOP) or style != 0):
            return "lexicon_name_lower"
        return None

    def _instrument(self, norms: list[str], gaps: list[str], i: int) -> bool:
        n = len(norms)
        if i + 1 < n and len(gaps[i + 1]) <= 2 and (
                norms[i + 1] in INSTRUMENT or norms[i + 1].endswith(_PROCEDURE_ENDINGS)):
            return True  # "Kelly clamp", "Keller bunionectomy"
        # "Kelly and Allis clamps", "McConnell arm holder": the thing one word on
        return i + 2 < n and norms[i + 2] in INSTRUMENT and gaps[i + 2] == " " and (
            norms[i + 1] == "and" or (gaps[i + 1] == " " and norms[i + 1] not in STOP
                                      and norms[i + 1].isalpha()))

    def _widen(self, toks: list[Token], norms: list[str], flags: list[int],
               gaps: list[str], rule: list[str | None], skip: list[bool], style: int) -> None:
        n = len(toks)
        for _ in range(4):
            changed = False
            for i in [k for k in compress(range(n), rule) if rule[k] != "city"]:
                j = i + 1
                if j < n and not rule[j] and not skip[j]:
                    g, raw, f = gaps[j], toks[j][2], flags[j]
                    ok_gap = g in (" ", "  ", "-") or (g == ", " and f & lx.FIRST) or (
                        g == ". " and len(toks[i][2]) == 1)  # "C. Sweet"
                    good = not f & (lx.MEDICAL | lx.NOT_NAME | _NOT_LEXICON_NAME) \
                        and len(raw) > 1 and not _classified(norms, gaps, j) \
                        and norms[j] not in CUES and norms[j] not in PT_VERBS
                    mixed = style == 0 and not raw.isupper()
                    up = raw[0].isupper() and mixed
                    title = up
                    if f & lx.VERY_COMMON and not up:
                        good = False
                    # "attending jess park": a cued given name takes the next plain word
                    cued_first = (rule[i] or "").startswith("cue_") and flags[i] & lx.FIRST \
                        and not f & (lx.FIRST_TOP | lx.MONTH | lx.STATE) and g == " " \
                        and len(raw) > 2 and norms[j] not in CUES and norms[j] not in STOP
                    # "PT WREN STRONG, DOB" in a note not in capitals: a cued name typed in
                    # capitals takes the next capitals word on the surname list
                    caps_cued = style != 1 and (rule[i] or "").startswith("cue_") \
                        and toks[i][2].isupper() and len(toks[i][2]) > 1 and raw.isupper() \
                        and f & lx.LAST and g == " " and (  # not "PT JOHN WELL TOLERATED"
                            j + 1 >= n or gaps[j + 1] != " " or not toks[j + 1][2].isupper())
                    if len(raw) == 1 and len(toks[i][2]) == 1 and g in (".", ". ") \
                            and raw.isalpha():
                        rule[j], changed = "name_pair", True  # "r.l.", "J. K."
                    elif ok_gap and good and (
                            (up and f & lx.NAMEISH)
                            or (title and not f & lx.ENGLISH)
                            or (f & lx.NAMEISH and not f & lx.ENGLISH and g != ", ")
                            or (f & lx.NAMEISH and not f & lx.COMMON and style != 0
                                and g == " ")
                            or (cued_first and (f & lx.LAST or not f & lx.ENGLISH))
                            or caps_cued):
                        rule[j], changed = "name_pair", True
                j = i - 1
                if j >= 0 and not rule[j] and not skip[j] and gaps[i] in (" ", ". ", ".", "-"):
                    raw, f, nm = toks[j][2], flags[j], norms[j]
                    initial = len(raw) == 1 and raw.isalpha() and gaps[i] != "-" and (
                        gaps[i].startswith(".") or (raw.isupper() and raw not in "AI"))
                    if initial or (
                            nm in PARTICLES and gaps[i] in (" ", "-") and nm not in ("a", "e")
                            ) or (
                            raw[0].isupper() and style == 0 and not raw.isupper()
                            and not (f & ~lx.PICK) and len(raw) > 2 and gaps[i] == " "
                            and rule[i] not in ("city", "label_name")) or (
                            raw[0].isupper() and style == 0 and not raw.isupper()
                            and f & lx.FIRST and not f & (lx.MEDICAL | lx.NOT_NAME)
                            and not f & (_NOT_LEXICON_NAME | lx.VERY_COMMON)
                            and gaps[i] == " " and nm not in CUES):
                        rule[j], changed = "name_pair", True
            if not changed:
                break

    def _emit(self, text: str, toks: list[Token], norms: list[str], gaps: list[str],
              rule: list[str | None], out: list[Span]) -> None:
        n, nxt = len(toks), 0
        # few: skip the rest (compress keeps the words with a rule, at C speed)
        for i in [k for k in compress(range(n), rule) if rule[k] != "city"]:
            if i < nxt:
                continue  # inside the run before
            r = rule[i]
            assert r is not None
            j = i
            while j + 1 < n and rule[j + 1] and rule[j + 1] != "city" \
                    and _NAME_GAP.fullmatch(gaps[j + 1]):
                j += 1
            run = range(i, j + 1)
            from_case = any((rule[k] or "").startswith("case") for k in run)
            if not from_case and self._allow_full and self._rostered(norms, gaps, i, j):
                nxt = j + 1
                continue
            # the whole run is a guess only if every word in it is one
            guess = all((rule[k] or "").startswith(GUESS) for k in run)
            best = next((rule[k] for k in run if (rule[k] or "").startswith("case")), None) \
                or (r if guess else next(rule[k] for k in run
                                         if not (rule[k] or "").startswith(GUESS)))
            end = toks[j][1]
            if len(toks[j][2]) == 1 and text[end:end + 1] == ".":
                end += 1  # an initial's full stop: "J." -> "[NAME]"
            out.append((toks[i][0], end, "NAME", best or r, 3 if from_case else 1))
            nxt = j + 1


# The roster's words: titles, roles and credentials are no part of a name; a line "Surname,
# Given" (as staff lists are exported) is read given name first.
_STAFF_TITLES = frozenset("dr doctor prof professor".split())
# the other titles: a courtesy title is the patient's or a relative's ("Mrs. Quandt")
_COURTESY = frozenset(w for w, c in CUES.items() if c == TITLE) - _STAFF_TITLES - {"named", "aka"}
_CREDENTIALS = frozenset(
    "rn md crna np pa pa-c phd mbbs frcs dds dmd bsn msn cnor aprn lpn cst rnfa".split())
_CUE_GAP = re.compile(r"\.?[ \t]{1,3}|,[ \t]{1,3}")


def roster_name_parts(full: str) -> list[str]:
    """A roster line's name words, normalised, given name first, no title or credential.
    Credentials are read whole before the name is cut into words ("PA-C" is no "c")."""
    pieces = [" ".join(w for w in part.split() if w.strip(".").lower() not in _CREDENTIALS)
              for part in full.split(",")]
    pieces = [p for p in pieces if p]
    if len(pieces) >= 2:
        pieces = [*pieces[1:], pieces[0]]  # "Quandt, Isolde" -> "Isolde Quandt"
    return [w for w in (normalise(p) for p in TOKEN.findall(" ".join(pieces)))
            if w not in CUES]


_ZIP_AFTER = re.compile(r",?[ \t]\d{5}(?:-\d{4})?\b")


def _zip_after(text: str, end: int) -> int:
    """A town's span takes the ZIP code typed right after it ("Tonopah 90377")."""
    m = _ZIP_AFTER.match(text, end)
    return m.end() if m else end


_PT = frozenset(("pt", "patient"))  # _after_pt's words


def caps_style(toks: list[Token]) -> int:
    """1: the note is written in capitals; -1: in lower case; 0: mixed (capitals mean)."""
    raws = [t[2] for t in toks]
    upper = sum(map(str.isupper, raws))
    lower = sum(map(str.islower, raws))
    titled = len(raws) - upper - lower  # "Smith", and the odd "McKay" or "iPad"
    if upper >= 3 and upper >= 4 * (lower + titled):
        return 1
    if titled == 0 and lower >= 3 and upper <= lower // 3:
        return -1
    return 0


# a title that is also a noun, the subject of a verb after it ("the doctor say"); never
# "Mrs. black", "mr. love", nor the short "dr. little"
_TITLE_NOUNS = frozenset(("doctor", "doc"))
# modal verbs: a title before one is "the doctor will ...", unless no verb follows it
_MODALS = frozenset("will may can might must shall".split())
# words no verb is: after a modal they show it is a name ("Dr Will in 4", "dr will and")
_NOT_VERBS = frozenset("and or in at from with is was".split())


def _no_verb_after(norms: list[str], gaps: list[str], i: int) -> bool:
    """Whether word i ends its clause or stands before a word no verb is."""
    if i + 1 >= len(norms):
        return True
    g = gaps[i + 1].strip()[:1]
    return g in tuple(",.;:)!?|—–-") or (g == "" and norms[i + 1] in _NOT_VERBS)


# what the patient does, said of them in the present ("pt hope needs a K")
_PT_DOES = frozenset("has says wants needs reports states denies speaks prefers requests "
                     "refuses understands agrees asks".split())


# what ends a field of an OR board line ("OR 2: LAP CHOLE — KNOX, JO — DELAYED")
_FIELD_MARKS = ("—", "–", ":")


def _field_ends(gaps: list[str], j: int) -> bool:
    """Whether the field ends before token j: the line's end, a dash, bar or semicolon."""
    return j >= len(gaps) or "\n" in gaps[j] or gaps[j].strip()[:1] in ("—", "–", "|", ";")


def _inverted(toks: list[Token], flags: list[int], gaps: list[str], i: int) -> bool:
    """Tokens i, i + 1 read as "Surname, Given": a name, a comma, a given name, alike cased."""
    a, b = toks[i][2], toks[i + 1][2]
    return gaps[i + 1] == ", " and bool(flags[i] & lx.NAMEISH) \
        and bool(flags[i + 1] & lx.FIRST) and not (flags[i] | flags[i + 1]) & lx.NOT_NAME \
        and len(a) > 1 and a[0].isupper() == b[0].isupper()


def _name_slot(norms: list[str], gaps: list[str], i: int, f: int) -> bool:
    """After "pt", an ordinary word stands where a name goes: "pt small, 99 yo",
    "pt rose from Bisbee", "pt frank NPO", "pt hope needs" (not "pt still in pain",
    "pt still needs")."""
    n = len(norms)
    if i + 1 >= n:
        return True
    g = gaps[i + 1]
    if g.strip()[:1] in (",", ".", ";", "(", ")") or any(map(str.isdigit, g)):
        return True
    return g == " " and (norms[i + 1] in ("is", "from", "npo", "here") or (
        norms[i + 1] in _PT_DOES and not f & lx.VERY_COMMON
        and gaps[i].strip(" :") == ""))  # not "the patient's record has"


def _staff_honorific(raw: str) -> bool:
    """Staff by role with an honorific: "看護師さん", "師長さん"."""
    return raw.endswith(_HONORIFICS) and raw[:-1].rstrip("さ") in _STAFF_STEMS


def _bare_word(raw: str, f: int) -> bool:
    """A Latin word before a lone honorific that is no name ("Called さん 山田太郎", "Ａ さん"):
    the honorific then cues the words after it, as before."""
    if len(raw) == 1:
        return True
    return not f & (lx.FIRST_TOP | lx.LAST_TOP) and bool(
        f & (lx.ENGLISH | lx.MEDICAL | lx.CUE | lx.COMMON)
        or (raw.isupper() and len(raw) <= 3))  # "OK さん", "PT さん": an abbreviation


_KANJI_NAME = re.compile(f"[{KANJI}]{{2,4}}")
_GLUED_NAME = re.compile(f"[{KANJI}]{{1,3}}[{HIRAGANA}]{{2,4}}")
_GIVEN = re.compile(f"[{KANJI}]{{1,3}}|[{HIRAGANA}]{{2,4}}|[{KATAKANA}]{{2,6}}")


def _name_words(raw: str) -> int:
    """How many words a name _name_shape found spans: one glued ("佐藤花子"), or two."""
    return 1 if _GLUED_NAME.fullmatch(raw) or len(raw) >= 3 else 2


def _name_shape(toks: list[Token], gaps: list[str], i: int) -> bool:
    """The word after "看護師さん" as a name: family and given glued
    ("佐藤花子", "鈴木さくら"), or a family name and its given name after a blank ("山田
    太郎"); not "交代 済み", "不在、"."""
    raw = toks[i][2]
    if _GLUED_NAME.fullmatch(raw) is not None:
        return True
    if _KANJI_NAME.fullmatch(raw) is None:
        return False
    return len(raw) >= 3 or (i + 1 < len(toks) and gaps[i + 1] in (" ", "\u3000")
                             and _GIVEN.fullmatch(toks[i + 1][2]) is not None)


def _classified(norms: list[str], gaps: list[str], i: int) -> bool:
    """Whether token i (or the hyphenated compound it starts) is followed by a grade or
    classification: "Tanner 4", "Gleason 4+3", "Clark IV", "Child-Pugh B", "Cobb angle"."""
    n = len(norms)
    j = i + 1
    while j < n and gaps[j] in ("-", "–") and j - i < 3:
        j += 1
    g = gaps[j] if j < n else ""
    if g[:1] == " " and g[1:2].isdigit():
        return True
    if j < n and g[:1] == "-" and g[1:2].isdigit():
        return False
    return j < n and g in (" ", "-") and norms[j] in CLASS_MARKS


def _initial(gaps: list[str], norms: list[str], i: int, soft: bool = False) -> bool:
    """Whether token i starts a sentence (soft: or a comma-separated clause)."""
    if i == 0:
        return True
    g = gaps[i]
    if any(map(_BOUNDARY.__contains__, g)):
        return not (g.strip() == "." and norms[i - 1] in _ABBREV_DOT)
    return soft and "," in g
