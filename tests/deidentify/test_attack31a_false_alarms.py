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

Every note is invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import strict_xfail, untouched

NEW_BAND = "NEW: band_names reads a clinical 'Word, Word' after a cue as 'SURNAME, Given'"
NEW_KIN = "NEW: kin_names reads an unlisted word after a relation word as a given name"
NEW_SELF = "NEW: self_names reads a chat word on the given-name list as the speaker's name"
NEW_PLAYER = "NEW: player_names reads a job title after 'Player' as a name"


@pytest.mark.parametrize("note", [
    pytest.param("Started Tazocin for Pseudomonas, Klebsiella cover pending cultures.",
                 marks=strict_xfail(NEW_BAND)),
    pytest.param("Sputum sample: Acinetobacter, Enterobacter isolated, sensitivities to follow.",
                 marks=strict_xfail(NEW_BAND)),
    pytest.param("Empirical cover for Enterococcus, Listeria with amoxicillin.",
                 marks=strict_xfail(NEW_BAND)),
    pytest.param("Referred for Haematology, Gynaecology review.", marks=strict_xfail(NEW_BAND)),
    pytest.param("for Daptomycin, Linezolid levels see pharmacy.", marks=strict_xfail(NEW_BAND)),
    pytest.param("EOB: Keflex, Augmentin denied.", marks=strict_xfail(NEW_BAND)),
    pytest.param("Reprint: Tazocin, Augmentin labels.", marks=strict_xfail(NEW_BAND)),
    pytest.param("Sample for Haemophilus, Moraxella PCR.", marks=strict_xfail(NEW_BAND)),
])
def test_clinical_pairs_after_a_cue_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)


@pytest.mark.parametrize(("note", "kept"), [
    pytest.param("Abx: Tazocin, Meropenem 12/03/2024 - 15/03/2024.", "Tazocin, Meropenem",
                 marks=strict_xfail(NEW_BAND + " (before a date)")),
    pytest.param("Gynaecology, Haematology 12/03/2024 clinic letters.",
                 "Gynaecology, Haematology", marks=strict_xfail(NEW_BAND + " (before a date)")),
])
def test_clinical_pairs_before_a_date_stay(engine: Engine, note: str, kept: str) -> None:
    assert kept in engine.deidentify(note).text


NEW_INITIAL = "NEW: band_names reads 'CAPS X' after an ID's digits as 'SURNAME I'"


@pytest.mark.parametrize(("note", "kept"), [
    pytest.param("Sample ID 4471902 EDTA K tube.", "EDTA K tube", marks=strict_xfail(NEW_INITIAL)),
    pytest.param("Lab ID 4471902 FBCS A pending.", "FBCS A pending",
                 marks=strict_xfail(NEW_INITIAL)),
    pytest.param("Set ID 1234567 LAPAROTOMY A opened.", "LAPAROTOMY A opened",
                 marks=strict_xfail(NEW_INITIAL + " (and the note is quarantined)")),
])
def test_a_clinical_word_and_letter_after_an_id_stay(engine: Engine, note: str,
                                                      kept: str) -> None:
    assert kept in engine.deidentify(note).text


@pytest.mark.parametrize("note", [
    pytest.param("Cultures: Klebsiella, Enterobacter 12/03/2024 both ESBL.",
                 marks=strict_xfail(NEW_BAND + ": the hidden pair quarantines the note")),
    pytest.param("Levels due: Daptomycin, Linezolid 12/03/24.",
                 marks=strict_xfail(NEW_BAND + ": the hidden pair quarantines the note")),
])
def test_a_dated_clinical_pair_is_not_quarantined(engine: Engine, note: str) -> None:
    result = engine.deidentify(note)
    assert result.verdict != "quarantine", result.reasons
    assert note.split(": ", 1)[1].split(" 12/")[0] in result.text


@pytest.mark.parametrize("note", [
    pytest.param("Family Whatsapp group updated by charge nurse.", marks=strict_xfail(NEW_KIN)),
    pytest.param("family Skype call arranged for 1500.", marks=strict_xfail(NEW_KIN)),
    pytest.param("family Facetime with daughter.", marks=strict_xfail(NEW_KIN)),
    pytest.param("whānau Māori support offered, declined.", marks=strict_xfail(NEW_KIN)),
    pytest.param("Aunty Covid positive so no visiting this week.", marks=strict_xfail(NEW_KIN)),
    pytest.param("family Karakia before transfer to theatre.", marks=strict_xfail(NEW_KIN)),
    pytest.param("family Tikanga observed for taonga.", marks=strict_xfail(NEW_KIN)),
    pytest.param("Kaumātua and whānau Karakia at bedside.", marks=strict_xfail(NEW_KIN)),
    pytest.param("family Hapu notified.", marks=strict_xfail(NEW_KIN)),
    pytest.param("family Pasifika nurse liaison.", marks=strict_xfail(NEW_KIN)),
    pytest.param("family Rongoā used at home.", marks=strict_xfail(NEW_KIN)),
    pytest.param("Player Development Officer aware.", marks=strict_xfail(NEW_PLAYER)),
    pytest.param("USER: im fab thanks BOT: great", marks=strict_xfail(NEW_SELF)),
    pytest.param("USER: im peachy thanks BOT: great", marks=strict_xfail(NEW_SELF)),
    pytest.param("USER: this is fab BOT: great", marks=strict_xfail(NEW_SELF)),
    pytest.param("USER: i'm yeh ok BOT: great", marks=strict_xfail(NEW_SELF)),
    pytest.param("USER: i'm naw not sure BOT: ok", marks=strict_xfail(NEW_SELF)),
])
def test_ordinary_words_after_the_cues_stay(engine: Engine, note: str) -> None:
    untouched(engine, note)


@pytest.mark.parametrize(("note", "kept"), [
    pytest.param("Dr Stableford reviewed post-op. Obs: pt STABLE, for ward.", "pt STABLE",
                 marks=strict_xfail("NEW: beside_names takes a capitalised word that starts "
                                    "a name's word as the name clipped")),
    pytest.param("Mr Standingford reviewed, STANDING BP 110/70.", "STANDING BP",
                 marks=strict_xfail("NEW: beside_names takes a capitalised word that starts "
                                    "a name's word as the name clipped")),
    pytest.param("Dr Hemi Walker reviewed; drug name on box: Παρακεταμόλη σιρόπι",
                 "Παρακεταμόλη σιρόπι",
                 marks=strict_xfail("NEW: beside_names takes any other-script words after "
                                    "'name …:' once the note has a name")),
    pytest.param("Dr Hemi Walker saw pt. Ελληνικό φυλλάδιο (Dr Hemi Walker) given.",
                 "Ελληνικό φυλλάδιο",
                 marks=strict_xfail("NEW: beside_names takes other-script words before "
                                    "'(Dr X)' as the same name")),
    pytest.param("Consent: patie&#39;nt Tobias Thistlewood signed.", "patie&#39;nt",
                 marks=strict_xfail("NEW: beside_names takes an entity-mangled cue word "
                                    "before a name as the name's word (diff sweep)")),
    pytest.param("Q&amp;A Tobias Thistlewood asked about drains.", "Q&amp;A",
                 marks=strict_xfail("NEW: beside_names takes 'Q&amp;A' before a name as "
                                    "the name's word")),
    pytest.param("On call: Dr Whatuira (Anaes) Hemi Walker (Surg)", "(Anaes)",
                 marks=strict_xfail("NEW: beside_names takes a bracketed specialty between "
                                    "two names as a nickname")),
])
def test_guard_words_beside_a_name_stay(engine: Engine, note: str, kept: str) -> None:
    assert kept in engine.deidentify(note).text
