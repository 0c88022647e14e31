"""attack15, item 2: a doubt left in a note sends it to `review` (doubts.py). Attacked:
does a crash in the doubt scan fail open (it must quarantine, never publish), can any
Unicode make it raise, does the approver's highlight still sit on the doubted word when
the note is rewritten by the normalised view, and can surrounding text suppress a doubt
so the note goes to students with no person (10 hits: each a name the doubt was written
to catch, left in with verdict clean/redacted; fixed in attackfix16, see SUPPRESSED)."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.common import events
from services.common.consumer import Origin
from services.common.deid import Engine, doubts
from services.deidentify.gate import _redactions_in_output

from .attack_cases import AUTO
from .support import gate_with_case


def _boom(*_: object, **__: object) -> list[doubts.Doubt]:
    raise RuntimeError("doubt scan broke")


@pytest.mark.parametrize("note", ["Incision made, all calm.",  # clean path
                                  "Mr Bramblewick asleep, incision made."])  # redacted path
def test_a_crash_in_the_doubt_scan_quarantines(engine: Engine, note: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doubts, "scan", _boom)
    r = engine.deidentify(note)
    assert (r.verdict, r.text) == ("quarantine", "")


async def test_a_crash_in_the_doubt_scan_quarantines_through_the_gate(
        engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    gate, sent = gate_with_case(engine)
    monkeypatch.setattr(doubts, "scan", _boom)
    event_id, now = str(uuid.uuid4()), events.isoformat(events.now())
    await gate.handle(events.make_event(
        "org.orcast.milestone.submitted.v1", service="ingest", subject="case-1",
        event_id=event_id, data={"event_id": event_id, "case_id": "case-1",
                                 "milestone": "incision", "note": "Avery Quinlan is asleep.",
                                 "phrase_ids": [], "occurred_at": now, "received_at": now,
                                 "author": {"sub": "coord-ana", "role": "coordinator"}},
    ), Origin("milestones.submitted", 0, 0))
    [out] = sent.events
    assert out.data["verdict"] == "quarantine" and "Quinlan" not in out.data["text"]


_ANY = st.text(st.characters(codec=None, exclude_categories=()), max_size=80)
_NEAR = st.lists(st.sampled_from(["gr4c3", "r0s3", "H.o.p.e", "FOX", "Fox", " went ", " in ",
                                  "\u200b", "\u00ad", "\u202e", "&amp;", "\ud800", "\u0301",
                                  "\uff14", "\u0664", "PT ", "BRAMBLEWICK", " ", ".", "-",
                                  "\n", "\u00a0", "l", "4", "\U0001f600"]), max_size=14)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_ANY)
def test_the_doubt_scan_never_raises_on_any_unicode(engine: Engine, text: str) -> None:
    for span in doubts.scan(text, [], engine._flags_of):
        assert 0 <= span[0] < span[1] <= len(text)
    r = engine.deidentify(text)
    assert "engine_error" not in r.reasons
    # doubts read on the normalised view are put back on the typed text
    assert all(0 <= d.start < d.end <= len(text) for d in r.doubts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=_NEAR)
def test_doubt_shapes_glued_to_any_unicode_never_raise_and_highlight_in_bounds(
        engine: Engine, parts: list[str]) -> None:
    r = engine.deidentify("".join(parts))
    assert "engine_error" not in r.reasons
    for mark in _redactions_in_output(r):
        assert 0 <= mark["start"] <= mark["end"] <= len(r.text)


@pytest.mark.parametrize("note", ["Dr Bramblewick &amp; gr4c3 in bay 2",
                                  "call 555-867-5309 then gr4c3 waiting",
                                  "\u202egr4c3\u202c waiting",
                                  "Rose went to PACU with Mr Bramblewick"])
def test_the_highlight_sits_on_the_doubted_word(engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert r.verdict == "review"
    marks = [m for m in _redactions_in_output(r) if m["rule"].startswith("doubt_")]
    assert marks and all(r.text[m["start"]:m["end"]] in ("gr4c3", "Rose") for m in marks)


# Doubts the surrounding text suppressed (attack15): the doubt was meant for each of these
# words. Fixed (attackfix16) in doubts.py ("_", digits, punctuation bound a word; 6/9 read
# as letters; ". " and two spaces between spelled letters; a comma after the subject) and
# viewed_doubts.py (read on the note's characters: entities and full-width decoded)
SUPPRESSED = [
    ("heads up, gr4c3_ is waiting in pre-op bay 2", "gr4c3"),  # "_" glued after
    ("heads up, gr4c32 is waiting in pre-op bay 2", "gr4c3"),  # a digit glued after
    ("heads up, 9race is waiting in pre-op bay 2", "9race"),  # 9 for g: not in 013457
    ("heads up, ro6ert is waiting in pre-op bay 2", "ro6ert"),  # 6 for b
    ("heads up, gr\uff14c\uff13 is waiting in pre-op bay 2", "c\uff13"),  # fullwidth digits
    ("\uff47\uff52\uff14\uff43\uff13 waiting, Mr Bramblewick called", "\uff43\uff13"),
    ("heads up, g. r. a. c. e. is waiting in pre-op bay 2", "g. r. a. c. e."),
    ("heads up, g  r  a  c  e is waiting in pre-op bay 2", "g  r  a  c  e"),
    ("&lt;&lt; Fox went to PACU", "Fox"),
    ("Rose, in pre-op", "Rose"),
]


@pytest.mark.parametrize(("note", "left"), SUPPRESSED, ids=[n for n, _ in SUPPRESSED])
def test_a_doubt_is_not_suppressed_by_what_surrounds_it(
        engine: Engine, note: str, left: str) -> None:
    r = engine.deidentify(note)
    assert not (r.verdict in AUTO and left in r.text), (r.verdict, r.text)


# Were suppressed (attack15), fixed in doubts._OPENING: any space after the subject, any
# list mark or invisible before it
UNSUPPRESSED = ["Fox\u00a0went to PACU", "Fox  went to PACU", "Fox\twent to PACU",
                "\u200bFox went to PACU", "- Fox went to PACU", "* Rose in pre-op"]


@pytest.mark.parametrize("note", UNSUPPRESSED)
def test_spacing_or_a_mark_round_the_subject_keeps_its_doubt(engine: Engine,
                                                             note: str) -> None:
    r = engine.deidentify(note)
    assert r.verdict == "review" and [d.reason for d in r.doubts] == ["doubt_name_opens_note"]


# The same words, written as doubts.py expects: stopped (regressions)
CAUGHT = ["heads up, gr4c3 is waiting in pre-op bay 2", "heads up, gr4c3's mom is waiting",
          "heads up, GR4C3 is waiting in pre-op bay 2", "heads up, g.r.a.c.e is waiting",
          "heads up, g-r-a-c-e is waiting", "heads up, g\u00a0r\u00a0a\u00a0c\u00a0e is here",
          "Fox went to PACU", "FOX WENT TO PACU", "Rose is in pre-op",
          "PT FERNWHISTLE  STRONG, DOB 03/14/1961, TO BAY 3.",
          "PT FERNWHISTLE\nSTRONG, DOB 03/14/1961, TO BAY 3."]


@pytest.mark.parametrize("note", CAUGHT)
def test_doubt_shapes_the_scan_knows_never_go_out_unseen(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).verdict not in AUTO


_WIDE = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}  # "g" -> "\uff47"
_LEET = {"a": "4", "e": "3", "o": "0", "s": "5", "t": "7", "g": "9", "b": "6", "l": "1"}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(["grace", "robert", "rose", "gabriel", "stella"]),
       mask=st.integers(1, 2 ** 8 - 1), tail=st.sampled_from(["", "_", "2", "_2", "04", ","]),
       upper=st.booleans(), wide=st.booleans())
def test_a_name_in_digits_with_anything_glued_on_is_doubted(
        engine: Engine, name: str, mask: int, tail: str, upper: bool, wide: bool) -> None:
    """Digits for any of its letters (6 and 9 too), then "_", digits or a comma glued on;
    in full-width forms too (read on the normalised view)."""
    where = [k for k, c in enumerate(name) if c in _LEET]
    swap = {k for bit, k in enumerate(where) if mask >> bit & 1} or {where[0]}
    word = "".join(_LEET[c] if k in swap else c for k, c in enumerate(name))
    if sum(map(str.isalpha, word)) < 2:  # a number, no longer a word: one digit only
        k = where[0]
        word = name[:k] + _LEET[name[k]] + name[k + 1:]
    word = word.upper() if upper else word
    word = word.translate(_WIDE) if wide else word
    r = engine.deidentify(f"heads up, {word}{tail} is waiting in pre-op bay 2")
    assert not (r.verdict in AUTO and word in r.text), (word + tail, r.verdict, r.text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(["grace", "robert", "rose", "stella"]),
       gap=st.sampled_from([" ", ".", ". ", "  ", ".  ", "\u00a0", "\u00b7"]),
       lead=st.sampled_from(["heads up, ", "&lt;&lt; ", "", "- "]))
def test_a_name_spelled_out_with_any_gap_is_doubted(engine: Engine, name: str, gap: str,
                                                    lead: str) -> None:
    spelled = gap.join(name)
    r = engine.deidentify(f"{lead}{spelled} is waiting in pre-op bay 2")
    assert not (r.verdict in AUTO and spelled in r.text), (spelled, r.verdict, r.text)


# read on the note's characters (normalise.characters), not on the engine's full view,
# which reads "r\uff10se" as "rose" and so loses the digit that was the doubt
DECODED = ["heads up, \uff52\uff10\uff53\uff45 is waiting in pre-op bay 2",
           "heads up, &#103;r4c3 is waiting in pre-op bay 2",
           "heads up, gr&#52;c3 is waiting in pre-op bay 2",
           "&quot;Fox&quot; went to PACU"]


@pytest.mark.parametrize("note", DECODED)
def test_doubts_are_read_on_the_characters_a_reader_sees(engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert r.verdict not in AUTO, r.text
    assert r.doubts and all(0 <= d.start < d.end <= len(note) for d in r.doubts)
