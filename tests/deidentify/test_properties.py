"""Property tests: registered identifiers never survive; any input is handled safely."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.common.deid import CaseIdentifiers, Engine, Result
from services.common.deid.casematch import STOP
from services.common.deid.identifiers import PARTICLES, name_forms, normalise
from services.common.deid.names import TOKEN

CORPUS = Path(__file__).resolve().parents[1] / "data" / "deid_corpus.jsonl"
BASES = [row["text"] for row in map(json.loads, CORPUS.read_text("utf-8").splitlines())
         if not row["entities"]][:300]
KEY = b"property-key-0123456789"
ENGINE = Engine()
FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])
TAG = re.compile(r"\[[A-Z]+\]")

part = st.from_regex(r"[A-Z][a-z]{1,9}", fullmatch=True).filter(
    lambda w: normalise(w) not in STOP and normalise(w) not in PARTICLES)
tricky = st.sampled_from(["O'Brien", "García", "Müller", "Nguyen", "Al-Sayed", "Ng", "Li",
                          "Fitzgerald-Hughes", "McAllister", "Zoë", "Björn", "Rose", "Will"])
DOB_FORMATS = ["%m/%d/%Y", "%-m/%-d/%y", "%Y-%m-%d", "%B %-d, %Y", "%-d %b %Y", "%d%m%Y",
               "%m-%d-%Y", "%b. %-d %Y"]


def _insert(base: str, at: int, phrase: str) -> str:
    words = base.split(" ")
    at %= len(words) + 1
    return " ".join([*words[:at], phrase, *words[at:]])


def _check_shape(text: str, r: Result) -> None:
    assert r.verdict in ("clean", "redacted", "review", "quarantine")
    prev_end = 0
    for f in r.findings:
        assert 0 <= prev_end <= f.start < f.end <= len(text)
        prev_end = f.end
    if r.text or not r.reasons:
        rebuilt, pos = [], 0
        for f in r.findings:
            rebuilt += [text[pos:f.start], f"[{f.category}]"]
            pos = f.end
        assert "".join(rebuilt) + text[pos:] == r.text
    assert sum(r.counts.values()) == len(r.findings)
    assert all(re.fullmatch(r"[a-z_]{1,64}", reason) for reason in r.reasons)


@FAST
@given(base=st.sampled_from(BASES), first=st.one_of(part, tricky), last=st.one_of(part, tricky),
       form=st.sampled_from(["full", "first", "last", "lower", "upper", "possessive",
                             "inverted", "titled"]), at=st.integers(0, 80))
def test_registered_name_never_survives(base: str, first: str, last: str, form: str,
                                        at: int) -> None:
    full = f"{first} {last}"
    case = CaseIdentifiers.from_plain(names=[full], mrn=None, dob=None, key=KEY)
    phrase = {"full": full, "first": first, "last": last, "lower": full.lower(),
              "upper": full.upper(), "possessive": f"{last}'s", "inverted": f"{last}, {first}",
              "titled": f"Mr. {last}"}[form]
    note = _insert(base, at, phrase)
    r = ENGINE.deidentify(note, case)
    _check_shape(note, r)
    registered = name_forms(full)[0]
    left = {normalise(t) for t in TOKEN.findall(TAG.sub(" ", r.text))}
    left |= {normalise(p) for t in TOKEN.findall(TAG.sub(" ", r.text)) for p in t.split("'")}
    assert not (left & registered), (note, r.text)


@FAST
@given(base=st.sampled_from(BASES), mrn=st.from_regex(r"[0-9]{6,10}", fullmatch=True),
       label=st.sampled_from(["", "MRN ", "mrn#", "MR# ", "labelled "]), at=st.integers(0, 80))
def test_registered_mrn_never_survives(base: str, mrn: str, label: str, at: int) -> None:
    if len(mrn.lstrip("0")) < 4:
        return  # too short to register as an MRN
    case = CaseIdentifiers.from_plain(names=[], mrn=mrn, dob=None, key=KEY)
    note = _insert(base, at, label + mrn)
    r = ENGINE.deidentify(note, case)
    _check_shape(note, r)
    assert mrn not in r.text


@FAST
@given(base=st.sampled_from(BASES), dob=st.dates(dt.date(1905, 1, 1), dt.date(2024, 12, 31)),
       fmt=st.sampled_from(DOB_FORMATS), at=st.integers(0, 80))
def test_registered_dob_never_survives(base: str, dob: dt.date, fmt: str, at: int) -> None:
    case = CaseIdentifiers.from_plain(names=[], mrn=None, dob=dob, key=KEY)
    written = dob.strftime(fmt)
    note = _insert(base, at, written)
    r = ENGINE.deidentify(note, case)
    _check_shape(note, r)
    assert written not in r.text


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=600))
def test_any_unicode_is_handled(text: str) -> None:
    r = ENGINE.deidentify(text)
    _check_shape(text, r)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("aAzZ09 ./-:,'’()#@+é\nJSMrDr")),
                    max_size=300),
       case_name=st.one_of(part, tricky))
def test_note_like_noise_is_handled(text: str, case_name: str) -> None:
    case = CaseIdentifiers.from_plain(names=[case_name], mrn="1234567", dob="1961-03-14",
                                      key=KEY)
    _check_shape(text, ENGINE.deidentify(text, case))
