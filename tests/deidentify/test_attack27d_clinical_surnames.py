"""attack27d: the twelve clinical words this session added to medical_terms.txt ("atrial",
"hypoxia", "tachypneic" ...) mark them MEDICAL, so an OLDER rule (name_tails' surname after a
given name, the "Surname, Given" comma form) no longer takes one as a surname: base 5a1ecfb
hid "Greta Afebrile" whole, main showed the surname. NEW vs base; the words were taken off
the list again after this attack, so these are plain tests. Every note here is invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

PUBLISHED = ("clean", "redacted")

SHOWN = [
    ("Called daughter Hester Arrhythmia at 2pm.", "Arrhythmia"),
    ("Patient name: Afebrile, Mabel", "Afebrile"),
    ("PATIENT: RUBEN HYPOTENSION", "HYPOTENSION"),
    ("pt ida fibrillation 64 f", "fibrillation"),
    ("Surgeon Dr. Hemodynamically; patient Otto Extubated.", "Extubated"),
    ("Pt Kofi Intubated arrived at 0700.", "Intubated"),
    ("Patient Soren Tachypneic, DOB 3/4/1950", "Tachypneic"),
    ("Patient is Greta Afebrile.", "Afebrile"),
    ("Atrial Renfrow, 64F, for lap chole.", "Atrial"),
    ("Patient Ida Atrial-Renfrow 40F", "Renfrow"),
    ("Patient: Lund, Afebrile 40F", "Afebrile"),
    ("Kofi Extubated, MRN 8812734", "Extubated"),
]

# the whole name shown and the note published clean (base hid it, or held the note)
WHOLE = [
    ("PT: BRADYCARDIA, IDA", "IDA"),
    ("Name: Tachypneic Lund", "Lund"),
    ("Patient Hemodynamically Obi 40M", "Obi"),
    ("pt hypoxia quorlander 66m", "quorlander"),
]


@pytest.mark.parametrize(("note", "surname"), SHOWN)
def test_a_surname_spelled_like_a_new_clinical_word_stays_hidden(
        engine: Engine, note: str, surname: str) -> None:
    out = engine.deidentify(note)
    assert not (out.verdict in PUBLISHED and surname in out.text), (out.verdict, out.text)


@pytest.mark.parametrize(("note", "other_part"), WHOLE)
def test_a_name_with_a_new_clinical_word_is_not_published_whole(
        engine: Engine, note: str, other_part: str) -> None:
    out = engine.deidentify(note)
    assert not (out.verdict in PUBLISHED and other_part in out.text), (out.verdict, out.text)


def test_a_lower_case_name_with_a_clinical_surname_keeps_its_quarantine(engine: Engine) -> None:
    out = engine.deidentify("pt ida fibrillation 64 f")
    assert out.verdict == "quarantine", (out.verdict, out.text)


# base read "PT AFEBRILE" in capitals as a name (a false alarm) and sent the note to a
# person; main no longer does, so a name that neither engine finds (an OLDER hole: capitals
# after "INTERPRETER" or "PACIENTE") is published clean
CAPS_LOOK = [
    ("PT AFEBRILE, HEMODYNAMICALLY STABLE. INTERPRETER IDA VAN DER OBI 95 L KNEE", "OBI"),
    ("PT AFEBRILE, HEMODYNAMICALLY STABLE. PACIENTE JAN DE LA OKAFOR 56 L KNEE", "OKAFOR"),
    ("PT AFEBRILE. INTERPRETER IDA MAC AN HAVERFORD 71M", "HAVERFORD"),
]


@pytest.mark.parametrize(("note", "surname"), CAPS_LOOK)
def test_a_capitals_note_that_shows_a_name_still_goes_to_a_person(
        engine: Engine, note: str, surname: str) -> None:
    out = engine.deidentify(note)
    assert not (out.verdict in PUBLISHED and surname in out.text), (out.verdict, out.text)
