"""A relative's given name in lower case after more relation words and verbs ("bf ...",
"... flying in", "mom is ..., dad is ...", name_pairs.py), and a place that is also a word
when its context says place: a town before a comma and a state written out in a note with
no capitals to go by ("from happy, texas"), a capitalised word after "driving in
from" / "flew in from" (places.py).

Every name and sentence here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

GONE = [
    # relation word, a lower-case name no word list holds, a verb of coming and going
    ("her son tavoni flying in from the coast tonight", "tavoni"),
    ("bf queshon is at the desk asking for her", "queshon"),
    ("grandpa rhydian texted the unit twice", "rhydian"),
    # "relation is NAME" closing its clause: a given name, even a frequent one
    ("pt is 6, mom is kim, dad is on the way", "kim"),
    ("contacts: dad is lee; mom unreachable", "lee"),
    # the relation word, then a name closing its clause
    ("discharge packet handed to daughter tavoni. vitals stable", "tavoni"),
    ("visitors (son maëlis) in the lounge", "maëlis"),
    # a town that is an everyday word, then a comma and a state written out, lower case
    ("pt lives in golden, colorado, long drive for the family", "golden"),
    ("pt from happy, texas, fell off a ladder", "happy"),
    ("PT FROM HAPPY, TEXAS, FELL OFF A LADDER", "HAPPY"),
    ("wife is from liberal, kansas originally", "liberal"),
    # after "driving in from": a place, even a capitalised English word no list has
    ("Her brother was driving in from Protection when she arrested.", "Protection"),
    ("He flew in from Endurance last night for the surgery.", "Endurance"),
    # in capitals, the first word of a two-word city on its own is still no word
    ("SON FLEW IN FROM CEBU LAST NIGHT.", "CEBU"),
]


@pytest.mark.parametrize(("note", "part"), GONE)
def test_kin_names_and_places_in_context_are_redacted(engine: Engine, note: str,
                                                      part: str) -> None:
    assert part not in engine.deidentify(note).text


KEPT = [
    "mother is stable after the delivery",
    "grandpa keeps asking for his glasses",
    "dad is upset, wants to talk to the surgeon",
    "mom is aware.",
    "dad stable, mom tired.",
    "son too. daughter tomorrow (after work).",
    "Transferred from Recovery to the floor at 14:00",
    "Transferred from Triage with a pulse of 130",
    "pt came from home, she was driving in from Work when it started",
    "I hope, honestly, that the Kansas team calls back",
    "I hope, Texas wins tonight",
]


@pytest.mark.parametrize("note", KEPT)
def test_ordinary_words_in_those_places_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note


def test_caps_place_after_travel_does_not_swallow_the_sentence(engine: Engine) -> None:
    text = engine.deidentify("SON FLEW IN FROM CEBU WHEN IT STARTED.").text
    assert "WHEN IT STARTED" in text and "CEBU" not in text


def test_a_place_after_driving_in_from_is_confident(engine: Engine) -> None:
    result = engine.deidentify("Her brother was driving in from Protection when she arrested.")
    assert result.verdict == "redacted"


TRAVELLED_TO = [
    ("son drove to bountiful last night to get her things", "bountiful"),
    ("she flew to anchorage for the wedding, back monday", "anchorage"),
]


@pytest.mark.parametrize(("note", "part"), TRAVELLED_TO)
def test_a_town_one_drives_or_flies_to_is_redacted(engine: Engine, note: str,
                                                   part: str) -> None:
    assert part not in engine.deidentify(note).text


@pytest.mark.parametrize("note", [
    "daughter drove to work after the visit",
    "husband drove to the pharmacy for her meds",
    "he flew to rehab? no, he walked",
])
def test_where_one_drives_that_is_no_town_stays(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
