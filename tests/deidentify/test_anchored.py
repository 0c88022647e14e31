"""anchored.finditer/search give exactly what the plain regex scan gives (they only skip
positions where no match can start)."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from typing import Any

from services.common.deid import anchored, id_cues, names, normalise


def _strings(alphabet: str, n: int = 20_000) -> list[str]:
    rnd = random.Random(13)
    return [("".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 16)))) for _ in range(n)]


def _spans(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | Any, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


def test_dotted_initials_same_matches() -> None:
    for t in [*_strings("AJ. \n-é"), "J.K. and R. L. met A.B.C.D. at 4.5", "X.Y.", ".A.B."]:
        assert _spans(anchored.finditer(names._DOTTED, names._DOTTED_AT, 1, t)) \
            == _spans(names._DOTTED.finditer(t)), t


def test_no_label_same_answer() -> None:
    for t in [*_strings("nNoO.:# x_"), "no. 12", "No: 4", "piano.", "NO#"]:
        assert anchored.search(id_cues._NO_LABEL, id_cues._NO_LABEL_AT, 1, t) \
            == (id_cues._NO_LABEL.search(t) is not None), t


def test_view_gate_same_answer() -> None:
    leet, spaced = normalise._LEET_ASCII, normalise._SPACED_ASCII
    digit = normalise._SPACED_DIGIT_HINT
    for t in [*_strings("ab Z._1!|$@3\n"), "J o h n", "Zebu1on", "W_o_l_f", "U.S.A.", "a_b.c_d"]:
        plain = bool(leet.search(t) or spaced.search(t) or digit.search(t))
        assert normalise._leet_or_spaced(t) == plain, t


def test_a_spot_at_the_very_start_is_no_match_before_it() -> None:
    assert list(anchored.finditer(names._DOTTED, names._DOTTED_AT, 1, ".A.")) == []
    assert not anchored.search(id_cues._NO_LABEL, id_cues._NO_LABEL_AT, 1, "o.")


def test_spaced_digits_same_answer() -> None:
    rx = normalise._SPACED_DIGIT_HINT
    for t in [*_strings("1 2/.-\nx"), "1 0 0 4", "J a n   1 ,   2 0 0 0", "5 - ", "9 /"]:
        found = anchored.search(rx, normalise._SPACED_DIGIT_AT, 1, t)
        assert found == (rx.search(t) is not None), t


def test_class_led_rewrites_same_matches() -> None:
    """'\\d\\d*' for '\\d+' and '\\d\\d{2}' for '\\d{3}' only change how re looks for a start."""
    from services.common.deid import digit_groups, patterns

    run, loose = digit_groups._RUN, patterns._LOOSE_PHONE
    month, day_year, comma = digit_groups._OTHER_MONTH, digit_groups._DAY_YEAR, \
        patterns._COMMA_PHONE
    pairs = [(run, run.pattern.replace(r"\d(?<!\d\d)\d*", r"\d+", 1)),
             (loose, loose.pattern.replace(r"\d\d{2}", r"\d{3}", 1)),
             (month, month.pattern.replace(r"(\d\d?)", r"(\d{1,2})", 1)),
             (day_year, day_year.pattern.replace(r"(\d\d?)", r"(\d{1,2})", 1)),
             (comma, comma.pattern.replace(r"\d\d{0,3}", r"\d{1,4}", 1))]
    for rx, before in pairs:
        old = re.compile(before)
        assert old.pattern != rx.pattern
        for t in [*_strings("12 3-4.5,/x\n", 30_000), *_strings("1290 -./,Jany", 30_000),
                  "555 1234", "212-555-0199", "12 34 56 78", "4 Jan 1961", "141961",
                  "44, 20, 7946, 0708"]:
            assert _spans(rx.finditer(t)) == _spans(old.finditer(t)), t
