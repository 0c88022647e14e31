"""A facility a patient is moved from or to, hidden whole when the older rules found a
part of it: they take "Mercy Hospital" and "Clark County" and show the " of " between,
take "Willow Creek" of "Willow Creek Care, Marion", or "Dayton" of "Select Rehab, Dayton".
After a move's words ("transferred from", "transport to", "picked up at", "outside
hospital"), or after "from"/"to"/"at" when a facility's word is in the run ("Care",
"Rehab", "Manor", "Hospital"), the run of capitalised words (with "of", "the", "&") and
a town after its comma become one place.

The run ends before "for" ("from [X] for L BKA": a procedure) and a day ("Thursday").
The run also ends, after its facility's word (or after its first word when it has none),
at a word no facility's name holds: a capitals' abbreviation ("CXR", "NPO"), a device's
"A-line", a plain English word, no name's or town's ("Patient", "Plan", "Surgery" of "Day
Surgery", "Lab" of "Cath Lab"), or a last word a lower-case word follows ("Foley in place",
"Vancomycin started"; after a facility's word only: "to Riverside Methodist for"), unless
a rule found it ("Clark County").
Kept: a run nobody found a part of ("transferred to Intensive Care Unit"), a run led by
a title ("Dr", "Mr": the staff's and people's names keep their own rules), units' and
systems' capitals in the run's way ("ICU", "MRN", "ECMO" end it).

A newer rule (NEWER_RULES): it only adds (a span over ones found).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import lexicon as lx
from .covered import Covered, Holders

RULE = "transfer_place"
_PRIO = 1

Span = tuple[int, int, str, str, int]

_MOVE = re.compile(
    r"(?i)(?<![\w-])(?:(?:transferr?(?:ed|ing)?|transport(?:ed)?|discharg(?:ed|ing)|return(?:ed"
    r"|ing)?|sent|brought|picked[ \t]+up|arriv(?:ed|ing)|en[ \t]+route|headed|bound|moved"
    r"|retrieved|back)[ \t]+(?:back[ \t]+)?(?:from|to|at)|outside[ \t]+(?:hospital|facility)"
    r"|(?:from|to|at))[ \t]+(?:(?:the[ \t]+)?outside[ \t]+(?:hospital|facility)[ \t]+)?$")
# the last letter of _MOVE's last word, before its blanks
_MOVE_LAST = frozenset("mMoOtTlLyY")
# (a full stop ends the run, but for a saint's or a mount's "St." and "Mt.")
_WORD = r"(?:(?:St|Mt|Ft)\.|[A-Z][\w'\u2019-]*|&)"
_RUN = re.compile(rf"{_WORD}(?:[ \t]+(?:(?:of|the|de)[ \t]+)?{_WORD}){{0,7}}")
_LEFT = re.compile(rf"(?<![\w'\u2019.&-]){_WORD}(?:[ \t]+(?:(?:of|the|de)[ \t]+)?{_WORD})*"
                   r"[ \t]+$")
_BEFORE_COMMA = re.compile(rf"(?<![\w'\u2019.&-]){_WORD}(?:[ \t]+(?:(?:of|the|de)[ \t]+)?"
                           rf"{_WORD})*$")
_CITY = re.compile(r",[ \t]+([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)(?=[ \t]*(?:$|[,.;:)]))")
_FACILITY = frozenset(
    "care rehab hospital clinic center centre home manor gardens village living lodge house "
    "hospice medical health regional general children's memorial nursing residence terrace "
    "estates heights infirmary institute campus sanatorium retirement assisted".split())
_TITLES = frozenset("dr dr. mr mr. mrs mrs. ms ms. miss prof prof. rn nurse sister "
                    "doctor surgeon".split())
_ENDS = frozenset("ICU OR ED ER MRN DOB ECMO PACU CT MRI ALS BLS EMS DNR ASA HR BP RN MD "
                  "CCU NICU PICU HDU SDU ICU's".split())
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday today tomorrow "
                  "yesterday tonight".split())
_JOINERS = frozenset(("of", "the", "de", "&"))
_CUE_HINTS = ("from ", "to ", "at ", "hospital ", "facility ")
# a facility's kind in capitals before its name: "to SNF [Maple Grove] Care Center" keeps it
_KIND_HEADS = frozenset("SNF LTAC LTACH IRF ALF OSH NH ECF SAR LTC".split())
_AFTER_HEADS = re.compile(rf"(?:(?:{'|'.join(sorted(_KIND_HEADS))})[ \t]+)+")

Flags = Callable[[str], int]
_TOKEN = re.compile(r"\S+")
_LOWER_NEXT = re.compile(r"[ \t]+[a-z]")
_ABBREV = re.compile(r"[A-Z]{2,}s?|\w+-[a-z][\w-]*")
# a facility's name's words past its kind that read as English ("Clark County", "Summa
# Health System")
_NAME_TAIL = frozenset("county city township parish borough system foundation network "
                       "university campus north south east west".split())
# (a multi-word place's head is no name's word here: "Plan", "Good" lead places too)
_PROPER = lx.FIRST | lx.LAST | lx.TOWN | lx.CITY | lx.COUNTY | lx.STATE


def _tail_cut(text: str, start: int, run: str, flags_of: Flags,
              found: Callable[[int, int], bool]) -> int:
    """How many of the run's words a facility's name holds: it stops at a plain English
    word, an abbreviation, or a last word with a lower-case word after it."""
    toks = [(start + t.start(), start + t.end(), t.group()) for t in _TOKEN.finditer(run)]
    low = [w.lower().strip(".,") for _s, _e, w in toks]
    kind = next((i for i, w in enumerate(low) if w in _FACILITY), None)
    for i in range((kind + 1) if kind is not None else 1, len(toks)):
        s, e, word = toks[i]
        if word in _JOINERS or low[i] in _FACILITY or low[i] in _NAME_TAIL or found(s, e):
            continue
        flags = flags_of(word.strip(".,"))
        if (_ABBREV.fullmatch(word.strip(".,"))
                or (flags & lx.ENGLISH and not flags & _PROPER)
                or (kind is not None and i == len(toks) - 1 and _LOWER_NEXT.match(text, e))):
            return i
    return len(toks)


def scan(text: str, merged: list[Span], flags_of: Flags | None = None) -> list[Span]:
    """Whole facilities over the parts found of them."""
    if not merged or not any(map(text.__contains__, _CUE_HINTS)):
        return []
    found: list[Span] = []
    seen: set[int] = set()
    # (a binary search a question, not a pass over every span for every span: "from
    # Springfield" a thousand times; built at the first run after a move's word, which
    # most notes never reach)
    cover: Covered | None = None
    holders: Holders | None = None

    # (cheap: from each span found, back to its run's first capital, not every run)
    for s0, _e0, *_ in merged:
        if s0 >= len(text) or not text[s0].isupper():
            continue
        left = _LEFT.search(text, max(0, s0 - 60), s0)
        first = left.start() if left is not None else s0
        if text[max(0, first - 2):first] == ", ":  # a town found after its facility
            before = _BEFORE_COMMA.search(text, max(0, first - 62), first - 2)
            if before is not None:
                first = before.start()
        if first in seen:
            continue
        seen.add(first)
        if text[first - 1:first] not in (" ", "\t") or \
                text[max(0, first - 60):first].rstrip(" \t")[-1:] not in _MOVE_LAST:
            continue  # (cheap first: _MOVE's last word, "from", "to", "at", "hospital"...)
        m = _RUN.match(text, first)
        if m is None:
            continue
        if cover is None or holders is None:
            cover = Covered((sp[0], sp[1]) for sp in merged)
            holders = Holders((sp[0], sp[1]) for sp in merged)
        words = m.group().split()
        if words[0].lower() in _TITLES:
            continue
        cue_at = m.start()  # where the move's words end
        skip = 0
        while skip < len(words) - 1 and words[skip] in _KIND_HEADS:
            skip += 1
        if skip:  # the kind's letters stay, the run starts at the name
            heads = _AFTER_HEADS.match(text, cue_at)
            m = _RUN.match(text, heads.end()) if heads is not None else None
            if m is None:
                continue
            words = m.group().split()
        cut = next((i for i, w in enumerate(words) if w.strip(".,") in _ENDS
                    or w.lower().strip(".,") in _DAYS), len(words))
        if flags_of is not None:
            cut = min(cut, _tail_cut(text, m.start(), m.group(), flags_of, cover.overlaps))
        while cut and words[cut - 1] in _JOINERS:
            cut -= 1  # "Summa Health for [ECMO]": the joiner before the unit's word
        if cut == 0:
            continue
        start = m.start()
        end = start + len(" ".join(words[:cut])) if cut < len(words) else m.end()
        end = start + len(text[start:end].rstrip(" \t.-&"))
        if not cover.overlaps(start, end + 40):
            continue  # (cheap first: nothing found in or just after the run)
        before = _MOVE.search(text, max(0, cue_at - 48), cue_at)
        if before is None:
            continue
        low = {w.lower().strip(".,") for w in words[:cut]}
        plain = before.group().strip().lower() in ("from", "to", "at")
        if plain and low.isdisjoint(_FACILITY):
            continue  # "to Radiology", "from Bay 4": no facility's word
        city = _CITY.match(text, end)
        stop = city.end(1) if city is not None else end
        if " " not in text[start:stop].strip() and city is None:
            continue  # one word: the older rules' to take or leave
        if not cover.overlaps(start, stop):
            continue  # no part of it found: "transferred to Intensive Care Unit"
        if holders.holds(start, stop):
            continue  # found whole already
        found.append((start, stop, "LOCATION", RULE, _PRIO))
    return found
