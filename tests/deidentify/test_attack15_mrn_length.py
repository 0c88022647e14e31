"""attack15, item 1: the MRN's length hashed beside it (identifiers.mrn_length_value)
lets the engine hash only the one-slip spellings as long as the MRN. Attacked with every
one-slip spelling (dropped, added, changed, swapped digit) of MRNs of unusual lengths
(4, 5 with leading zeros, 6, 7, 8, 10, 12 digits, with letters), typed with separators,
spaces, leading zeros, Unicode digits and parentheses, labelled or not, against a case
registered with the length and the same case registered before it (MRN digest only).
Misses: a registration with the length never lets through what one without it stopped
(and today's, which holds the MRN's last four digits too, stops those as well).
Hit: the exact MRN split over two lines reaches students (not from today's change)."""

from __future__ import annotations

import re

import pytest

from services.common.deid import CaseIdentifiers, Engine
from services.common.identifiers import normalise_mrn

from .attack_cases import AUTO

KEY = b"k" * 32
_AR = str.maketrans("0123456789", "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669")
_FW = str.maketrans("0123456789", "\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19")
MRNS = ["4821", "0048213", "482139", "4172039", "12345678", "9876543210", "123456789012",
        "A4821B3"]
NOTES = ["MRN {} stable, incision now", "pt {} to bay 2", "arrived, id {} ok"]


def _registered(mrn: str) -> tuple[CaseIdentifiers, CaseIdentifiers]:
    """The case as registered today (MRN and its length) and before (MRN digest only)."""
    new = CaseIdentifiers.from_plain(names=["Zorbek Quillfeather"], mrn=mrn, dob=None, key=KEY)
    wire = new.to_wire()
    probe = CaseIdentifiers.from_plain(names=[], mrn=None, dob=None, key=KEY)
    mrn_digest = probe._digest_of("mrn")(normalise_mrn(mrn))
    wire["mrn"] = [h for h in wire["mrn"] if bytes.fromhex(h) == mrn_digest]
    return new, CaseIdentifiers.from_wire(wire, key=KEY)


def _end_group(end: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\d){end}(?!\d)")


def _slips(raw: str) -> list[str]:
    out = {raw[:i] + raw[i + 1:] for i in range(len(raw))}
    out |= {raw[:i] + raw[i + 1] + raw[i] + raw[i + 2:] for i in range(len(raw) - 1)}
    out |= {raw[:i] + d + raw[i:] for i in range(len(raw) + 1) for d in "0123456789"}
    out |= {raw[:i] + d + raw[i + 1:] for i in range(len(raw)) for d in "0123456789"}
    return sorted(s for s in out if len(s.lstrip("0")) >= 4)


def _shapes(s: str) -> list[str]:
    return [s, "0" + s, f"{s[:3]}-{s[3:]}", f"{s[:3]}.{s[3:]}", f"{s[:3]} {s[3:]}",
            " ".join(s), s.translate(_AR), s.translate(_FW), f"({s})"]


@pytest.mark.parametrize("mrn", MRNS)
def test_length_hash_lets_through_nothing_the_old_registration_stopped(
        engine: Engine, mrn: str) -> None:
    new, old = _registered(mrn)
    assert new.mrn_lengths() == {len(normalise_mrn(mrn))} and old.mrn_lengths() is None
    # every 5th slip, each shape, each note: a few thousand notes per MRN in all
    for slip in _slips(normalise_mrn(mrn))[::5]:
        for shape in _shapes(slip):
            for form in NOTES:
                note = form.format(shape)
                a, b = engine.deidentify(note, new), engine.deidentify(note, old)
                if (a.text, a.verdict) != (b.text, b.verdict):
                    # today's registration also holds the MRN's last four digits: only
                    # those may go where the old one let them through ("pt 428 2139")
                    assert b.verdict == "clean" and a.text == _end_group(
                        normalise_mrn(mrn)[-4:]).sub("[MRN]", b.text), note


@pytest.mark.parametrize("mrn", MRNS)
def test_the_mrn_itself_in_any_typed_shape_never_reaches_students(
        engine: Engine, mrn: str) -> None:
    for case in _registered(mrn):
        norm = normalise_mrn(mrn)
        for shape in _shapes(norm):
            for form in NOTES:
                r = engine.deidentify(form.format(shape), case)
                assert not (r.verdict in AUTO and shape.strip("()") in r.text), form


@pytest.mark.parametrize("mrn", ["48213", "4172039", "12345678"])
def test_slips_of_5_to_8_digit_mrn_after_a_label_are_removed(engine: Engine, mrn: str) -> None:
    new, _ = _registered(mrn)
    for slip in _slips(mrn):
        if len(slip) < 5:
            continue  # a bare 4-digit number is no identifier on its shape (clock, dose)
        r = engine.deidentify(f"MRN {slip} stable, incision now", new)
        assert slip not in r.text, slip


@pytest.mark.parametrize("mrn", ["0048213", "4172039", "12345678"])
def test_exact_mrn_split_over_two_lines_is_removed(engine: Engine, mrn: str) -> None:
    new, old = _registered(mrn)
    norm = normalise_mrn(mrn)
    for case in (new, old):
        for sep in ("\n", "\r\n", " \n"):
            r = engine.deidentify(f"pt {norm[:3]}{sep}{norm[3:]} to bay 2", case)
            assert not (r.verdict in AUTO and norm[3:] in r.text), repr(sep)


def test_the_case_dob_split_over_two_lines_is_removed(engine: Engine) -> None:
    case = CaseIdentifiers.from_plain(names=["Zorbek Quillfeather"], mrn="0048213",
                                      dob="1961-03-14", key=KEY)
    for note in ("pt 3 14\n1961 to bay 2", "pt 14 3\n61 to bay 2"):
        r = engine.deidentify(note, case)
        assert not (r.verdict in AUTO and "1961"[-2:] in r.text), note


def test_numbers_listed_over_lines_that_are_not_the_case_stay(engine: Engine) -> None:
    new, _ = _registered("0048213")
    note = "counts\n120 80\n98 4\nincision now"
    assert engine.deidentify(note, new).text == note
