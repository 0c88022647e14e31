"""Request bodies take the compiled validator's verdict when it accepts (web.read_json), so
it must accept nothing jsonschema refuses, for every schema read_json is given."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from services.common import schemas
from tests.common.test_fast_paths import ODD_VALUES, paths, replaced, without

ROOT = Path(__file__).resolve().parents[2]
SAMPLES: dict[str, dict[str, Any]] = {
    "api/milestone-submit.json": {
        "event_id": "0b4f3c4e-8f0e-4d59-9a6b-000000000001", "case_id": "case-1",
        "milestone": "incision", "note": "Incision made.", "phrase_ids": ["closing.start"],
        "occurred_at": "2026-11-22T09:42:00Z"},
    "api/case-create.json": {
        "procedure": "lap_chole", "patient": {"names": ["Ann Example"], "mrn": "MRN-1",
                                              "dob": "1970-01-02"},
        "consent": {"scope": ["students", "public"], "valid_from": "2026-11-22T08:00:00Z",
                    "valid_until": "2026-12-22T08:00:00Z", "document_ref": "form:2026/11#7"},
        "coordinators": ["dev-coordinator"], "start": True},
    "api/case-revoke.json": {"reason": "patient_withdrew"},
    "api/publication-preview.json": {
        "audience": "public", "procedure_name": "Cholecystectomy",
        "milestone_label": "Closure", "broadcast_id": "k3x9q2m7ab", "text": "Closing."},
    "api/review-decide.json": {
        "decision": "edit", "text": "Closing now.", "reason_code": "other",
        "comment": "fine", "audience": "students", "revision": 2},
    "api/join.json": {"secret": "Zx9_k3-Qm2pL7wVb4Nc8"},
    "api/join-link-create.json": {"broadcast_id": "k3x9q2m7ab", "minutes": 90},
}
MORE_ODD: list[Any] = [*ODD_VALUES, "abc\n", "ABC", "a" * 65, 3, -5, ["students", "students"],
                       ["nobody"], "approve", "2026-02-30", "1970-01-02T00:00:00Z"]


def agree(schema_id: str, document: object) -> bool:
    return schemas.is_valid(schema_id, document) <= \
        bool(schemas.validator(schema_id).is_valid(document))


def test_every_schema_read_json_is_given_has_a_sample() -> None:
    used = set()
    for path in (ROOT / "services").rglob("*.py"):
        used |= set(re.findall(r'read_json\(request, "([^"]+)"\)', path.read_text()))
    assert used == set(SAMPLES)


@pytest.mark.parametrize("schema_id", sorted(SAMPLES))
def test_the_compiled_check_accepts_nothing_jsonschema_refuses(schema_id: str) -> None:
    sample = SAMPLES[schema_id]
    assert schemas.is_valid(schema_id, sample)
    assert schemas.errors(schema_id, sample) == []
    checked = 0
    for path in paths(sample):
        for variant in [without(sample, path), *(replaced(sample, path, odd)
                                                 for odd in MORE_ODD)]:
            assert agree(schema_id, variant), (path, variant)
            checked += 1
    assert agree(schema_id, {**sample, "unexpected": 1})
    assert checked > 20


async def test_a_valid_body_skips_jsonschema_and_an_invalid_one_gets_its_reasons(
        aiohttp_client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from aiohttp import web

    from services.common.web import read_json

    calls: list[str] = []
    real = schemas.errors

    def counted(schema_id: str, document: object) -> list[schemas.FieldError]:
        calls.append(schema_id)
        return real(schema_id, document)

    monkeypatch.setattr(schemas, "errors", counted)

    async def handler(request: web.Request) -> web.Response:
        try:
            await read_json(request, "api/review-decide.json")
        except Exception as exc:
            return web.json_response({"fields": [f.pointer for f in exc.fields]},  # type: ignore[attr-defined]
                                     status=422)
        return web.json_response({"ok": True})

    app = web.Application()
    app.router.add_post("/", handler)
    client = await aiohttp_client(app)
    assert (await client.post("/", json={"decision": "approve"})).status == 200
    assert calls == []
    refused = await client.post("/", json={"decision": "maybe", "revision": -1})
    assert refused.status == 422
    assert sorted((await refused.json())["fields"]) == ["/decision", "/revision"]
    assert calls == ["api/review-decide.json"]
