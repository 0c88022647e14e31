"""attack15, item 3: `dates._mk` now refuses a month or day out of range before
`datetime.date` would raise, and the engine looks its cue words up in the note's word
set. Attacked: the case's DOB in day-31-of-a-30-day-month, 29 February, two-digit years,
day/month order either way, glued digits, month words; an impossible date typed for
the DOB; cue words in other cases (capitals, possessive). All stopped (regressions)."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest

from services.common.deid import CaseIdentifiers, Engine, dates

from .attack_cases import AUTO


def _mk_before(y: int, m: int, d: int) -> str | None:
    """`dates._mk` before today's change: whatever `datetime.date` says."""
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def test_mk_says_what_datetime_says_for_every_day_month_and_year_shape() -> None:
    for y in (1, 1900, 1960, 1961, 2000, 2024, 9999):
        for m in range(-2, 16):
            for d in range(-2, 40):
                assert dates._mk(y, m, d) == _mk_before(y, m, d), (y, m, d)


def _forms(iso: str) -> list[str]:
    y, m, d = iso.split("-")
    mi, di, yy = int(m), int(d), y[2:]
    month, abbr = calendar.month_name[mi], calendar.month_abbr[mi]
    return [f"{mi}/{di}/{y}", f"{di}/{mi}/{y}", f"{mi}/{di}/{yy}", f"{di}/{mi}/{yy}",
            f"{m}{d}{yy}", f"{d}{m}{yy}", f"{y}{m}{d}", f"{month} {di}, {y}",
            f"{di} {month} {y}", f"{abbr} {di} {yy}", f"{di}-{abbr}-{yy}", f"{mi}.{di}.{yy}",
            f"{mi}-{di}-{yy}", f"{y}/{m}/{d}", f"{mi} {di} {y}", f"{month} {di}th {y}"]


@pytest.mark.parametrize("dob", ["1961-04-30", "1960-02-29", "1961-12-31", "2001-01-02",
                                 "1961-11-03", "1961-03-14"])
def test_the_case_dob_at_month_edges_never_reaches_students(engine: Engine, dob: str) -> None:
    case = CaseIdentifiers.from_plain(names=["Zorbek Quillfeather"], mrn="0048213", dob=dob,
                                      key=b"k" * 32)
    for written in _forms(dob):
        for form in ("DOB {} stable", "pt born {} ok", "admitted {} to bay 2", "seen {}, ok",
                     "PT'S DOB {} STABLE", "Admitted {}. Incision now."):
            r = engine.deidentify(form.format(written), case)
            assert not (r.verdict in AUTO and written in r.text), form.format(written)


@pytest.mark.parametrize("note", ["DOB 4/31/1961 stable", "DOB 2/29/1961 stable",
                                  "DOB 31.06.61 stable", "born 30 Feb 1961, stable"])
def test_an_impossible_date_after_a_birth_cue_is_still_removed(engine: Engine,
                                                                note: str) -> None:
    r = engine.deidentify(note)
    written = note.split(" ", 1)[1].rsplit(" ", 1)[0].rstrip(",")
    assert written not in r.text or r.verdict not in AUTO, r.text


@pytest.mark.parametrize("note", ["Pt called Tank by his mates", "PATIENT ZORBEK TO BAY 2",
                                  "account V4572916198 FOR Ambeer.", "his cell ENDS in 4471",
                                  "lives at 42 Wallaby CRESCENT"])
def test_cue_words_in_any_case_still_open_their_scan(engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert r.verdict not in AUTO or r.text != note
