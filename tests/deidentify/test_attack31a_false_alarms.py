"""attack31a: NEW false alarms from the five NAME rules of 5b7e435..a301418 (base 93939a8
left each note as typed, or kept the guard word).

- band_names takes any "Word, Word" after "for", "sample", "reprint", "EOB" or before a
  date when both words are on no list: organisms ("for Pseudomonas, Klebsiella cover"),
  drugs ("EOB: Keflex, Augmentin"), departments ("for Haematology, Gynaecology review");
  a note with a date can even be quarantined for the ratio it hides; and "CAPS X" after
  an ID's digits as "SURNAME I" ("Sample ID 4471902 EDTA K tube").
- kin_names takes any capitalised word on no list after "family"/"whānau"/"aunty":
  apps (Whatsapp, Skype, Facetime), Māori and Pasifika words (Karakia, Tikanga, Rongoā).
- player_names takes "Player Development Officer"; self_names takes chat words on the
  given-name list ("im fab", "this is peachy", "i'm yeh").
- beside_names hides a capitalised ordinary word that starts a name's word ("pt STABLE"
  after Dr Stableford), any two other-script words after "name …:", other-script words
  before "(Dr X)", a bracketed specialty between two names as a nickname, and an
  entity-mangled ordinary word right before a name ("patie&#39;nt", "Q&amp;A").

Fixed in fix31a by narrowing what those rules add (older rules' findings untouched).
Every note is invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import untouched


@pytest.mark.parametrize("note", [
    "Started Tazocin for Pseudomonas, Klebsiella cover pending cultures.",
    "Sputum sample: Acinetobacter, Enterobacter isolated, sensitivities to follow.",
    "Empirical cover for Enterococcus, Listeria with amoxicillin.",
    "Referred for Haematology, Gynaecology review.",
    "for Daptomycin, Linezolid levels see pharmacy.",
    "EOB: Keflex, Augmentin denied.",
    "Reprint: Tazocin, Augmentin labels.",
    "Sample for Haemophilus, Moraxella PCR.",
])
def test_clinical_pairs_after_a_cue_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)


@pytest.mark.parametrize(("note", "kept"), [
    ("Abx: Tazocin, Meropenem 12/03/2024 - 15/03/2024.", "Tazocin, Meropenem"),
    ("Gynaecology, Haematology 12/03/2024 clinic letters.", "Gynaecology, Haematology"),
])
def test_clinical_pairs_before_a_date_stay(engine: Engine, note: str, kept: str) -> None:
    assert kept in engine.deidentify(note).text




@pytest.mark.parametrize(("note", "kept"), [
    ("Sample ID 4471902 EDTA K tube.", "EDTA K tube"),
    ("Lab ID 4471902 FBCS A pending.", "FBCS A pending"),
    ("Set ID 1234567 LAPAROTOMY A opened.", "LAPAROTOMY A opened"),
])
def test_a_clinical_word_and_letter_after_an_id_stay(engine: Engine, note: str,
                                                      kept: str) -> None:
    assert kept in engine.deidentify(note).text


@pytest.mark.parametrize("note", [
    "Cultures: Klebsiella, Enterobacter 12/03/2024 both ESBL.",
    "Levels due: Daptomycin, Linezolid 12/03/24.",
])
def test_a_dated_clinical_pair_is_not_quarantined(engine: Engine, note: str) -> None:
    result = engine.deidentify(note)
    assert result.verdict != "quarantine", result.reasons
    assert note.split(": ", 1)[1].split(" 12/")[0] in result.text


@pytest.mark.parametrize("note", [
    "Family Whatsapp group updated by charge nurse.",
    "family Skype call arranged for 1500.",
    "family Facetime with daughter.",
    "whānau Māori support offered, declined.",
    "Aunty Covid positive so no visiting this week.",
    "family Karakia before transfer to theatre.",
    "family Tikanga observed for taonga.",
    "Kaumātua and whānau Karakia at bedside.",
    "family Hapu notified.",
    "family Pasifika nurse liaison.",
    "family Rongoā used at home.",
    "Player Development Officer aware.",
    "USER: im fab thanks BOT: great",
    "USER: im peachy thanks BOT: great",
    "USER: this is fab BOT: great",
    "USER: i'm yeh ok BOT: great",
    "USER: i'm naw not sure BOT: ok",
])
def test_ordinary_words_after_the_cues_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)


@pytest.mark.parametrize(("note", "kept"), [
    ("Dr Stableford reviewed post-op. Obs: pt STABLE, for ward.", "pt STABLE"),
    ("Mr Standingford reviewed, STANDING BP 110/70.", "STANDING BP"),
    ("Dr Hemi Walker reviewed; drug name on box: Παρακεταμόλη σιρόπι",
                 "Παρακεταμόλη σιρόπι"),
    ("Dr Hemi Walker saw pt. Ελληνικό φυλλάδιο (Dr Hemi Walker) given.",
                 "Ελληνικό φυλλάδιο"),
    ("Consent: patie&#39;nt Tobias Thistlewood signed.", "patie&#39;nt"),
    ("Q&amp;A Tobias Thistlewood asked about drains.", "Q&amp;A"),
    ("On call: Dr Whatuira (Anaes) Hemi Walker (Surg)", "(Anaes)"),
])
def test_guard_words_beside_a_name_stay(engine: Engine, note: str, kept: str) -> None:
    assert kept in engine.deidentify(note).text
