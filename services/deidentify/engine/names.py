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

from . import lexicon as lx
from .casematch import FUZZY, NAME, STOP, CaseMatcher, scan_initials
from .identifiers import PARTICLES, normalise
from .model import AMBIGUOUS_NAME, UNCERTAIN_NAME
from .places import city_at

Span = tuple[int, int, str, str, int]
Token = tuple[int, int, str]

TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
TITLE, RELATION, ROLE, PATIENT, WEAK = 1, 2, 3, 4, 5
CUES: dict[str, int] = {w: TITLE for w in
                        "mr mrs ms miss mx dr doctor prof professor named aka".split()}
CUES.update({w: RELATION for w in (
    "wife husband daughter son mother father mom mum dad brother sister spouse partner fiance "
    "fiancee grandson granddaughter grandmother grandfather grandma grandpa niece nephew aunt "
    "uncle guardian caregiver friend boyfriend girlfriend cousin stepson stepdaughter sibling "
    "neighbor neighbour").split()})
CUES.update({w: ROLE for w in (
    "rn crna circulator circulating scrub tech resident attending fellow surgeon anesthesiologist "
    "anesthetist anaesthetist anesthesia anaesthesia pa np intern rep nurse midwife perfusionist "
    "assistant assist md surg fyi").split()})
STRONG_ROLES = frozenset(
    "rn crna circulator scrub tech resident attending fellow surgeon pa np intern nurse".split())
CUES.update({"pt": PATIENT, "patient": PATIENT, "pts": PATIENT})
CUES.update({w: WEAK for w in (
    "with per by spoke paged notified updated informed asks asked told contacted thanks "
    "called seen cc").split()})
INSTRUMENT = frozenset((
    "clamp clamps forceps retractor retractors scissors blade blades drain drains catheter sign "
    "point maneuver manoeuvre incision pouch triangle repair procedure needle port position "
    "stand elevator score classification tube stitch suture hook dissector tray cannula balloon "
    "bag pack test reflex fracture operation technique line ligament space approach wrap loop "
    "kit sponge sponges tip sucker trocar diverticulum node clip clips").split())
PHRASES = frozenset(("da vinci", "bair hugger", "boston scientific", "karl storz", "endo gia",
                     "smith nephew", "ray tec", "ray-tec", "johnson johnson"))
_ABBREV_DOT = frozenset("dr mr mrs ms st vs no approx pt prof sr jr".split())
_BOUNDARY = frozenset(".!?;:\n•")
_NAME_GAP = re.compile(r"[ \t]{1,2}|\.\s?|,\s|\s?-\s?")
_PICK = lx.NAMEISH | lx.CITY | lx.CITY_HEAD | lx.PHRASE
# Flag bits the engine asks the lexicon to set for this module's own word sets.
LEXICON_EXTRA: dict[int, frozenset[str]] = {
    lx.CUE: frozenset([*CUES, "is"]),
    lx.PHRASE: frozenset(p.replace("-", " ").split()[0] for p in PHRASES),
}


class NameScanner:
    def __init__(self, lex: lx.Lexicon, staff_allow_list: tuple[str, ...]) -> None:
        self._flags = lex.flags
        self._multi = lex.multi_cities
        self._phrases = lex.eponym_phrases | PHRASES
        # raw token -> (normalised, flags); bounded, rebuilt when full. Holds note words in
        # process memory only (never logged), like the note itself.
        self.memo: dict[str, tuple[str, int]] = {}
        self._allow: set[str] = set()
        self._allow_last: set[str] = set()
        for full in staff_allow_list:
            parts = [normalise(p) for p in TOKEN.findall(full)]
            parts = [p for p in parts if p not in CUES]
            self._allow.update(parts)
            if parts:
                self._allow_last.add(parts[-1])

    def lookup(self, raw: str) -> tuple[str, int]:
        hit = self.memo.get(raw)
        if hit is None:
            norm = normalise(raw)
            hit = (norm, self._flags.get(norm, 0))
            if len(self.memo) > 100_000:
                self.memo.clear()
            self.memo[raw] = hit
        return hit

    def scan(self, text: str, toks: list[Token], norms: list[str], flags: list[int],
             case: CaseMatcher | None, out: list[Span], reasons: set[str]) -> None:
        n = len(toks)
        if not n:
            return
        gaps = [text[toks[i - 1][1]:toks[i][0]] if i else text[:toks[0][0]] for i in range(n)]
        rule: list[str | None] = [None] * n
        skip = [False] * n

        if case is not None:  # 1. the case's own identifiers
            decided, decide, has = case.decided, case.decide, case.has
            for i, nm in enumerate(norms):
                d = decided.get(nm)
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
        picked = [i for i in range(n) if flags[i] & _PICK or (i and flags[i - 1] & lx.CUE)]
        for i in picked:  # 2-3. cues, lexicons, cities
            f = flags[i]
            nm = norms[i]
            if f & lx.PHRASE and i + 1 < n and len(gaps[i + 1]) <= 1 \
                    and nm + gaps[i + 1] + norms[i + 1] in phrases:
                skip[i] = skip[i + 1] = True
            if rule[i] or skip[i]:
                continue
            c = 0
            if i and flags[i - 1] & lx.CUE:
                prev = norms[i - 1]
                c = CUES.get(prev, 0)
                if c:
                    g = gaps[i]
                    if len(g) > 3 or any(ch.isdigit() or ch in "!?;\n" for ch in g) or (
                            c == TITLE and g.strip() not in ("", ".")):
                        c = 0
                elif prev == "is" and i >= 2 and norms[i - 2] == "name":
                    c = TITLE
            if not c and not f & _PICK:
                continue
            s, _e, raw = toks[i]
            cap = raw[0].isupper()
            if len(raw) == 1:
                if cap and c == TITLE:
                    rule[i] = "cue_title"
                continue
            if f & (lx.CITY | lx.CITY_HEAD):
                last = city_at(toks, norms, flags, gaps, i, self._multi)
                if last >= 0:
                    for k in range(i, last + 1):
                        rule[k] = "city"
                    out.append((s, toks[last][1], "LOCATION", "city", 1))
                    continue
            r = self._classify(raw, f, c, cap, norms, gaps, i, reasons)
            if r:
                rule[i] = r

        if any(rule):
            self._widen(toks, norms, flags, gaps, rule, skip)
            self._emit(text, toks, norms, gaps, rule, out)

    def _classify(self, raw: str, f: int, c: int, cap: bool, norms: list[str],
                  gaps: list[str], i: int, reasons: set[str]) -> str | None:
        word = f & (lx.ENGLISH | lx.MEDICAL)
        nameish = f & lx.NAMEISH
        if c == TITLE:
            return "cue_title" if cap or not word or nameish else None
        if c == RELATION and cap:  # "daughter Alexis", "wife Joy": a name even if a word
            return "cue_relation"
        if c == ROLE and cap and nameish and not self._instrument(norms, gaps, i):
            return "cue_role"  # "RN Alexis", "circulator Kelly" (not "scrub Kelly clamp")
        if f & lx.EPONYM or (f & lx.EPONYM_CTX and self._instrument(norms, gaps, i)):
            return None
        if f & lx.MEDICAL:
            return None
        if c == RELATION:
            if nameish and not word:
                return "cue_relation"
            if f & lx.FIRST:
                reasons.add(AMBIGUOUS_NAME)
                return "cue_relation_ambiguous"
        elif c in (ROLE, PATIENT):
            if (cap and (nameish or not word)) or (not word and len(raw) > 2 and (
                    nameish or norms[i - 1] in STRONG_ROLES or ":" in gaps[i])):
                return "cue_role" if c == ROLE else "cue_patient"
            if c == ROLE and f & lx.FIRST_TOP:
                reasons.add(AMBIGUOUS_NAME)
                return "cue_role_ambiguous"
        elif c == WEAK and cap and not nameish and not word and len(raw) > 2 \
                and not _initial(gaps, norms, i):
            reasons.add(UNCERTAIN_NAME)
            return "cue_uncertain"
        if not nameish:
            return None
        if cap and not word and (not raw.isupper() or len(raw) > 3):
            return "lexicon_name"
        if cap and not raw.isupper() and f & lx.FIRST and not _initial(gaps, norms, i, soft=True):
            return "lexicon_name_capitalised"
        if not cap and f & (lx.FIRST_TOP | lx.LAST_TOP) and not word and len(raw) > 3:
            return "lexicon_name_lower"
        return None

    def _instrument(self, norms: list[str], gaps: list[str], i: int) -> bool:
        n = len(norms)
        if i + 1 < n and len(gaps[i + 1]) <= 2 and norms[i + 1] in INSTRUMENT:
            return True
        return i + 2 < n and norms[i + 1] == "and" and norms[i + 2] in INSTRUMENT

    def _widen(self, toks: list[Token], norms: list[str], flags: list[int],
               gaps: list[str], rule: list[str | None], skip: list[bool]) -> None:
        n = len(toks)
        for _ in range(4):
            changed = False
            for i in [k for k in range(n) if rule[k] and rule[k] != "city"]:
                j = i + 1
                if j < n and not rule[j] and not skip[j]:
                    g, raw, f = gaps[j], toks[j][2], flags[j]
                    ok_gap = g in (" ", "  ", "-") or (g == ", " and f & lx.FIRST)
                    good = not f & (lx.MEDICAL | lx.NOT_NAME) and len(raw) > 1
                    title = raw[0].isupper() and not raw.isupper()
                    # "attending jess park": a cued given name takes the next plain word
                    cued_first = (rule[i] or "").startswith("cue_") and flags[i] & lx.FIRST \
                        and not f & (lx.FIRST_TOP | lx.MONTH | lx.STATE) and g == " " \
                        and len(raw) > 2 and norms[j] not in CUES and norms[j] not in STOP
                    if ok_gap and good and (
                            (raw[0].isupper() and f & lx.NAMEISH)
                            or (title and not f & lx.ENGLISH)
                            or (f & lx.NAMEISH and not f & lx.ENGLISH and g != ", ")
                            or (cued_first and (f & lx.LAST or not f & lx.ENGLISH))):
                        rule[j], changed = "name_pair", True
                j = i - 1
                if j >= 0 and not rule[j] and not skip[j] and gaps[i] in (" ", ". ", ".", "-"):
                    raw, f, nm = toks[j][2], flags[j], norms[j]
                    if (len(raw) == 1 and raw.isalpha() and gaps[i] != "-") or (
                            nm in PARTICLES and gaps[i] in (" ", "-")) or (
                            raw[0].isupper() and f & lx.FIRST and not f & (lx.MEDICAL | lx.NOT_NAME)
                            and gaps[i] == " " and nm not in CUES):
                        rule[j], changed = "name_pair", True
            if not changed:
                break

    def _emit(self, text: str, toks: list[Token], norms: list[str], gaps: list[str],
              rule: list[str | None], out: list[Span]) -> None:
        i, n = 0, len(toks)
        while i < n:
            r = rule[i]
            if not r or r == "city":
                i += 1
                continue
            j = i
            while j + 1 < n and rule[j + 1] and rule[j + 1] != "city" \
                    and _NAME_GAP.fullmatch(gaps[j + 1]):
                j += 1
            run = range(i, j + 1)
            from_case = any((rule[k] or "").startswith("case") for k in run)
            if not from_case and self._allow and all(norms[k] in self._allow for k in run) \
                    and any(norms[k] in self._allow_last for k in run):
                i = j + 1
                continue
            best = next((rule[k] for k in run if (rule[k] or "").startswith("case")), r)
            end = toks[j][1]
            if len(toks[j][2]) == 1 and text[end:end + 1] == ".":
                end += 1  # an initial's full stop: "J." -> "[NAME]"
            out.append((toks[i][0], end, "NAME", best or r, 3 if from_case else 1))
            i = j + 1


def _initial(gaps: list[str], norms: list[str], i: int, soft: bool = False) -> bool:
    """Whether token i starts a sentence (soft: or a comma-separated clause)."""
    if i == 0:
        return True
    g = gaps[i]
    if any(c in _BOUNDARY for c in g):
        return not (g.strip() == "." and norms[i - 1] in _ABBREV_DOT)
    return soft and "," in g
