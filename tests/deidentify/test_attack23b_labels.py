"""attack23b: the ticket drop (work_numbers, now also "tkt"/"tix") and deid23's asset-tag
drop (asset_tags) keep a number only when a patient's label follows in the shapes their
regexes know ("is the patient's MRN", "(MRN)", "= pt MRN"). The note saying the same
thing any other way ("(pts MRN)", "which is the MRN", "ie MRN", "[MRN]", "(medical record
#)", "(hosp #)", "- wristband #", "(med rec)", "matches MRN") drops the MRN as a ticket's or
a machine's number. main redacted all of these after "tkt" and "Asset tag" (regressions);
after "Ticket" main dropped them too (older hole).
The wards drop takes any ID shaped like a bed ("7W-4419") as a bed, also after "Band
reads", where it is the wristband's number (regression). And the asset tag's value
holding the registered patient's initials and birthday ("TQ-0721"), or the registered
MRN with a slip typed in groups ("0074 4192 36"), is dropped (regressions); that MRN
after "Band reads", "tkt", "ticket" is missed on main too (older hole). Invented numbers;
registered case Thaddeus Quorvell, MRN 0074419263, DOB 1938-07-21."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, registered_case

REASON = "attack23b: a patient's label after a number in a shape the drop does not know"


def _assert_gone(engine: Engine, note: str, value: str, registered: bool = False) -> None:
    case = registered_case() if registered else None
    left = left_uncovered(engine, note, value, case)
    assert not any(c.isalnum() for c in left), (left, engine.deidentify(note, case).text)


_AFTER = ["(pts MRN)", "which is the MRN", "ie MRN", "[MRN]", "(medical record #)", "(hosp #)",
          "- wristband #"]


@pytest.mark.parametrize("after", _AFTER)
def test_an_mrn_after_tkt_labelled_after_goes(engine: Engine, after: str) -> None:
    _assert_gone(engine, f"IT tkt 4471902 {after}", "4471902")


@pytest.mark.xfail(strict=True, raises=AssertionError, reason=REASON + " (older hole)")
@pytest.mark.parametrize("after", _AFTER)
def test_an_mrn_after_ticket_labelled_after_goes(engine: Engine, after: str) -> None:
    _assert_gone(engine, f"IT ticket 4471902 {after}", "4471902")


@pytest.mark.parametrize("after", ["which is the MRN", "ie MRN", "[MRN]", "/ MRN", "matches MRN",
                                   "(med rec)", "med rec no.", "(hosp #)"])
def test_an_mrn_after_an_asset_tag_labelled_after_goes(engine: Engine, after: str) -> None:
    _assert_gone(engine, f"Asset tag: 4471902 {after}", "4471902")


def test_the_registered_initials_and_birthday_after_an_asset_tag_go(engine: Engine) -> None:
    _assert_gone(engine, "Asset tag: TQ-0721", "TQ-0721", registered=True)


@pytest.mark.parametrize("note", ["Asset tag: 0074 4192 36", "Equipment tag: 0074 4192 36",
                                  "Asset tag: 0074 419 236", "Asset tag: 0074 4192 6"])
def test_the_registered_mrn_in_groups_with_a_slip_after_a_tag_goes(engine: Engine,
                                                                    note: str) -> None:
    _assert_gone(engine, note, note.split(": ", 1)[1], registered=True)


@pytest.mark.xfail(strict=True, raises=AssertionError, reason="attack23b: the registered "
                   "MRN with a slip, typed in groups, after another label (older hole)")
@pytest.mark.parametrize("note", ["Band reads 0074 4192 36", "IT tkt 0074 4192 36"])
def test_the_registered_mrn_in_groups_with_a_slip_goes(engine: Engine, note: str) -> None:
    _assert_gone(engine, note, "0074 4192 36", registered=True)


# fixed with attack23c's hit (a ticket's own number is one group long)
@pytest.mark.parametrize("note", ["IT ticket 0074 4192 36"])
def test_the_registered_mrn_in_groups_after_a_ticket_goes(engine: Engine, note: str) -> None:
    _assert_gone(engine, note, "0074 4192 36", registered=True)


@pytest.mark.parametrize("note", ["Band reads 7W-4419", "Band 1E-0074"])
def test_a_wristband_number_shaped_like_a_bed_goes(engine: Engine, note: str) -> None:
    _assert_gone(engine, note, note.rsplit(" ", 1)[1])


@pytest.mark.parametrize("note", ["IT tkt 4471902 (MR#)", "IT tkt 4471902 is pt MRN",
                                  "Asset tag: 4471902 is her MRN", "Asset tag: 4471902 = MRN"])
def test_the_known_shapes_held(engine: Engine, note: str) -> None:
    _assert_gone(engine, note, "4471902")


@pytest.mark.parametrize("note", ["Asset tag: 0074-4192-36", "Asset tag: 0074 4192 63"])
def test_the_registered_mrn_after_a_tag_held(engine: Engine, note: str) -> None:
    _assert_gone(engine, note, note.split(": ", 1)[1], registered=True)
