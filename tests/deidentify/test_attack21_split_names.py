"""attack21a: a registered name broken across a line (a hyphenated wrap, or a bare line
break inside the word), and a registered name with one typo that is also spaced out with
double spaces, tabs or " - ", or split by a control character or by markup. Each reads as
the name; the note comes out `clean` or `redacted` (auto-published to students) with the
name, or all of it but one or two letters, left in.

The names here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import CaseIdentifiers, Engine

from .support import KEY, left_uncovered, registered_case


@pytest.fixture(scope="module")
def registered() -> CaseIdentifiers:
    return registered_case("Thaddeus Quorvell", "Rashid al-Haddadin")


def _left(engine: Engine, case: CaseIdentifiers, note: str, piece: str) -> str:
    """The letters of `piece` in `note` that no finding covers."""
    return left_uncovered(engine, note, piece, case, str.isalpha)


@pytest.mark.parametrize("piece", ["Had-\ndadin", "had-\ndadin", "quor-\nvell", "Quor-\nvell",
                                   "Quor-\r\nvell", "Quor\u00ad\nvell", "quor\nvell",
                                   "QUOR\nVELL", "Had\ndadin"])
def test_a_registered_name_broken_across_a_line_never_survives(
        engine: Engine, registered: CaseIdentifiers, piece: str) -> None:
    note = f"Pt {piece} positioned supine, incision at 09:12, stable."
    left = _left(engine, registered, note, piece)
    assert len(left) <= 1, (left, engine.deidentify(note, registered).text)


@pytest.mark.parametrize("gap", ["  ", "\t", " - "])
@pytest.mark.parametrize("typed", ["Quoxvell", "Quovell", "Haddxdin", "Quorvlel"])
def test_a_registered_name_with_a_typo_spaced_out_never_survives(
        engine: Engine, registered: CaseIdentifiers, gap: str, typed: str) -> None:
    piece = gap.join(typed)
    # the same letters spaced without the typo are caught, and so is the typo unspaced
    assert _left(engine, registered, f"Pt {typed} in OR 4.", typed) == ""
    note = f"Pt {piece} positioned supine, incision at 09:12, stable."
    left = _left(engine, registered, note, piece)
    assert len(left) <= 1, (left, engine.deidentify(note, registered).text)


@pytest.mark.parametrize("cut", ["\x00", "\x0b", "\x0c", "\x85", "\u2028", "\u2029",
                                 "</b><b>", "<i></i>"])
def test_a_registered_name_with_a_typo_split_inside_never_survives(
        engine: Engine, registered: CaseIdentifiers, cut: str) -> None:
    piece = f"Quox{cut}vell"
    note = f"Pt {piece} positioned supine, incision at 09:12, stable."
    left = _left(engine, registered, note, piece)
    assert len(left) <= 1, (left, engine.deidentify(note, registered).text)


@pytest.mark.parametrize("piece", ["Tha-deus", "Tha-ddus", "tha-deus"])
def test_a_registered_name_with_a_typo_and_a_hyphen_inside_never_survives(
        engine: Engine, registered: CaseIdentifiers, piece: str) -> None:
    # the typo alone, and the hyphen alone, are caught
    assert _left(engine, registered, "Pt Thadeus positioned supine.", "Thadeus") == ""
    assert _left(engine, registered, "Pt Thad-deus positioned supine.", "Thad-deus") == ""
    note = f"Pt {piece} positioned supine, incision at 09:12, stable."
    left = _left(engine, registered, note, piece)
    assert len(left) <= 1, (left, engine.deidentify(note, registered).text)


@pytest.fixture(scope="module")
def apostrophe_name() -> CaseIdentifiers:
    return CaseIdentifiers.from_plain(names=["Maeve O'Dunleavy"], mrn=None, dob=None, key=KEY)


@pytest.mark.parametrize("piece", ["O_'_u_n_l_e_a_v_y", "O.'.u.n.l.e.a.v.y",
                                   "O_'_x_u_n_l_e_a_v_y", "O_D_'_u_n_l_e_a_v_y"])
def test_a_registered_o_name_with_a_typo_joined_by_separators_never_survives(
        engine: Engine, apostrophe_name: CaseIdentifiers, piece: str) -> None:
    # without the typo the same spelling goes
    assert _left(engine, apostrophe_name, "Pt O_'_D_u_n_l_e_a_v_y positioned supine.",
                 "O_'_D_u_n_l_e_a_v_y") == ""
    note = f"Pt {piece} positioned supine, incision at 09:12, stable."
    left = _left(engine, apostrophe_name, note, piece)
    assert len(left) <= 1, (left, engine.deidentify(note, apostrophe_name).text)


@pytest.mark.parametrize("note", [
    "Pt to OR 4 at 09:12.\nVell-known team, q 4 h p o, A B C D E checked.",
    "x 2 d o s e s given; R L E intact; IV 1 2 3 4 lines\nflushed.",
    "Had\nlunch before 07:00, NPO since; Thad team ok.",
    "Quo-\nrum reached for the huddle at 08:40, pre-op check done.",
    "Pt Q S T U V stickers on chart, OR 4."])
def test_ordinary_words_broken_or_spaced_are_no_registered_name(
        engine: Engine, registered: CaseIdentifiers, note: str) -> None:
    # the wider joins (line breaks, slips, pieces) must not take ordinary words
    result = engine.deidentify(note, registered)
    assert not [f for f in result.findings if f.rule.startswith("case_name")], \
        [(f.rule, note[f.start:f.end]) for f in result.findings]


@pytest.mark.parametrize("note", ["Quorvell, D. to PACU 10:40.", "Pt Quorvell\nD. signed.",
                                  "Thaddeus, a 60 yo, to PACU."])
def test_a_registered_name_is_not_widened_over_the_next_letter(
        engine: Engine, registered: CaseIdentifiers, note: str) -> None:
    # the name joined with one letter after it is one slip from the name: not a cut word
    result = engine.deidentify(note, registered)
    for f in result.findings:
        if f.rule.startswith("case_name"):
            assert note[f.start:f.end].rstrip(".,").isalpha(), note[f.start:f.end]
