"""One reader of the environment: only services/common/settings.py touches `os.environ`
for `ORCAST_*`; every variable the code names is in the catalogue
(services/common/variables.py), and the README's table is the catalogue's."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

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
