"""attack24: a widened span that overlaps a supply's lot, ref or model number is merged
into it, takes its `batch_` rule (the longer piece wins), and the note then holds only
"batch" findings, which the engine drops as "a lot number alone identifies no one".

honorifics.widen grows a NAME span back over "Mr "/"Mrs "/"Herr "/"Mme "; a lot value
typed with a slash ("44561234/Mr") already ends on that title, so the two overlap and the
patient's name goes out with the lot number, verdict `clean`. Base 768686d kept the name
span apart and redacted it.

Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

PUBLISHED = ("clean", "redacted")

LOT_THEN_TITLED_NAME = [
    ("Lot 44561234/Mr Smith", "Smith"),
    ("Lot 8841223344/Herr Lenz", "Lenz"),
    ("Lot 8841223344/Mme Obi ok", "Obi"),
    ("lot 44561234/MR SMITH", "SMITH"),
    ("Lot 44561234/mrs ruiz", "ruiz"),
]


@pytest.mark.parametrize(("note", "name"), LOT_THEN_TITLED_NAME)
def test_a_titled_name_after_a_slashed_lot_number_is_redacted(engine: Engine, note: str,
                                                             name: str) -> None:
    out = engine.deidentify(note)
    assert not (out.verdict in PUBLISHED and name in out.text), (out.verdict, out.text)


# id_heads.widen grows a HEALTHPLAN span back over its payer and a VEHICLE span over
# "TX plate "; a lot value glued to the payer or state ("…2231/Medicare", "…2231.Aetna")
# ends on it, the longer lot span wins the merge, and the note is "only a lot number".
LOT_THEN_ISSUER = [
    ("Lot 4456123499-2231/Medicare # 1EG4TE5MK73", "1EG4TE5MK73"),
    ("Lot 4456123499-2231/Aetna: W55882211", "W55882211"),
    ("Lot 4456123499-2231/TX plate 882-KTV", "882-KTV"),
    ("Lot 4456123499-2231.Aetna: W55882211", "W55882211"),
    ("Ref 4456123499-2231/Medicare # 1EG4TE5MK73", "1EG4TE5MK73"),
]


@pytest.mark.parametrize(("note", "secret"), LOT_THEN_ISSUER)
def test_a_number_with_its_issuer_after_a_glued_lot_number_is_redacted(
        engine: Engine, note: str, secret: str) -> None:
    out = engine.deidentify(note)
    assert not (out.verdict in PUBLISHED and secret in out.text), (out.verdict, out.text)
