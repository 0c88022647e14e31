"""`orcast audit verify|export` read the service's database, answer with an exit code, and are
audited like the API."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from services.audit import chain
from services.audit.checkpoints import signer_for
from services.cli import main as orcast
from services.common import schemas
from services.common.settings import Settings

from .support import open_log, pipeline, tampering

SECRET = "cli-test-secret-0123456789abcdef"


def test_verify_and_export(audit_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ORCAST_DATABASE_URL", audit_url)
    monkeypatch.setenv("ORCAST_SECRET", SECRET)
    signer = signer_for(Settings(secret=SECRET))
    url = audit_url

    async def fill() -> None:
        async with open_log(url, signer=signer) as log:
            await log.on_batch(pipeline(10))

    asyncio.run(fill())
    assert orcast(["audit", "verify"]) == 0
    assert json.loads(capsys.readouterr().out)["records"] == 10

    out = tmp_path / "audit.jsonl"
    assert orcast(["audit", "export", "--format", "jsonl", "--out", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert chain.verify(lines).ok and len(lines) == 12  # + the verify and export reads
    assert [r["action"] for r in lines[-2:]] == ["audit.verify", "audit.export"]
    assert lines[-1]["actor_sub"].startswith("cli:")

    fhir = tmp_path / "case.json"
    assert orcast(["audit", "export", "--format", "fhir", "--case-id", "case-1",
                   "--out", str(fhir)]) == 0
    assert schemas.errors("fhir/bundle.json", json.loads(fhir.read_text())) == []
    assert orcast(["audit", "export", "--since", "not-a-time"]) == 2

    async def tamper() -> None:
        async with open_log(url, signer=signer) as log, tampering(log) as change:
            await change(sa.text("UPDATE audit_records SET outcome = 'rejected' WHERE seq = 4"))
            assert orcast_in_thread(["audit", "verify"]) == 1

    asyncio.run(tamper())
    assert json.loads(capsys.readouterr().out)["first_bad_seq"] == 4


def orcast_in_thread(argv: list[str]) -> int:
    """The CLI runs its own event loop; from inside one, run it on a worker thread."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(orcast, argv).result()


def test_verify_away_from_a_dev_data_dir_says_where_to_point_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Run where no `orcast dev` data dir is (or beside `orcast dev --data-dir D`), verify
    asked only for production keys and left an empty var/audit.db behind in that
    directory; it says how to point it at the dev data dir and creates nothing."""
    for name in ("ORCAST_DATABASE_URL", "ORCAST_DATA_DIR", "ORCAST_SECRET",
                 "ORCAST_IDENTIFIER_KEY", "ORCAST_AUDIT_SIGNING_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    assert orcast(["audit", "verify"]) == 2
    said = capsys.readouterr().err
    assert "ORCAST_DATA_DIR" in said and "--data-dir" in said, said
    assert not (tmp_path / "var").exists()
