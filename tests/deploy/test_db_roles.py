"""deploy/postgres/roles.sql on a real PostgreSQL: one role per service, and only audit
can touch the audit tables (the other services cannot read, write or delete them, nor
mark audit's migrations as done)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from services.cases.tables import MIGRATIONS as CASES_MIGRATIONS
from services.common.store import Store
from tests.audit.support import open_log, pipeline
from tests.conftest import _run_sql

ROLES_SQL = Path(__file__).resolve().parents[2] / "deploy" / "postgres" / "roles.sql"
SERVICES_WITH_TABLES = ("cases", "ingest", "approval", "publisher", "audit", "signin")
PASSWORD = "roles-test-only"


def _admin(url: str, script: str) -> None:
    _run_sql(url, script)


def _as(url: str, service: str) -> str:
    rest = url.split("@", 1)[1]
    return f"postgresql+asyncpg://orcast_{service}:{PASSWORD}@{rest}"


def test_roles_file_names_every_service_with_tables() -> None:
    text = ROLES_SQL.read_text(encoding="utf-8")
    for service in SERVICES_WITH_TABLES:
        assert f"'{service}'" in text and f"orcast_{service}" in text
    for service in ("deidentify", "viewer"):  # no tables, no role
        assert service not in text.split("-- Idempotent")[1]
    code = "\n".join(line.split("--")[0] for line in text.splitlines())
    grants = [s.strip() for s in code.split(";") if s.strip().startswith("GRANT")]
    assert grants and not [g for g in grants if "audit_" in g]  # nobody is granted audit's


@pytest.mark.postgres
async def test_only_audit_writes_audit_tables(postgres_url: str) -> None:
    script = ROLES_SQL.read_text(encoding="utf-8")
    await asyncio.to_thread(_admin, postgres_url, script)
    await asyncio.to_thread(_admin, postgres_url, script)  # idempotent
    await asyncio.to_thread(_admin, postgres_url, "".join(
        f"ALTER ROLE orcast_{s} PASSWORD '{PASSWORD}';" for s in SERVICES_WITH_TABLES))

    async with open_log(_as(postgres_url, "audit")) as log:
        await log.on_batch(pipeline(5))
        assert (await log.verify())["ok"]

    cases = Store(_as(postgres_url, "cases"), service="cases", migrations=CASES_MIGRATIONS)
    await cases.open()  # its own migrations, as its own role
    try:
        for statement in ("SELECT count(*) FROM audit_records",
                          "DELETE FROM audit_records",
                          "INSERT INTO audit_checkpoints VALUES (99, 'x', 'x', 'x', 'x', 'x')",
                          "UPDATE audit_head SET appends = 0",
                          "INSERT INTO orcast_migrations (service, version, name) "
                          "VALUES ('audit', 99, 'forged')"):
            with pytest.raises(DBAPIError, match=r"permission denied|row-level security"):
                async with cases.engine.begin() as conn:
                    await conn.execute(sa.text(statement))
        async with cases.engine.connect() as conn:  # sees only its own migrations
            seen = await conn.execute(sa.text("SELECT DISTINCT service FROM orcast_migrations"))
            assert set(seen.scalars()) == {"cases"}
    finally:
        await cases.close()

    async with open_log(_as(postgres_url, "audit")) as log:
        assert (await log.verify())["records"] == 5


def test_k8s_each_service_logs_in_as_its_own_database_role() -> None:
    import yaml

    k8s = ROLES_SQL.parents[1] / "k8s"
    for service in (*SERVICES_WITH_TABLES, "deidentify", "viewer"):
        docs = [d for d in yaml.safe_load_all((k8s / f"{service}.yaml").read_text()) if d]
        (deployment,) = [d for d in docs if d["kind"] == "Deployment"]
        (container,) = deployment["spec"]["template"]["spec"]["containers"]
        env = {e["name"]: e for e in container.get("env", [])}
        if service in SERVICES_WITH_TABLES:
            ref = env["ORCAST_DATABASE_URL"]["valueFrom"]["secretKeyRef"]
            assert (ref["name"], ref["key"]) == (f"orcast-db-{service}", "url")
        else:
            assert "ORCAST_DATABASE_URL" not in env
    example = (k8s / "secret.example.yaml").read_text()
    shared = next(d for d in yaml.safe_load_all(example) if d and d["metadata"]["name"] ==
                  "orcast-secrets")
    assert "ORCAST_DATABASE_URL" not in shared["stringData"]  # no shared database login
    for service in SERVICES_WITH_TABLES:
        assert f"postgresql://orcast_{service}:" in example
