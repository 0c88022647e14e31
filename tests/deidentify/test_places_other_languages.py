"""Places after a 'from' or 'live in' of another language, and other everyday forms of
geography below state level (sentences written for these tests)."""

from __future__ import annotations

import pytest

from services.common.deid import Engine


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


@pytest.mark.parametrize(("text", "place"), [
    ("Pacientka Nováková z Olomouce, plánovaná operace.", "Olomouce"),
    ("Pacjentka ze Wrocławia, operacja biodra.", "Wrocławia"),
    ("病人来自开平；今天做手术。", "开平"),
    ("她的儿子住在新会，明天来探望。", "新会"),
    ("女儿家住布碌仑（Brooklyn），在等候区。", "Brooklyn"),
    ("الزوج في الانتظار، وصل من هامترامك صباحا.", "هامترامك"),
])
def test_place_after_a_foreign_from(engine: Engine, text: str, place: str) -> None:
    out = engine.deidentify(text).text
    assert place not in out
    assert "[LOCATION]" in out


@pytest.mark.parametrize(("text", "gone"), [
    # a ZIP after a named facility, as on a letterhead
    ("records came from Kalispell clinic 59901 this morning", "59901"),
    ("seen at Sheridan Memorial, 82801 in March", "82801"),
    ("PT SENT FROM WALLACE COUNTY HOSPITAL 67761 BY AIR", "67761"),
    # Tagalog "taga-" (from) glued to a place
    ("ang kapatid niya ay taga-Vallejo po", "Vallejo"),
    ("si lolo ay taga-Daly City, dumating kahapon", "Daly City"),
    # a county road code after "off"/"on" or a house number
    ("family lives out off CR 318 near the grain elevator", "CR 318"),
    ("new address 2207 CR 41, call first", "2207 CR 41"),
])
def test_place_by_its_shape(engine: Engine, text: str, gone: str) -> None:
    assert gone not in engine.deidentify(text).text


@pytest.mark.parametrize("text", [
    "Cr 1.2 this morning, CR 412 umol/L last week",
    "clinic 12345 is the billing code",
    "CR 2 after six cycles, see onc clinic",
])
def test_no_place_in_these(engine: Engine, text: str) -> None:
    assert engine.deidentify(text).text == text


@pytest.mark.parametrize(("text", "gone"), [
    ("she moved into Birch Hollow Apartments last spring", "Birch Hollow"),
    ("resident of Lakeshore Pines Senior Living, alert", "Lakeshore Pines"),
    ("family from Silver Creek Mobile Home Park, lot 7", "Silver Creek"),
    ("PT LIVES AT QUAIL HOLLOW ESTATES WITH SON", "QUAIL HOLLOW"),
])
def test_named_residence(engine: Engine, text: str, gone: str) -> None:
    assert gone not in engine.deidentify(text).text


@pytest.mark.parametrize("text", [
    "discharged to assisted living after the hip",
    "The Apartments at the facility were closed for cleaning",
])
def test_housing_words_alone_stay(engine: Engine, text: str) -> None:
    assert engine.deidentify(text).text == text


@pytest.mark.parametrize(("text", "gone"), [
    # a town whose name starts with a particle, in a note with no capitals to go by
    ("pt drove down from la grange this am", "grange"),
    ("daughter lives in des plaines, will call", "des plaines"),
    ("TRANSFERRED FROM LA JUNTA, ON ROOM AIR", "LA JUNTA"),
    ("records from van wert county came by fax", "van wert"),
])
def test_particle_town_with_its_cue(engine: Engine, text: str, gone: str) -> None:
    assert gone not in engine.deidentify(text).text
