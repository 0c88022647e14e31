"""A name found on the normalised view is redacted to the ends of what was typed."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.mark.parametrize(("note", "name"), [
    ("pt Mr. Hask3ll5 to PACU", "Hask3ll5"),  # a digit the view leaves at the end
    ("pt Ch1d1 Obi3 in bay 4", "Ch1d1 Obi3"),
    ("Pt Ngozi Olúwáṣẹ̀un for consent", "Olúwáṣẹ̀un"),  # a combining mark at the end
    ("Guardian: Rosa&#8209;Lee Moss&#45;Quint (aunt)", "Rosa&#8209;Lee Moss&#45;Quint"),
    ("Name: T_a_m_s_i_n_._O_k_a_f_o_r", "T_a_m_s_i_n_._O_k_a_f_o_r"),  # one name, joined
    ('Pt "Biscuit" Carver to ICU', '"Biscuit" Carver'),  # a surname after a nickname
    ("Pt &quot;Biscuit&quot; Carver to ICU", "&quot;Biscuit&quot; Carver"),
])
def test_the_whole_typed_name_is_redacted(engine: Engine, note: str, name: str) -> None:
    r = engine.deidentify(note)
    start = note.index(name)
    covered = [any(f.start <= i < f.end for f in r.findings) for i in range(len(note))]
    assert all(covered[start:start + len(name)]), r.text


def test_a_name_beside_other_words_does_not_grow_over_them(engine: Engine) -> None:
    r = engine.deidentify("Dr. Okonkwo_2 sets, Dr. Hask3ll-on call")
    assert r.text == "Dr. [NAME]_2 sets, Dr. [NAME]-on call"
