"""Names after words for the patient or a relative in Korean, Japanese, Arabic and Hebrew
(names.SCRIPT_CUES); Hangul is matched as the normalised view spells it (jamo).

All names here are invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FOUND = [
    ("환자 송하람, 복강경 수술 시작", "송하람"),
    ("딸 하윤 씨에게 연락함", "하윤"),
    ("患者さん 小野寺 ゆず（88）入室", "小野寺"),
    ("الابنة ريم في غرفة الانتظار", "ريم"),
    ("הבת נועה מחכה בחוץ", "נועה"),
]


@pytest.mark.parametrize(("note", "name"), FOUND)
def test_a_name_after_a_script_cue_is_redacted(engine: Engine, note: str, name: str) -> None:
    assert name not in engine.deidentify(note).text


def test_a_korean_note_without_a_cue_stays(engine: Engine) -> None:
    text = "수술실 7: Glenn shunt 진행 중"
    assert engine.deidentify(text).text == text
