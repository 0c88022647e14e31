"""clean / redacted / quarantine, fail-closed on error, determinism."""

from __future__ import annotations

import pytest

from services.common.deid import CaseIdentifiers, Engine, EngineConfig, Result
from services.common.deid import digits as digits_module


def test_clean_note_is_returned_unchanged(engine: Engine) -> None:
    r = engine.deidentify("Incision 09:42, EBL 150 mL, Foley placed")
    assert (r.text, r.findings, r.verdict, dict(r.counts), r.reasons) == (
        "Incision 09:42, EBL 150 mL, Foley placed", (), "clean", {}, ())


def test_redacted_note(engine: Engine) -> None:
    r = engine.deidentify("Dr. Okonkwo scrubbed in at 09:42 for the Whipple")
    assert r.verdict == "redacted"
    assert r.text == "Dr. [NAME] scrubbed in at 09:42 for the Whipple"
    assert [(f.start, f.end, f.category) for f in r.findings] == [(4, 11, "NAME")]


def test_unknown_capitalised_word_after_weak_cue_is_held(engine: Engine) -> None:
    r = engine.deidentify("Discussed plan per Zqwerty, proceed")
    assert r.verdict == "quarantine"
    assert r.reasons == ("uncertain_name",)
    assert "Zqwerty" not in r.text


def test_ambiguous_lower_case_name_after_relation_is_held(engine: Engine) -> None:
    r = engine.deidentify("son will call back")
    assert r.verdict == "quarantine"
    assert "ambiguous_name" in r.reasons


def test_mostly_identifiers_is_held(engine: Engine) -> None:
    r = engine.deidentify("Dr. Okonkwo 617-555-0199 03/14/1961 jdoe@gmail.com")
    assert r.verdict == "quarantine"
    assert r.reasons == ("identifier_ratio",)
    assert "Okonkwo" not in r.text


def test_too_many_findings_is_held() -> None:
    eng = Engine(EngineConfig(max_findings=2, max_identifier_ratio=1.0))
    r = eng.deidentify("call 617-555-0199 or 617-555-0198 or 617-555-0197 after the case today")
    assert r.verdict == "quarantine" and r.reasons == ("too_many_findings",)


def test_uncertainty_can_be_reported_without_holding() -> None:
    eng = Engine(EngineConfig(quarantine_uncertain=False))
    r = eng.deidentify("Discussed plan per Zqwerty, proceed")
    assert (r.verdict, r.reasons) == ("redacted", ())


def test_too_long_input_is_held_unread(engine: Engine) -> None:
    r = engine.deidentify("a" * 6000)
    assert (r.text, r.verdict, r.reasons) == ("", "quarantine", ("input_too_long",))


def test_internal_error_quarantines_with_empty_text(monkeypatch: pytest.MonkeyPatch,
                                                    engine: Engine,
                                                    case: CaseIdentifiers,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("Smith 617-555-0199")  # an exception that carries PHI

    monkeypatch.setattr(digits_module, "scan", boom)
    r = engine.deidentify("Mr. Smith, MRN 0012345678", case)
    assert r == Result(text="", findings=(), verdict="quarantine", counts={},
                       reasons=("engine_error",))
    assert "Smith" not in caplog.text and "617" not in caplog.text


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["list"]])
def test_wrong_input_types_quarantine(engine: Engine, bad: object) -> None:
    r = engine.deidentify(bad)  # type: ignore[arg-type]
    assert (r.text, r.verdict, r.reasons) == ("", "quarantine", ("engine_error",))


def test_wrong_case_type_quarantines(engine: Engine) -> None:
    r = engine.deidentify("Mr. Smith", {"names": ["Smith"]})  # type: ignore[arg-type]
    assert (r.text, r.verdict) == ("", "quarantine")


def test_deterministic(engine: Engine, case: CaseIdentifiers) -> None:
    note = "J.S. (DOB 3/14/61) per Zqwerty; wife Linda 617-555-0199; Whipple 09:42"
    first = engine.deidentify(note, case)
    assert all(engine.deidentify(note, case) == first for _ in range(3))
    assert Engine().deidentify(note, case) == engine.deidentify(note, case)
