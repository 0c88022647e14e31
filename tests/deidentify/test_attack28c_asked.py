"""attack28c: label_values' question drop (df37581, narrowed in b534ad2) lets a patient's
name out. A field's value that opens with an auxiliary and a pronoun ("Do I", "Can I") or
a question word before a lowercase word ("How we"), with a '?' anywhere later in the same
"sentence", is taken for a question and its label-rule name dropped, in a person's field
too, before the person cues are read; only a frequent given name (FIRST_TOP) is kept.

- A frequent surname is no frequent given name: "Do" (a surname list's top 5,000), "Shall",
  "How" go; "Can" (a Turkish given name) no list holds at all.
- The '?' need not belong to the value: a table row or a tabbed line ("Pt name: Do I |
  DOB ... | consent?") has no full stop between the cells, so the surname and initial of
  one cell and the question of another make one "question", and the name goes out beside
  its date of birth.

Base 7b90567 hid every one of these (NEW): it had no question drop. The drop runs in an
older rule (label_values.drop runs with or without NEWER_RULES), so the engine's rerun
without newer rules does not keep base's verdict either.

Beside them, OLDER: a name inside a question in a name field ("Pt name: Is it Tamsin
Bramble?") was shown by base as well. Every example is invented. The question drop was undone:
the NEW ones are plain tests; the rest stay strict xfails, each fails
today."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import shown, strict_xfail

ASKED = [  # (note, the name that must not be shown)
    # a frequent surname (no frequent given name) before "I": the shape b534ad2 kept for "Will"
    ("Pt name: Do I think? Pt drowsy.", "Do"),
    ("Pt name: Do I believe? Vietnamese, interpreter booked.", "Do"),
    ("Contact: Do I believe - the son? number on file.", "Do"),
    ("Guardian: Do we know? aunt per chart", "Do"),
    ("Patient: Do I think? 58M", "Do"),
    # a given name no list holds (Turkish "Can"), and rarer surnames
    ("Pt name: Can I assume? Pt drowsy.", "Can"),
    ("Guardian: Shall I assume? the grandmother", "Shall"),
    ("Contact: How we think - the nephew? number on file.", "How"),
    ("Contact: How daughter? number on file.", "How"),
    # a surname and an initial in one cell, the row's question in another
    ("Pt name: Do I | Rm 4 | NPO since 0000?", "Do"),
    ("Pt name: Do I | DOB 03/04/1950 | consent?", "Do"),
    ("Name: Do I\tRm 4\tNPO?", "Do"),
    ("Pt name: Can I\t58M\tconsent signed?", "Can"),
    ("Patient: Do I (initial per chart) - consent?", "Do"),
]


@pytest.mark.parametrize(("note", "secret"), ASKED)
def test_name_shaped_like_a_question_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret, whole_word=True)


INSIDE = [  # hidden since pt_names.in_name_field (plain tests now)
    ("Pt name: Is it Tamsin Bramble?", "Bramble"),
    ("Pt name: Do I have Quenby right?", "Quenby"),
    ("Pt name: Can we confirm Quenby Lark?", "Quenby"),
]


@pytest.mark.parametrize(("note", "secret"), INSIDE)
def test_name_inside_a_question_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret, whole_word=True)


STILL_INSIDE = [  # a dictionary word alone in a name field; a contact field
    ("Pt name: Who is Bramble?", "Bramble"),
    ("Contact: Where is Quenby?", "Quenby"),
]


@strict_xfail("attack28c: a name after the opening words of a question in a name field is "
              "read as part of the question and shown (OLDER: base 7b90567 showed it too)")
@pytest.mark.parametrize(("note", "secret"), STILL_INSIDE)
def test_name_inside_a_question_still_shown(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret, whole_word=True)
