"""A picture of the patient told as one phrase: its kind, the file or code it went by and
what it shows ("wound [photo] with face visible [IMG_2207]", "[face pic] sent to the
group [IMG_88]", "[IMG_4410.jpg] (full face)", "intake [photo (face)] [2026-01-05] 08:15").

Why: the mention and the file name were each found, but the words between and around them
(where it was sent, what it shows) were left as typed; a reader still learns which file
on which screen held the face. Joined, the whole phrase reads "[PHOTO]".

Only PHOTO spans grow, never a new one: a note with no picture found stays as it was.
Joined: a PHOTO span and a code after it (photo, biometric or other identifier) in the
same clause, no more than a few words apart; a date only right after it. Widened: a short
bracket right after ("(shows pt face)"), "full face" / "with face visible" after, a time
after a joined date, and the picture's kind before ("wound", "ID card", "the pt").
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_CODES = frozenset(("PHOTO", "BIOMETRIC", "OTHERID", "DEVICE"))
# the words between a picture and its code: one clause, a few words ("sent to OR group",
# "on phone for ID, "); a sentence's end, a bar, a dash or a semicolon ends the phrase
_GAP = re.compile(r"[^.;|!?\n]{0,40}")
_BREAK = re.compile(r"\s[-–—]+\s|\s(?:and|but|then)\s")
_BLANK = re.compile(r"[ \t]*")
_AFTER = re.compile(
    r"[ \t]*(?:\((?=[^()\n]{0,40}\))[^()\n]*\)|(?:full[\s-]face|with\s+(?:the\s+)?face"
    r"(?:\s+visible)?)(?![\w-]))", re.IGNORECASE)
_TIME = re.compile(r"[ \t]+[0-2]?\d:[0-5]\d(?!\d)")
# the picture's kind or owner, right before it: "wound", "ID card", "trauma", "the pt"
_KIND = re.compile(
    r"(?i)(?<![\w'’-])(?:(?:the|a|an|pt'?s?|patient'?s?|wound|trauma|ED|ID|card|badge|"
    r"intake|transport|admission|registration|chart|phone|clinical|teaching)[ \t]+){0,3}"
    # "photo with face visible [IMG_2207]", "card scan with the face, [IMG_9]"
    r"(?:(?:photo|pic|picture|image|scan)(?:[ \t]+scan)?[ \t]+with[ \t]+(?:the[ \t]+)?"
    r"face(?:[ \t]+visible)?,?[ \t]+)?$")


def widen(text: str, spans: list[Span]) -> bool:
    """Join and widen PHOTO spans as above (`spans` sorted, not overlapping); True when
    one changed."""
    if not any(sp[2] == "PHOTO" for sp in spans):
        return False
    changed = False
    out: list[Span] = []
    k = 0
    while k < len(spans):
        s, e, cat, rule, prio = spans[k]
        k += 1
        if cat != "PHOTO":
            out.append((s, e, cat, rule, prio))
            continue
        start, end = s, e
        while k < len(spans):
            ns, ne, ncat = spans[k][0], spans[k][1], spans[k][2]
            gap = text[end:ns]
            if ncat == "DATE" and _BLANK.fullmatch(gap):
                end = ne
                if (t := _TIME.match(text, end)) is not None and (
                        k + 1 == len(spans) or t.end() <= spans[k + 1][0]):
                    end = t.end()
            elif ncat in _CODES and _GAP.fullmatch(gap) and not _BREAK.search(gap):
                end = ne
            else:
                break
            k += 1
        nxt = spans[k][0] if k < len(spans) else len(text)  # never over the span after
        if (m := _AFTER.match(text, end)) is not None and m.end() <= nxt:
            end = m.end()
        lead = max(out[-1][1] if out else 0, start - 80)  # the kind is a few words
        if (m := _KIND.search(text, lead, start)) is not None and m.start() < start:
            start = m.start()
        changed |= (start, end) != (s, e)
        out.append((start, end, "PHOTO", rule, prio))
    spans[:] = out
    return changed
