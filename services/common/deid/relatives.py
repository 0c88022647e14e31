"""Names of relatives, visitors and household members after cue words the name scanner
does not know (attack/report.md H7; Safe Harbor names "relatives, employers, household
members"): "brother-in-law Brambleby", "Brambleby's wife", "visitor Xavriel Pemberdine".

A capitalised word no lexicon knows after such a cue (or before "'s wife") is a name; a
capitalised English word there ("visitor Rose") may be one, so it is redacted as a guess
and the note goes to a person (`review`).
"""

from __future__ import annotations

import re

from . import lexicon as lx

Span = tuple[int, int, str, str, int]
Token = tuple[int, int, str]

CUES = frozenset((
    "visitor visitors roommate housemate flatmate landlord landlady employer boss coworker "
    "colleague stepfather stepmother stepbrother stepsister godmother godfather godson "
    "goddaughter companion carer sponsor fiance fiancé fiancee exwife exhusband "
    "grandchild grandkid granddad grandmom").split())
RELATIONS = frozenset((
    "wife husband daughter son mother father mom mum dad brother sister spouse partner "
    "fiance fiancee grandson granddaughter grandmother grandfather niece nephew aunt uncle "
    "guardian caregiver friend boyfriend girlfriend cousin family kids children").split())
_IN_LAW_HEADS = frozenset(
    "brother sister mother father son daughter brothers sisters sons daughters".split())
_POSSESSIVE = re.compile(rf"['’]s (?:{'|'.join(sorted(RELATIONS))})\b")
_WORD = lx.ENGLISH | lx.MEDICAL | lx.EPONYM | lx.STATE | lx.MONTH | lx.WEEKDAY | lx.CUE


def scan(text: str, toks: list[Token], norms: list[str], flags: list[int],
         out: list[Span]) -> None:
    n = len(toks)
    gaps = None
    if not CUES.isdisjoint(norms) or "law" in norms:
        gaps = [text[toks[i - 1][1]:toks[i][0]] if i else "" for i in range(n)]
        for i in range(n - 1):
            if norms[i] in CUES or (norms[i] == "law" and i >= 2 and norms[i - 1] == "in"
                                    and norms[i - 2] in _IN_LAW_HEADS and gaps[i] == "-"):
                j = i + 1
                if gaps[j] not in (" ", ": ", " - ", ", "):
                    continue
                while j < n and j <= i + 2 and (j == i + 1 or gaps[j] == " ") \
                        and _name_like(toks[j][2], flags[j]) \
                        and not (j + 1 < n and gaps[j + 1][:1] == ":"):  # "Visitor Badge:"
                    _add(toks[j], flags[j], out)
                    j += 1
    if _POSSESSIVE.search(text):
        for i in range(n - 1):
            raw = toks[i][2]
            if raw[-2:] in ("'s", "’s") and norms[i + 1] in RELATIONS \
                    and text[toks[i][1]:toks[i + 1][0]] == " " and _name_like(raw[:-2], flags[i]):
                _add((toks[i][0], toks[i][1] - 2, raw[:-2]), flags[i], out)


def _name_like(raw: str, f: int) -> bool:
    return len(raw) > 1 and raw[:1].isupper() and not raw.isupper() \
        and not f & (lx.MEDICAL | lx.CUE)  # "ex Mr. Smith": the title's own rule decides


def _add(tok: Token, f: int, out: list[Span]) -> None:
    s, e, _raw = tok
    sure = not f & _WORD
    out.append((s, e, "NAME", "cue_relative" if sure else "guess_relative", 1))
