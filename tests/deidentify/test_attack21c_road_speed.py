"""attack21c: road_marks' _ROAD (`(?:route|rte|rt|highway|hwy|interstate|...)\\s*#?\\s*`
then a number) splits a run of blanks after a road word every way before it fails, in the
first three of its patterns. One road word then 2,000 blanks (spaces, tabs or line breaks)
takes 2-6 s in road_marks.scan alone (load 6-7 on the shared machine; a "#" in the run
makes it quick). Through the engine, "hwy" then 2,000 line breaks (which no older rule
minds) takes 3.6-4.2 s (base, before deid21: 0.13-0.14 s); at the maximum length (5,000
characters) "hwy" then line breaks took 26.8 s (base 0.5 s), "route" then spaces 26 s
(base 4.1 s, from the older blank-run rules of attack21a).

The bounds (0.1 s for the scan, 1 s for the engine) are far under what was measured; a few
cases only, so the suite does not wait minutes for them."""

from __future__ import annotations

import time

import pytest

from services.common.deid import Engine, road_marks

REASON = "attack21c: road_marks backtracks on a run of blanks after a road word"


@pytest.mark.parametrize(("word", "blank"), [("route", " "), ("hwy", "\t"), ("rte", "\n")])
def test_road_word_then_blanks_scans_quickly(word: str, blank: str) -> None:
    note = word + blank * 2000 + "x"
    started = time.perf_counter()
    road_marks.scan(note, [])
    elapsed = time.perf_counter() - started
    assert elapsed < 0.1, f"{elapsed:.2f} s"


def test_road_word_then_line_breaks_is_quick(engine: Engine) -> None:
    note = "hwy" + "\n" * 1996 + "x"
    started = time.perf_counter()
    result = engine.deidentify(note)
    elapsed = time.perf_counter() - started
    assert result.reasons != ("engine_error",)
    assert elapsed < 1.0, f"{elapsed:.2f} s"
