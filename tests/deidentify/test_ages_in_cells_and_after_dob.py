"""An age over 89 as its own cell or bullet beside a name, right after a date of birth,
or after "he's / hes / grandma's" (after_names.py, ages.py). Invented sentences."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "age"), [
    ("OR 9 | 1015 | lap chole | Okonkwo, Beatrice | 93 | consent ok", "93"),
    ("Holding area | Theodora Quist | ninety-four | pacer check", "ninety-four"),
    ("Vascular list:\n- Percival Andrade\n- 96\n- fem-pop bypass", "96"),
    ("pt Ingrid Falk DOB 02/11/1930 (96), for hip", "96"),
    ("bay 3 | Moss, Ida | DOB 5/5/1928 | 98 | ortho", "98"),
    ("pt wilma dob 6/6/31 so 95 ok", "95"),
    ("THE PT DOB 09/09/1929. NINETY-SEVEN. FOR PEG.", "NINETY-SEVEN"),
    ("The patient, Mrs. Odile Brandt, is ninety-three and walks with a frame.",
     "ninety-three"),
    ("msg from son: shes ninety two and sharp as a tack", "ninety two"),
    ("txt: grandpa's 92+ be careful w him", "92+"),
    ("The patient, whose maiden name is on the older chart as well, is ninety-four and sharp.",
     "ninety-four"),
])
def test_the_age_is_redacted(engine: Engine, note: str, age: str) -> None:
    text = engine.deidentify(note).text
    assert age not in text and "[AGE]" in text, text


@pytest.mark.parametrize(("note", "kept"), [
    ("OR 2 | 0800 | lap chole | 95 | consent ok", "95"),  # no name beside it
    ("Holding | bay 4 | ninety | wait", "ninety"),
    ("DOB 02/11/1930, 98% on RA", "98%"),
    ("DOB 02/11/1930, 100 mg aspirin held", "100 mg"),
    ("sats:\n- 92\n- 95\n- 97", "92"),
    ("he's 98% on room air", "% on room air"),
    ("the drain's 100 ml since noon", "100 ml"),
    ("The patient, who came up from the floor with a line, is 96 kg", "96 kg"),
])
def test_a_number_that_is_no_age_is_kept(engine: Engine, note: str, kept: str) -> None:
    assert kept in engine.deidentify(note).text
