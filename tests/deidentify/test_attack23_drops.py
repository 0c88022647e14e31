"""attack23: drop rules of deid23 that now let a person's identifier through where main
(5389418) redacted it. Each rule drops a finding by what the word also means:
- plain_words: a language or nationality the name lists hold, with no person cue right
  before, is taken for the language; surnames and given names among them ("Chamorro",
  "Moldovan", "Dari", "Tamil") then pass after "by", "for" or "Signed:";
- names: an English word typed in lower case after "pt" in a note that capitalises is
  the word; a surname typed so ("Pt marsh", "Pt crane") passes;
- asset_tags: a VEHICLE finding within reach of "asset/equipment tag" is dropped whole,
  and the plate rule's value had swallowed what the label stood before (a DOB, an MRN);
- wards: a compass word after a number is the unit; a numbered contact list's surname
  ("1 North (son)") passes.
Invented names and numbers."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import left_uncovered, registered_case


def _no_letters(left: str) -> bool:
    return not any(c.isalpha() for c in left)


def _no_digits(left: str) -> bool:
    return not any(c.isdigit() for c in left)


@pytest.mark.parametrize(("note", "name"), [
    ("Consent witnessed by Dari Moldovan", "Dari Moldovan"),
    ("Message left for Chamorro re pickup", "Chamorro"),
    ("Signed: Tamil Chamorro", "Tamil Chamorro"),
    # a credential or deid23's own "<role> is <Name>" cue does not keep them either
    ("Handoff: Chamorro RN to Moldovan RN", "Moldovan"),
    ("the anesthesia doctor is Dari Tamil", "Dari Tamil"),
])
def test_a_name_that_is_also_a_language_goes(engine: Engine, note: str, name: str) -> None:
    left = left_uncovered(engine, note, name)
    assert _no_letters(left), (left, engine.deidentify(note).text)


@pytest.mark.parametrize(("note", "name"), [
    ("Post-op check. Pt marsh resting, family updated.", "marsh"),
    ("Post-op check. Pt crane resting, family updated.", "crane"),
])
def test_a_lower_case_surname_after_pt_goes(engine: Engine, note: str, name: str) -> None:
    left = left_uncovered(engine, note, name)
    assert _no_letters(left), (left, engine.deidentify(note).text)


@pytest.mark.parametrize(("note", "value"), [
    ("Equipment tag: DOB 03/14/1961", "03/14/1961"),
    ("Asset tag: DOB 3/14/61 on the label", "3/14/61"),
    ("Asset tag: 4471902 is the patient's MRN, not the pump's", "4471902"),
    # "property" is the patient's too: the belongings bag's tag carries who they are
    ("Belongings bagged; property tag: MRN 4471902", "4471902"),
    ("Belongings bagged; property tag: DOB 03/14/1961", "03/14/1961"),
    ("Belongings: property tag #A-4471902 with pt label", "A-4471902"),
])
def test_an_identifier_after_an_asset_tag_label_goes(engine: Engine, note: str,
                                                     value: str) -> None:
    left = left_uncovered(engine, note, value)
    assert _no_digits(left), (left, engine.deidentify(note).text)


def test_a_compass_surname_in_a_numbered_contact_list_goes(engine: Engine) -> None:
    note = "Emergency contacts: 1 North (son) 617-555-0142"
    left = left_uncovered(engine, note, "North")
    assert _no_letters(left), (left, engine.deidentify(note).text)


# what held: the same words stay redacted when they are the registered patient's
@pytest.mark.parametrize(("note", "names"), [
    ("Message left for Chamorro re pickup", ["Ines Chamorro"]),
    ("Post-op check. Pt marsh resting, family updated.", ["Jonah Marsh"]),
    ("Emergency contacts: 1 North (son) 617-555-0142", ["Ann North"]),
])
def test_the_registered_patient_still_goes(engine: Engine, note: str, names: list[str]) -> None:
    name = names[0].split()[-1]
    piece = next(w for w in note.split() if w.lower().strip(",.") == name.lower())
    assert _no_letters(left_uncovered(engine, note, piece, registered_case(*names)))


def test_the_registered_dob_after_an_asset_tag_still_goes(engine: Engine) -> None:
    note = "Equipment tag: DOB 07/21/1938"
    assert _no_digits(left_uncovered(engine, note, "07/21/1938", registered_case()))
