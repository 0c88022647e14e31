"""One reader of the environment: only services/common/settings.py touches `os.environ`
for `ORCAST_*` and only it calls `environment()`; every variable the code names is in the
catalogue (services/common/variables.py), every catalogued variable is a `Settings`
field read by `Settings.from_env`, and the README's table is the catalogue's."""

from __future__ import annotations

import ast
import dataclasses
import re
import subprocess
import sys
from pathlib import Path

from services.common.settings import Settings
from services.common.variables import VARIABLES

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ROOT / "services"
SETTINGS = SERVICES / "common" / "settings.py"
NAME = re.compile(r"^ORCAST_[A-Z0-9_]+$")


def _environ_reads(source: Path, root: Path = ROOT) -> list[str]:
    """Uses of os.environ / os.getenv, except a read of one named non-ORCAST variable."""
    tree = ast.parse(source.read_text(), str(source))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv")
                and isinstance(node.value, ast.Name) and node.value.id == "os"):
            continue
        call = parents.get(parents.get(node)) if node.attr == "environ" else parents.get(node)
        if isinstance(call, ast.Call) and call.args and isinstance(call.args[0], ast.Constant) \
                and not str(call.args[0].value).startswith("ORCAST_"):
            continue  # e.g. XDG_CACHE_HOME
        found.append(f"{source.relative_to(root)}:{node.lineno}")
    return sorted(found)


def test_only_settings_reads_the_environment() -> None:
    found = []
    for source in sorted(SERVICES.rglob("*.py")):
        if source != SETTINGS:
            found += _environ_reads(source)
    assert found == []


def _environment_calls(source: Path, root: Path = ROOT) -> list[str]:
    """Calls of `environment()` (settings.environment), however it was imported."""
    found = []
    for node in ast.walk(ast.parse(source.read_text(), str(source))):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else \
                func.attr if isinstance(func, ast.Attribute) else None
            if name == "environment":
                found.append(f"{source.relative_to(root)}:{node.lineno}")
    return sorted(found)


def test_only_settings_calls_environment() -> None:
    found = []
    for source in sorted(SERVICES.rglob("*.py")):
        if source != SETTINGS:
            found += _environment_calls(source)
    assert found == []


def test_the_environment_check_sees_a_call(tmp_path: Path) -> None:
    sample = tmp_path / "services" / "sample.py"
    sample.parent.mkdir()
    sample.write_text("from services.common import settings\n"
                      "from services.common.settings import environment\n"
                      "A = environment().get('ORCAST_X')\nB = settings.environment()\n"
                      "C = settings.process_environment()\n")
    assert _environment_calls(sample, tmp_path) == [
        "services/sample.py:3", "services/sample.py:4"]


# The catalogue's name for a field, where it is not ORCAST_ + the field's name in capitals.
FIELD_NAMES = {"ORCAST_KAFKA_REPLICATION_FACTOR": "replication_factor"}


def test_the_catalogue_and_the_settings_fields_agree() -> None:
    catalogue = [n for v in VARIABLES for n in v.names()]
    assert len(catalogue) == len(set(catalogue))
    fields = {f.name for f in dataclasses.fields(Settings)}
    named = {n: FIELD_NAMES.get(n, n.removeprefix("ORCAST_").lower()) for n in catalogue}
    assert set(named.values()) == fields
    assert len(set(named.values())) == len(named)


def test_from_env_reads_every_catalogued_variable() -> None:
    """Each variable, set to a value its reader accepts, changes its field."""
    values = {"ORCAST_HTTP_PORT": "1", "ORCAST_HTTP_MAX_CONNECTIONS_PER_IP": "1",
              "ORCAST_KAFKA_REPLICATION_FACTOR": "3", "ORCAST_KAFKA_SESSION_TIMEOUT_MS": "1",
              "ORCAST_FETCH_MIN_WAIT_MS": "1", "ORCAST_FETCH_IDLE_MAX_WAIT_MS": "1",
              "ORCAST_KAFKA_HEARTBEAT_INTERVAL_MS": "1", "ORCAST_DEV_HANDOFF_FD": "7",
              "ORCAST_DEV_LISTEN_FD": "8",
              "ORCAST_HTTP_HEADER_TIMEOUT": "1", "ORCAST_HTTP_BODY_TIMEOUT": "1",
              "ORCAST_HTTP_IDLE_TIMEOUT": "1", "ORCAST_INGEST_MAX_LAG_SECONDS": "1",
              "ORCAST_SESSION_HOURS": "1", "ORCAST_SESSION_MINUTES": "1",
              "ORCAST_INGEST_RATE": "1",
              "ORCAST_INGEST_BURST": "2", "ORCAST_INGEST_UNDO_SECONDS": "1",
              "ORCAST_INGEST_MAX_STREAMS": "2", "ORCAST_LIVE_MAX_SOCKETS_PER_PRINCIPAL": "1",
              "ORCAST_AUDIT_CHECKPOINT_EVERY": "2", "ORCAST_AUDIT_CHECKPOINT_SECONDS": "1",
              "ORCAST_TRUSTED_PROXIES": "10.0.0.0/8", "ORCAST_ACCESS_REPEAT_SECONDS": "1",
              "ORCAST_PUBLIC_URL": "https://x.example", "ORCAST_TABLET_LOCK_MINUTES": "0",
              "ORCAST_SESSION_KEY": "k" * 32,
              "ORCAST_JOIN_LINKS": "on"}
    base = Settings.from_env({}, instance_id="i")
    for name in (n for v in VARIABLES for n in v.names()):
        field = FIELD_NAMES.get(name, name.removeprefix("ORCAST_").lower())
        changed = Settings.from_env({name: values.get(name, "x")}, instance_id="i")
        if name == "ORCAST_INSTANCE_ID":
            changed = Settings.from_env({name: "x"})
            assert changed.instance_id == "x"
            continue
        assert getattr(changed, field) != getattr(base, field), name


def test_the_reader_check_sees_a_read(tmp_path: Path) -> None:
    sample = tmp_path / "services" / "sample.py"
    sample.parent.mkdir()
    sample.write_text("import os\nA = os.environ.get('ORCAST_X')\nB = os.getenv('ORCAST_Y')\n"
                      "C = dict(os.environ)\nD = os.environ.get('HOME')\n")
    assert _environ_reads(sample, tmp_path) == [
        "services/sample.py:2", "services/sample.py:3", "services/sample.py:4"]


def test_every_variable_the_code_names_is_in_the_catalogue() -> None:
    named = set()
    for source in SERVICES.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(), str(source))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and NAME.match(node.value):
                named.add(node.value)
    catalogue = {n for v in VARIABLES for n in v.names()}
    assert named - catalogue == set()
    assert "ORCAST_KAFKA_SASL_PASSWORD" in catalogue


def test_readme_table_is_generated_from_the_catalogue() -> None:
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "config_table.py"),
                            "--check"], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr


def test_the_readme_check_fails_when_they_differ() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import config_table
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    stale = readme.replace("| `ORCAST_KAFKA_SASL_PASSWORD` |", "| `ORCAST_KAFKA_SASL_PASS` |")
    assert stale != readme
    assert config_table.with_table(stale) == readme


def _orcast_names(root: Path = SERVICES) -> set[str]:
    """Constants that name an ORCAST_* variable (`doorbell.ENV`, `KEY_ENV`)."""
    names = set()
    for source in root.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) \
                    and str(node.value.value).startswith("ORCAST_"):
                names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    return names


def _names_a_variable(node: ast.expr, names: set[str]) -> bool:
    if isinstance(node, ast.Constant):
        return str(node.value).startswith("ORCAST_")
    return (node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")) in names


def mapping_reads(source: Path, names: set[str], root: Path = ROOT) -> list[str]:
    """`env.get("ORCAST_X")` or `env["ORCAST_X"]` read from any mapping (a copy of the
    environment too); writing one for a child process (`env["ORCAST_X"] = …`) is no read."""
    found = []
    for node in ast.walk(ast.parse(source.read_text(), str(source))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "get" and node.args \
                and _names_a_variable(node.args[0], names):
            found.append(f"{source.relative_to(root)}:{node.lineno}")
        elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load) \
                and _names_a_variable(node.slice, names):
            found.append(f"{source.relative_to(root)}:{node.lineno}")
    return found


def test_nothing_else_reads_a_variable_from_a_copy_of_the_environment() -> None:
    """`process_environment()` is for handing to children: an ORCAST_* value read from it
    bypasses Settings (its parsing, its default, its catalogue entry)."""
    names = _orcast_names()
    found = []
    for source in sorted(SERVICES.rglob("*.py")):
        if source not in (SETTINGS, SERVICES / "common" / "variables.py"):
            found += mapping_reads(source, names)
    assert found == []


def test_the_mapping_check_sees_reads_not_writes(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("ENV = 'ORCAST_DEV_DOORBELL'\n"
                      "a = env.get('ORCAST_KAFKA_BOOTSTRAP')\nb = env[doorbell.ENV]\n"
                      "env['ORCAST_DATA_DIR'] = '/x'\nc = env.get('HOME')\n")
    assert mapping_reads(sample, _orcast_names(tmp_path), tmp_path) == [
        "sample.py:2", "sample.py:3"]
