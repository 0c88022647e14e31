"""digit_groups._runs finds the runs `finditer` finds, in linear time (attack25b: one long
chain of groups joined by "_" made every group's start walk the rest of the chain)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.common.deid import digit_groups as dg

PAIRS = [(dg._RUN, dg._CHAIN), (dg._BROKEN_RUN, dg._BROKEN_CHAIN),
         (dg._DOTTED_RUN, dg._DOTTED_CHAIN)]
TEXT = st.text(alphabet="0123456789_-. \t\n|/:x'\u00b7a,", max_size=60)


@pytest.mark.parametrize(("run", "chain"), PAIRS, ids=["run", "broken", "dotted"])
@given(text=TEXT)
def test_the_same_runs_as_finditer(run: re.Pattern[str], chain: re.Pattern[str],
                                   text: str) -> None:
    assert [m.span() for m in dg._runs(run, chain, text)] == \
        [m.span() for m in run.finditer(text)]
