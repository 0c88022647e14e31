"""attack16: the registered surname split in two by a mark a reader reads straight through.
"Quill-feather", "Quill_feather", "Quill/feather" were removed, but "Quill(feather)",
"Quill[feather]", 'Quill"feather', "Quill`feather", "Quill\\feather", "Quill?feather"
reached students clean: name_sweep found the joined halves to be the name and then
dropped the finding because the gap between them was not a dash, dot, slash or space.

The halves split by markup ("Quill<b>feather", "Quill<!-- -->feather") or a doubly
encoded entity ("Quill&amp;amp;feather"), which a reader reads through too, went out
clean as well: name_sweep now joins the word pieces on either side of such a gap."""

from __future__ import annotations

import pytest

from services.common.deid import CaseIdentifiers, Engine

from .attack_cases import AUTO

KEY = b"k" * 32
FORMS = ["pt {} to bay 2", "incision now, {} stable", "{} arrived"]


@pytest.fixture(scope="module")
def case() -> CaseIdentifiers:
    return CaseIdentifiers.from_plain(names=["Rose Quillfeather"], mrn="4178213",
                                      dob="1961-03-14", key=KEY)


def _leaks(engine: Engine, case: CaseIdentifiers, typed: str) -> list[str]:
    out = []
    for form in FORMS:
        r = engine.deidentify(form.format(typed), case)
        if r.verdict in AUTO and "feather" in r.text:
            out.append(r.text)
    return out


@pytest.mark.parametrize("typed", ["Quill(feather)", "Quill[feather]", "Quill{feather}",
                                   'Quill"feather', "Quill`feather", "Quill\\feather",
                                   "Quill?feather", "Quill!feather", "Quill>feather"])
def test_surname_halves_split_by_a_mark_never_reach_students(
        engine: Engine, case: CaseIdentifiers, typed: str) -> None:
    assert not _leaks(engine, case, typed), typed


def test_neighbouring_words_that_are_not_the_name_stay(
        engine: Engine, case: CaseIdentifiers) -> None:
    note = "quill (pen) and feather [down] ready? drain (left) in place"
    assert engine.deidentify(note, case).text == note


@pytest.mark.parametrize("typed", ["Quill<b>feather", "Quill<!-- -->feather",
                                   "Quill&amp;amp;feather", "Qu<i>ill</i>feather",
                                   "Quill</span><span class=x>feather",
                                   "Quill&amp;amp;#173;feather", "Quill <b>feather",
                                   "Quill</i> <i>feather"])
def test_surname_halves_split_by_markup_never_reach_students(
        engine: Engine, case: CaseIdentifiers, typed: str) -> None:
    assert not _leaks(engine, case, typed), typed


def test_words_around_markup_that_are_not_the_name_stay(
        engine: Engine, case: CaseIdentifiers) -> None:
    note = "<b>quill</b> pen, feather <i>down</i> &amp; tape<br>gauze"
    assert engine.deidentify(note, case).text == note
