"""attack23b: fix23 drops a language word the name lists hold as a name when it stands in
a language's slot (plain_words._in_slot): after "prefers", "speaks", "interpreter", or
before "speaking"/"interpreter". A person stands there too: the contact a patient prefers
("Pt prefers Dari Moldovan to call"), the one who answers a phone ("Tamil Chamorro
speaking"), the interpreter's own name, a son after "Speaks Dari and". Two language words
with no joiner between are no list of languages. main (5389418) redacted them all
(regressions). main's own language list (Greek, Polish, German) is dropped outside any
slot, after "Signed:" or "for" (older hole). Invented names."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered

REASON = "attack23b: a person named with language words in a language's slot"


def _assert_gone(engine: Engine, note: str, name: str) -> None:
    left = left_uncovered(engine, note, name)
    assert not any(c.isalpha() for c in left), (left, engine.deidentify(note).text)


@pytest.mark.parametrize(("note", "name"), [
    ("Pt prefers Dari Moldovan to call with updates.", "Dari Moldovan"),
    ("Pt prefers Dari Moldovan (son) to call.", "Dari Moldovan"),
    ("Prefers Chamorro as surrogate decision maker.", "Chamorro"),
    ("Called home: Tamil Chamorro speaking, confirmed NPO.", "Tamil Chamorro"),
    ("Phone answered, Dari Moldovan speaking.", "Dari Moldovan"),
    ("Interpreter: Tamil Chamorro, ID 4471", "Tamil Chamorro"),
    ("Interpreter Dari Moldovan present for consent.", "Dari Moldovan"),
    ("Speaks Dari and Tamil Chamorro is son.", "Tamil Chamorro"),
])
def test_a_person_in_a_language_slot_goes(engine: Engine, note: str, name: str) -> None:
    _assert_gone(engine, note, name)


@pytest.mark.xfail(strict=True, raises=AssertionError, reason="attack23b: main's language "
                   "list dropped outside a slot (older hole)")
@pytest.mark.parametrize(("note", "name"), [
    ("Signed: Greek", "Greek"),
    ("Signed: German", "German"),
    ("Message left for Polish re pickup", "Polish"),
])
def test_a_surname_from_mains_language_list_goes(engine: Engine, note: str, name: str) -> None:
    _assert_gone(engine, note, name)


@pytest.mark.parametrize(("note", "name"), [
    ("Surrogate: Tamil Chamorro (son)", "Tamil Chamorro"),
    ("Son Mikhail Moldovan, speaks Russian", "Mikhail Moldovan"),
    ("Consent witnessed by Dari Greek", "Dari Greek"),
])
def test_a_language_word_as_a_name_held(engine: Engine, note: str, name: str) -> None:
    _assert_gone(engine, note, name)
