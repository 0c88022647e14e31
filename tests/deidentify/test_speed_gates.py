"""Speed-only gates and rewrites (branch deidspeed22): each gate is a condition every match
of the scan it guards satisfies, so a note it turns away is one the scan finds nothing
in; each rewritten pattern finds exactly what the plain one did."""

from __future__ import annotations

import random
import re

from services.common.deid import name_sweep, names, normalise, road_marks, staff_subjects
from services.common.identifiers import normalise as normalise_word


def _notes(parts: list[list[str]], n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(p) for p in parts) for _ in range(n)]


def _words(text: str) -> set[str]:
    """The engine's `words_in`: the note's words as the name scanner normalises them."""
    return {normalise_word(w) for w in names.TOKEN.findall(text)}


def test_staff_subject_gate_passes_every_match() -> None:
    openers = ["", "ok ", "\n", "so, ", "fyi ", ": ", "x ", "- "]
    names_ = ["gil", "GIL", "Ned", "lu", "tomas", "Quillan"]
    blanks = [" ", "\t", "  "]
    actions = ["says", "SAID", "needs a hand", "is scrubbing", "'s covering", "on-call",
               "on\nbreak", "off  today", "out sick", "running late", "in charge", "texted",
               "paged", "from the biomed dept", "from environmental services",
               "says'n", "scrubbing's", "asks_", "asked2", "wants", "relieving", "saying"]
    ends = ["", ".", " now", "'s", "'n"]
    notes = _notes([openers, names_, blanks, actions, ends], 6_000, 13)
    hits = 0
    for t in notes:
        if staff_subjects._SUBJECT.search(t):
            hits += 1
            assert staff_subjects.hinted(t, _words(t)), t
    assert hits > 2_000  # the notes above do hold such clauses
    assert not staff_subjects.hinted("gil is at the desk, hope is fading", _words(
        "gil is at the desk, hope is fading"))


def test_road_gates_pass_every_match() -> None:
    roads = ["Hwy 40", "I-29", "route66", "Route #12", "US 23", "SR9", "I 57", "i-twenty",
             "routeone", "Interstate\t5", "rt 9", "US twenty", "I 9", "county road 4", "x"]
    links = ["", ",", " NB", " northbound", " near", " east of", " at", ", ", " "]
    marks = [" mile marker 9", " exit 61 B", " mm4.5", " exit twenty two", " milepost 3",
             " mile-post 7", " mp 12", " exit#4", " Elmvale", " Lowe", " the unit", ""]
    more = ["", " off the parkway", " on I 80", " of Hwy 2"]
    traffic = ["", " traffic on the 210", " stuck on the 5 bags", " jam on  the 10 now"]
    notes = _notes([roads, links, marks, more, traffic], 8_000, 17)
    notes += _notes([marks, [" on ", " off of ", " from "], roads], 2_000, 19)
    hits = 0
    for t in notes:
        low = t.lower()
        if any(p.search(t) for p in road_marks._PATTERNS):
            hits += 1
            assert road_marks._MARK_HINT.search(low), t
        if road_marks._TOWN_AFTER.search(t):
            hits += 1
            assert road_marks._ROAD_HINT.search(low) \
                or road_marks._ROAD_CAPITALS_HINT.search(t), t
        if road_marks._TRAFFIC.search(t):
            hits += 1
            assert road_marks._TRAFFIC_HINT.search(low), t
    assert hits > 3_000


def test_mixed_words_start_where_letters_do() -> None:
    plain = re.compile(r"[A-Za-z]+[0-9][A-Za-z0-9]*[A-Za-z]")
    rnd = random.Random(23)
    notes = ["".join(rnd.choice("ab1Z9_ -é'2") for _ in range(rnd.randint(0, 20)))
             for _ in range(30_000)]
    for t in [*notes, "T3nn3w0rth", "ab1cd23ef4g", "xx 5mm T4R"]:
        assert [m.span() for m in name_sweep._MIXED.finditer(t)] \
            == [m.span() for m in plain.finditer(t)], t


def test_number_words_and_a_date_ordinal_in_one_note() -> None:
    """The view reads the note's words once for both: a number run ("ninety three")
    must not hide the ordinal of a date ("march first")."""
    for text in ("dob march first, she is ninety three today",
                 "dob march first, she is ninety three today \u00e9"):
        view = normalise.view(text)
        assert view is not None
        assert "march 1st" in view.text and "93" in view.text
