"""attack21a: two of the listed disguises at once. A registered name spelled with digits
for letters AND spaced out one letter at a time ("H 4 d d ...", "Q_u_0_r ..."): each alone
is caught, together only the first letter goes and the note comes out `redacted`
(auto-published to students) with the rest of the name readable.

The names here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import CaseIdentifiers, Engine

from .support import left_uncovered, registered_case


@pytest.fixture(scope="module")
def registered() -> CaseIdentifiers:
    return registered_case("Thaddeus Quorvell", "Rashid al-Haddadin")


def _left(engine: Engine, case: CaseIdentifiers, note: str, piece: str) -> str:
    """The letters and digits of `piece` in `note` that no finding covers."""
    return left_uncovered(engine, note, piece, case, str.isalnum)


@pytest.mark.parametrize(("leet", "gap"), [
    ("H4dd4din", " "), ("H4dd4din", "\u00a0"), ("H4dd4din", "_"), ("H4dd4din", "-"),
    ("H4dd4din", "."), ("Qu0rv3ll", "\u00a0"), ("Qu0rv3ll", "_"), ("Th4dd3us", "\u00a0"),
    ("Qu0rv3ll", " \u200b")])
def test_a_registered_name_in_digits_and_spaced_never_survives(
        engine: Engine, registered: CaseIdentifiers, leet: str, gap: str) -> None:
    # each disguise alone is caught
    assert _left(engine, registered, f"Pt {leet} positioned supine.", leet) == ""
    letters = leet.replace("4", "a").replace("3", "e").replace("0", "o")
    assert _left(engine, registered, f"Pt {gap.join(letters)} positioned supine.",
                 gap.join(letters)) == ""
    piece = gap.join(leet)
    note = f"Pt {piece} positioned supine, incision at 09:12, stable."
    left = _left(engine, registered, note, piece)
    assert len(left) <= 1, (left, engine.deidentify(note, registered).text)
