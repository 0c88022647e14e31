"""attack16: the registered patient's MRN, its last four digits and date of birth typed
with a separator the digit-group reader did not know. "417·82·13", "82·13" and
"1961·03·14" (a middle dot, as some locales group digits) reached students clean while
"417-82-13" and "1961-03-14" were removed: digit_groups joined groups over dashes,
dots, slashes... but not over a middle dot, a bullet or a dot operator.

The same typed with an apostrophe (the Swiss thousands mark: "4'178'213") went out too,
and the last four as a fraction ("82/13": digit_groups asked fractions for the whole MRN).

The last four with a letter or a word for a digit ("82l3", "8two13"), as a clock time
("82:13") or in an area code's brackets ("(82)13") went out too: mrn_end_shapes reads
them as digits and tests them against the case's MRN-end digests only.

An unregistered six-digit number in two dash groups ("518-784") went out clean too: no
doubt read it. grouped_doubts now sends one to a person unless it reads as a range or is
explained like number_doubts' long numbers."""

from __future__ import annotations

import pytest

from services.common.deid import CaseIdentifiers, Engine

from .attack_cases import AUTO

KEY = b"k" * 32
MRN, DOB = "4178213", "1961-03-14"
# a middle dot, a bullet, a bullet operator, a dot operator, a hyphenation point, a
# katakana middle dot and its halfwidth form
DOTS = ["\u00b7", "\u2022", "\u2219", "\u22c5", "\u2027", "\u30fb", "\uff65"]
FORMS = ["pt {} to bay 2", "incision now, {} stable"]


@pytest.fixture(scope="module")
def case() -> CaseIdentifiers:
    return CaseIdentifiers.from_plain(names=["Zorbek Quillfeather"], mrn=MRN, dob=DOB,
                                      key=KEY)


def _leaks(engine: Engine, case: CaseIdentifiers, typed: str, secret: str) -> list[str]:
    out = []
    for form in FORMS:
        r = engine.deidentify(form.format(typed), case)
        if r.verdict in AUTO and secret in r.text:
            out.append(r.text)
    return out


@pytest.mark.parametrize("dot", DOTS)
def test_the_mrn_in_dotted_groups_never_reaches_students(
        engine: Engine, case: CaseIdentifiers, dot: str) -> None:
    for typed in (f"417{dot}82{dot}13", f"4{dot}178{dot}213", f"41{dot}78{dot}213",
                  f"417 {dot} 8213"):
        assert not _leaks(engine, case, typed, typed), repr(typed)


@pytest.mark.parametrize("dot", DOTS)
def test_the_mrn_end_in_dotted_groups_never_reaches_students(
        engine: Engine, case: CaseIdentifiers, dot: str) -> None:
    typed = f"82{dot}13"
    assert not _leaks(engine, case, typed, typed), repr(typed)


@pytest.mark.parametrize("dot", DOTS)
def test_the_dob_in_dotted_groups_never_reaches_students(
        engine: Engine, case: CaseIdentifiers, dot: str) -> None:
    for typed in (f"1961{dot}03{dot}14", f"3{dot}14{dot}61", f"14{dot}03{dot}1961"):
        assert not _leaks(engine, case, typed, typed), repr(typed)


def test_dotted_counts_that_are_not_the_case_stay(engine: Engine, case: CaseIdentifiers) -> None:
    note = "sponge count 10\u00b710 correct, 2\u00b70 Vicryl"
    assert engine.deidentify(note, case).text == note


@pytest.mark.parametrize("mark", ["'", "\u2019"])
def test_the_mrn_and_dob_in_apostrophe_groups_never_reach_students(
        engine: Engine, case: CaseIdentifiers, mark: str) -> None:
    """Swiss thousands marks: "4'178'213"."""
    for typed in ("4{0}178{0}213", "417{0}82{0}13", "82{0}13", "1961{0}03{0}14"):
        typed = typed.format(mark)
        assert not _leaks(engine, case, typed, typed), typed


def test_a_height_with_an_apostrophe_stays(engine: Engine, case: CaseIdentifiers) -> None:
    note = "pt 5'10\" and 82 kg, 1'200 mL in"
    assert engine.deidentify(note, case).text == note


def test_the_mrn_end_as_a_fraction_never_reaches_students(
        engine: Engine, case: CaseIdentifiers) -> None:
    assert not _leaks(engine, case, "82/13", "82/13")


def test_fractions_that_are_not_the_mrn_end_stay(engine: Engine, case: CaseIdentifiers) -> None:
    note = "pain 10/10, BP 82/43, ratio 94/21"
    assert engine.deidentify(note, case).text == note


@pytest.mark.parametrize("typed", ["82l3", "8two13", "eight2one3", "82:13", "(82)13",
                                   "82I3", "8:213", "(82) 13"])
def test_the_mrn_end_in_other_shapes_never_reaches_students(
        engine: Engine, case: CaseIdentifiers, typed: str) -> None:
    assert not _leaks(engine, case, typed, typed)


def test_clock_times_and_codes_that_are_not_the_mrn_end_stay(
        engine: Engine, case: CaseIdentifiers) -> None:
    note = "in at 08:13, cut 10:45, (2)1 ratio, 4o2l, eight1one, 2x3 sutures (82)"
    assert engine.deidentify(note, case).text == note


def test_a_clock_time_equal_to_the_mrn_end_is_removed_and_others_stay(
        engine: Engine) -> None:
    case = CaseIdentifiers.from_plain(names=["Zorbek Quillfeather"], mrn="5551430",
                                      dob=DOB, key=KEY)
    r = engine.deidentify("closure 14:30, out 15:10", case)
    assert "14:30" not in r.text and "15:10" in r.text, r.text


@pytest.mark.parametrize("note", ["patient is 518-784, to bay 2", "band says 902\u2013361 today",
                                  "pt 518-784 in OR 3"])
def test_an_unregistered_grouped_six_digit_number_goes_to_a_person(
        engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert r.verdict not in AUTO, r.text


@pytest.mark.parametrize("note", ["keep glucose 140-180 overnight", "platelets 150-400 today",
                                  "first case 730-845 then turnover", "cut 518-784 mg in",
                                  "lot 518-784 opened", "ranges 100-150, 120-160"])
def test_ranges_and_explained_pairs_stay_clean(engine: Engine, note: str) -> None:
    r = engine.deidentify(note)
    assert r.text == note and r.verdict not in ("review", "quarantine"), r.verdict
