"""The cheap tests that let a pass skip a regex scan never skip a note the regex matches
(speed only: each gate is a condition every match satisfies), and the class-led scans
give exactly the plain scan's matches."""

from __future__ import annotations

import random
import re

from services.common.deid import (
    after_names,
    ages,
    loose_initials,
    normalise,
    state_names,
    traits,
)


def _strings(alphabet: str, n: int = 20_000, longest: int = 24) -> list[str]:
    rnd = random.Random(29)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, longest)))
            for _ in range(n)]


def _spans(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


def test_field_initials_gate_passes_every_match() -> None:
    words = ["pt", "Patient", "NAME", "kin", "Visitor", "insured", "x", "\u017fubscriber",
             "\u212ain", "Member", "name2"]
    blanks, values, tails = ["", " ", "\t", " " * 45], [" AB", " A.B.", " xy", " J.K. |",
                                                        " CA\n"], ["", " | MRN", "  next"]
    rnd = random.Random(7)
    notes = [rnd.choice(words) + rnd.choice(blanks) + ":" + rnd.choice(values)
             + rnd.choice(tails) for _ in range(5_000)]
    notes += _strings("pt name:AB. \t|\nK\u212a")
    hits = 0
    for t in notes:
        if loose_initials._FIELD_INITIALS.search(t):
            hits += 1
            assert loose_initials._field_colon(t), t
    assert hits > 500  # the notes above do hold such fields


def test_age_numbers_found_from_their_first_digit() -> None:
    for t in [*_strings("9 1 0:/.-,#a5"), "aged 95", "1,95", "-97", "110 and 119", "9595",
              "95", "1,", "x,95"]:
        assert _spans(ages._AGE_NUMBER_LED.finditer(t)) \
            == _spans(ages._AGE_NUMBER.finditer(t)), t


def test_bare_numbers_found_from_their_first_digit() -> None:
    rx, led = after_names._BARE, after_names._BARE_LED
    for t in [*_strings("9 1 0 2:/.-,#a5\n"), "pt 96", "Visitor: 120", "1,95", "98.6",
              "120", "-120", "1205"]:
        assert [(m.span(), m.span("n")) for m in led.finditer(t)] \
            == [(m.span(), m.span("n")) for m in rx.finditer(t)], t


def test_asa_gate() -> None:
    for t in _strings("AaSs ."):
        if after_names._ASA.search(t):
            assert "sa" in t or "SA" in t, t


def test_town_gate_passes_every_match() -> None:
    states = ["Indiana", "Nevada", "Florida", "Ohio", "x"]
    rnd = random.Random(3)
    commas, codes, ends = [",", ", ", ",\t", " ,"], ["PA", "NY", "pa", "P", "PAX", "MO"], \
        ["", ".", "x"]
    notes = [rnd.choice(states) + rnd.choice(commas) + rnd.choice(codes) + rnd.choice(ends)
             for _ in range(5_000)]
    hits = 0
    for t in notes:
        if state_names._TOWN.search(t):
            hits += 1
            assert state_names._TOWN_HINT.search(t), t
    assert hits > 500


def test_day_month_year_gate_passes_every_match() -> None:
    rnd = random.Random(5)
    months = ["OCT", "Oct", "sep", "\u017fep", "Mai", "jun", "x1z"]
    notes = [f"{rnd.choice(['', 'a', '-', ' '])}{rnd.choice(['7', '12', '123'])}-"
             f"{rnd.choice(months)}-{rnd.choice(['33', '3', '2024'])}{rnd.choice(['', 'a', ' '])}"
             for _ in range(5_000)]
    hits = 0
    for t in notes:
        if traits._DAY_MON_YY.search(t):
            hits += 1
            assert traits._DAY_MON_YY_HINT.search(t), t
    assert hits > 50


def test_joined_letters_gate_passes_every_match() -> None:
    hits = 0
    for t in [*_strings("ab_.-é1 "), "W_o_l_f", "b-e-t-h", "I.n.e.s.N.i", "U.S.A."]:
        if normalise._JOINED.search(t):
            hits += 1
            assert normalise._JOINED_HINT.search(t), t
    assert hits >= 4


def test_gates_are_led_by_a_class() -> None:
    """What makes them cheap: `re` can skip ahead to the first character at C speed."""
    for rx in (state_names._TOWN_HINT, traits._DAY_MON_YY_HINT, normalise._JOINED_HINT):
        assert re.match(r"\[|,|\\d", rx.pattern), rx.pattern
    for rx in (ages._AGE_NUMBER_LED, after_names._BARE_LED):  # each branch led by a digit
        assert re.match(r"\((?:\?:|\?P<n>)9\(\?<!", rx.pattern), rx.pattern
        assert "|1(?<!" in rx.pattern, rx.pattern


def test_split_tokens_and_gaps_are_the_finditer_ones() -> None:
    """The engine's one-split tokeniser: the words names.TOKEN finds, with their offsets,
    and the text before each (what the name scanner computed from them)."""
    from itertools import accumulate

    from services.common.deid import engine, names

    for t in [*_strings("ab'’ -é1中가ぁ\u00ad.Z", n=30_000, longest=14), "", "  ", "O'Brien's",
              "患者王秀兰，女儿", "a'", "'a"]:
        for rx, split in ((names.TOKEN, engine._TOKEN_SPLIT),
                          (engine._ASCII_TOKEN, engine._ASCII_SPLIT)):
            if rx is engine._ASCII_TOKEN and not t.isascii():
                continue
            toks = [(m.start(), m.end(), m.group()) for m in rx.finditer(t)]
            cut = split.split(t)
            bounds = list(accumulate(map(len, cut)))
            assert list(zip(bounds[0:-1:2], bounds[1::2], cut[1::2], strict=True)) == toks, t
            assert cut[0:-1:2] == [t[toks[i - 1][1]:toks[i][0]] if i else t[:toks[0][0]]
                                   for i in range(len(toks))], t


def test_age_hint_classes_are_the_case_insensitive_letters() -> None:
    from services.common.deid import spaced_runs

    old = re.compile(r"(?i)g[e3]d?[:\s]+\d \d")
    for t in [*_strings("gGeE3dD: 1\n\u0130", longest=10), "AGE: 9 5", "aged 1 0 1", "Ge3 9 9"]:
        assert (spaced_runs._AGE_HINT.search(t) is None) == (old.search(t) is None), t


def test_digit_runs_start_only_at_a_run_of_digits_first() -> None:
    from services.common.deid import digit_groups

    old = re.compile(digit_groups._RUN.pattern.replace(r"\d(?<!\d\d)\d*", r"\d\d*", 1))
    assert old.pattern != digit_groups._RUN.pattern
    for t in [*_strings("0123 -–|/.:,a\t٣", longest=18), "4456712 8", "12345 mg", "555|867|5309",
              "3 / 14 / 1961", "48:213", "1 2 3 4 5 6 7"]:
        assert _spans(digit_groups._RUN.finditer(t)) == _spans(old.finditer(t)), t


def test_slash_cue_gate_passes_every_match() -> None:
    from services.common.deid import id_cues

    hits = 0
    for t in [*_strings("sSdDnNlL/ \u017f.", longest=10), "S/N 44", "d/l 6055", "s/p", "D/L#"]:
        if id_cues._SLASH_CUE.search(t):
            hits += 1
            assert id_cues._SLASH_HINT.search(t), t
    assert hits > 50


def test_phone_candidate_skip_is_the_old_character_loop() -> None:
    from services.common.deid import patterns

    def old(text: str, pos: int, end: int) -> int:
        while pos < end and text[pos].isdigit():
            pos += 1
        while pos < end and not (text[pos].isdigit() or text[pos] in "(+"):
            pos += 1
        return pos

    for t in _strings("0123 ().+-\u00a0\u0663", longest=22):
        for pos in range(len(t)):
            for end in (len(t), max(pos, len(t) - 3)):
                step = patterns._NEXT_TRY.match(t, pos, end)
                assert step is not None and step.end() == old(t, pos, end), (t, pos, end)
