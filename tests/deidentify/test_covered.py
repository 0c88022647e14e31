"""deid.covered.Covered answers as `any(s <= at < e for s, e in spans)` does, whatever the
spans: overlapping, touching, nested, empty or out of order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from services.common.deid.covered import Covered, Holders, extend_unheld

# spans as the engine has them: start <= end (empty ones included)
SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)).map(sorted).map(tuple),
                 max_size=12)


@given(SPANS, st.integers(-2, 64))
def test_a_position_is_covered_as_a_scan_of_every_span_says(
        spans: list[tuple[int, int]], at: int) -> None:
    assert (at in Covered(spans)) == any(s <= at < e for s, e in spans)


def test_touching_spans_hold_their_shared_edge_and_not_the_end() -> None:
    covered = Covered([(5, 8), (0, 5), (3, 4), (9, 9)])
    assert [at for at in range(-1, 11) if at in covered] == list(range(8))


@given(SPANS, st.integers(-2, 62), st.integers(1, 8))
def test_a_stretch_overlaps_as_a_scan_of_every_span_says(
        spans: list[tuple[int, int]], start: int, width: int) -> None:
    end = start + width
    assert Covered(spans).overlaps(start, end) == any(s < end and start < e for s, e in spans)


@given(SPANS, st.integers(-2, 62), st.integers(1, 8))
def test_a_stretch_is_held_as_a_scan_of_every_span_says(
        spans: list[tuple[int, int]], start: int, width: int) -> None:
    end = start + width
    assert Holders(spans).holds(start, end) == any(s <= start and end <= e for s, e in spans)


def test_two_touching_spans_do_not_hold_what_only_their_union_covers() -> None:
    holders = Holders([(0, 5), (5, 9)])
    assert not holders.holds(3, 7)
    assert holders.holds(5, 9) and holders.holds(1, 4)


@given(SPANS, SPANS)
def test_a_find_is_appended_unless_one_span_holds_it(
        spans: list[tuple[int, int]], finds: list[tuple[int, int]]) -> None:
    merged = [(s, e, "NAME", "a", 1) for s, e in spans]
    found = [(s, e, "NAME", "b", 1) for s, e in finds]
    expected = [sp for sp in found if not any(s <= sp[0] and sp[1] <= e for s, e in spans)]
    assert extend_unheld(merged, found) == bool(expected)
    assert merged[len(spans):] == expected
