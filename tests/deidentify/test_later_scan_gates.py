"""The cheap gates in front of this session's later scans (speed32b) let through every
shape their patterns take: where the plain pattern matches, the gate does, and a search
started from the gate's first hit yields the plain `finditer`'s matches. Invented strings."""

from __future__ import annotations

import re

import pytest

from services.common.deid import (
    foreign_dates,
    foreign_places,
    german_phones,
    kin_of_names,
    lookalike_phones,
    old_ages,
    transfer_places,
    trunk_phones,
)
from services.common.deid.hints import folded


def _spans(pattern: re.Pattern[str], text: str, pos: int = 0) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, pos)]


@pytest.mark.parametrize("text", [
    "Tochter erreichbar 0211 5550188", "Sohn: 030/12345678, Lot 0231 55512",
    "Tel 089 / 1234567", "Handy 0171-5550123 und 0172 5550124", "x0211 5550188",
    "Mutter 06221 55501", "no phone 0.5 mg 012",
])
def test_german_phones_start_at_the_gate(text: str) -> None:
    first = german_phones._PHONE_GATE.search(text)
    plain = _spans(german_phones._PHONE, text)
    assert plain == (_spans(german_phones._PHONE, text, first.start()) if first else [])


@pytest.mark.parametrize("text", [
    "wife (0211) 5550188", "son 0161 555 0123 or (020)\u00a0555 01234", "Frau 030 12345678",
    "(0 12 345", "(0211) 555 01 x", "ref 0800 25000 IE",
])
def test_trunk_numbers_start_at_the_gate(text: str) -> None:
    first = trunk_phones._NUMBER_GATE.search(text)
    plain = _spans(trunk_phones._NUMBER, text)
    assert plain == (_spans(trunk_phones._NUMBER, text, max(0, first.start() - 1))
                     if first else [])


@pytest.mark.parametrize("text", ["(6l4) 555-Ol9O", "call 6I4-555-0190", "O2 sat", "l0",
                                  "lO 9", "5o", "Io1"])
def test_lookalike_gate_is_mixed(text: str) -> None:
    assert (lookalike_phones._MIXED_GATE.search(text) is None) == \
        (lookalike_phones._MIXED.search(text) is None)


@pytest.mark.parametrize("text", ["Montag, 14.10.", "Mi 3.7.2024", "Freitag den 1٣.7.",
                                  "Sa, 31.12.99", "Kalium 3.4."])
def test_day_month_gate(text: str) -> None:
    if foreign_dates._DE_DM.search(text) is not None:
        assert foreign_dates._DAY_MONTH.search(text) is not None


@pytest.mark.parametrize("text", ["geb. 1931, 95 J.", "(1899, 126)", "Jahrgang 1٩30, 95"])
def test_year_comma_gate(text: str) -> None:
    if old_ages._BORN_YEAR.search(text) is not None:
        assert old_ages._YEAR_COMMA.search(text) is not None


@pytest.mark.parametrize("before", ["transferred from", "sent TO", "picked up at",
                                    "outside hospital", "from the outside facility",
                                    "returned back to", "moved\tto"])
def test_move_words_end_in_the_gate_letters(before: str) -> None:
    text = f"{before}  Mercy Hospital"
    move = transfer_places._MOVE.search(text, 0, len(before) + 2)
    assert move is not None
    assert text[:len(before) + 2].rstrip(" \t")[-1] in transfer_places._MOVE_LAST


@pytest.mark.parametrize("text", [
    "widower of Gwilym", "Fiancée of\n  Ines", "GRANDSON OF Teodor", "ex-wife of Ana",
    "step-daughter-in-law\u00a0of Moana", "fiance of Rhys", "godmother of Ewa",
    "Guardian  of\tTane", "ſon of Ola", "brother ofNone",
])
def test_kin_of_gate_lets_each_shape_through(text: str) -> None:
    if kin_of_names._KIN_OF.search(text) is not None:
        assert kin_of_names._KIN_OF_FOLDED.search(folded(text)) is not None


@pytest.mark.parametrize("text", ["Montag, 14.10.", "Mi. 3.7.", "Freitag den 1.12.2024",
                                  "So 31.1.", "Sa, 2.02."])
def test_weekday_heads_gate(text: str) -> None:
    assert foreign_dates._DE_DM.search(text) is not None
    assert any(head in text for head in foreign_dates._DE_DAY_HEADS)


@pytest.mark.parametrize("text", ["93 J.", "95 Jahre", "91 Jahren", "92 Jhr", "94-jährig",
                                  "96jährig"])
def test_german_age_gate(text: str) -> None:
    assert old_ages._DE.search(text) is not None
    assert "J." in text or "Jahr" in text or "Jhr" in text or "ährig" in text


@pytest.mark.parametrize("text", ["18 rue des Saules, Laval", "7, rang Sainte-Anne",
                                  "18b Rue de l'Église", "90 boul. Saint-Denis, app. 3",
                                  "18 montee des Pins",
                                  "4 Côte-des-Neiges", "12 av. Laurier, Montréal QC H2V 1A1"])
def test_french_street_gate(text: str) -> None:
    if foreign_places._FR_ADDR.search(text) is not None:
        assert foreign_places._FR_NUMBER_STREET.search(text) is not None


@pytest.mark.parametrize("text", [
    "call 6I4-555-0190", "(6l4) 555-Ol9O and (6l4) 555-Ol9O", "ph 555.l23.4567",
    "O2 98 ph 6l4 555 0190",
    "tel 614-555-019O", "tel 614-555-O19O x", "no 614 555 0l90-", "ref 1234 then 6l4-555-0190",
])
def test_lookalike_phones_start_near_the_first_mixed(text: str) -> None:
    first = lookalike_phones._MIXED_GATE.search(text)
    assert first is not None
    keep = [g.span() for g in lookalike_phones._LAST_GROUP.finditer(text)
            if lookalike_phones._MIXED.search(text, max(0, g.start() - 13), g.end())]
    assert keep == [g.span() for g in lookalike_phones._LAST_GROUP.finditer(
        text, max(0, first.start() - 4))
        if lookalike_phones._MIXED.search(text, max(0, g.start() - 13), g.end())]
