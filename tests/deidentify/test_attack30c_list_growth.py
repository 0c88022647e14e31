"""attack30c (outside the session's new rules, found while timing cue_breaks): name_lists.scan
asks, for every word of a comma list, whether any name found covers it (`any(...) for s, e
in names`): a note that is one long list of names ('pt, hope, pt, hope, ...', 'hope,
grace, ...') costs words x names, the square of the note. The whole engine on 'pt, hope, '
repeated: base 6bf8130 25x the time for 8x the text, HEAD 14-19x; name_lists.scan alone
about 55x. OLDER: base has the same scan. Values invented."""

from __future__ import annotations

import re

from services.common.deid import Engine, name_lists

from .growth import assert_grows_linearly, repeated
from .support import strict_xfail


@strict_xfail("older: name_lists.scan compares every list word with every name found")
def test_a_long_list_of_names_scans_in_proportion_to_the_note(engine: Engine) -> None:
    def run(note: str) -> None:
        merged = [(m.start(), m.end(), "NAME", "cue_patient", 1)
                  for m in re.finditer(r"[a-z]+", note)]
        name_lists.scan(note, merged, engine._flags_of)

    assert_grows_linearly(run, lambda n: repeated("hope, grace, ", n))
