"""A name found on the normalised view is redacted to the ends of what was typed."""

from __future__ import annotations

import pytest

from services.common.deid import Engine, name_edges


@pytest.mark.parametrize(("note", "name"), [
    ("pt Mr. Hask3ll5 to PACU", "Hask3ll5"),  # a digit the view leaves at the end
    ("pt Ch1d1 Obi3 in bay 4", "Ch1d1 Obi3"),
    ("Pt Ngozi Olúwáṣẹ̀un for consent", "Olúwáṣẹ̀un"),
    ("Pt Ifeoma Okónkwọ̀ for consent", "Okónkwọ̀"),  # a combining mark at the end
    ("Guardian: Rosa&#8209;Lee Moss&#45;Quint (aunt)", "Rosa&#8209;Lee Moss&#45;Quint"),
    ("Name: T_a_m_s_i_n_._O_k_a_f_o_r", "T_a_m_s_i_n_._O_k_a_f_o_r"),  # one name, joined
    ('Pt "Biscuit" Carver to ICU', '"Biscuit" Carver'),  # a surname after a nickname
    ("Pt &quot;Biscuit&quot; Carver to ICU", "&quot;Biscuit&quot; Carver"),
])
def test_the_whole_typed_name_is_redacted(engine: Engine, note: str, name: str) -> None:
    r = engine.deidentify(note)
    start = note.index(name)
    covered = [any(f.start <= i < f.end for f in r.findings) for i in range(len(note))]
    assert all(covered[i] or note[i].isspace() for i in range(start, start + len(name))), r.text


def test_a_name_beside_other_words_does_not_grow_over_them(engine: Engine) -> None:
    r = engine.deidentify("Dr. Okonkwo_2 sets, Dr. Hask3ll-on call")
    assert r.text == "Dr. [NAME]_2 sets, Dr. [NAME]-on call"


@pytest.mark.parametrize(("note", "name"), [
    ("wallet belongs to Skip Okonkwo-Ballard.", "Skip Okonkwo-Ballard"),
    ("billing for Storm Okafor today", "Storm Okafor"),
    ("telemetry linked to River R. Fitzgerald, bed 4", "River R. Fitzgerald"),
])
def test_a_capitalised_word_before_a_found_name_is_its_given_name(
        engine: Engine, note: str, name: str) -> None:
    r = engine.deidentify(note)
    assert name.split()[0] not in r.text and r.text.count("[NAME]") == 1, r.text


@pytest.mark.parametrize(("note", "kept"), [
    ("seen in the Hybrid OR by Dr. Okafor", "Dr."),
    ("Done. Okafor to PACU", "Done."),
    ("implant for Foley Okafor", "Foley"),  # a device's eponym
])
def test_a_clinical_or_sentence_start_word_stays(engine: Engine, note: str, kept: str) -> None:
    assert kept in engine.deidentify(note).text


@pytest.mark.parametrize(("note", "given"), [
    ("fax the note regarding okafor-blythe, river new paragraph", "river"),
    ("ssn on file for okonkwo-hale, duke please do not share", "duke"),
])
def test_a_given_name_after_a_found_surname_and_comma_in_lower_case(
        engine: Engine, note: str, given: str) -> None:
    assert f" {given} " not in engine.deidentify(note).text


def test_a_grammar_word_after_the_comma_stays(engine: Engine) -> None:
    assert engine.deidentify("dr okafor, will you sign").text == "dr [NAME], will you sign"


def _loc(s: int, e: int) -> tuple[int, int, str, str, int]:
    return (s, e, "LOCATION", "place", 0)


@pytest.mark.parametrize(("text", "cut", "whole"), [
    ("in Glen\u00adharrow.", "Glen", "Glen\u00adharrow"),  # a soft hyphen after the cut
    ("in Glenh&#97;rrow.", "Glenh", "Glenh&#97;rrow"),  # a character reference
    ("in Glen\u200bharrow.", "harrow", "Glen\u200bharrow"),  # cut at the start
])
def test_a_place_cut_where_the_view_dropped_a_character_grows(
        text: str, cut: str, whole: str) -> None:
    spans = [_loc(text.index(cut), text.index(cut) + len(cut))]
    fired: list[str] = []
    assert name_edges.widen(text, spans, lambda w: 0, fired)
    assert fired == ["name_edges"]
    s, e = spans[0][:2]
    assert text[s:e] == whole


@pytest.mark.parametrize(("text", "cut"), [
    ("in Glenharrow.", "Glen"),  # a plain letter: the place stays as found
    ("in Glen\u00ad harrow.", "Glen"),  # the word ends after the hiding character
    ("Glen &amp; Harrow", "Glen"),
    ("in Glen&#32;harrow", "Glen&#32;harrow"),  # already whole
])
def test_a_place_cut_elsewhere_stays(text: str, cut: str) -> None:
    spans = [_loc(text.index(cut), text.index(cut) + len(cut))]
    name_edges.widen(text, spans, lambda w: 0, [])
    s, e = spans[0][:2]
    assert text[s:e].replace("\u00ad", "") == cut
