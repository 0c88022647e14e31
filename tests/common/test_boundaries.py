"""The services talk through topics and schemas, never by importing each other.

Each service package (services/<name>/) may import only itself and services.common;
the launchers at the top (services/*.py, services/dev/) wire every service and may
import them all.
"""

from __future__ import annotations

import ast
from pathlib import Path

SERVICES = Path(__file__).resolve().parents[2] / "services"
SHARED = {"common"}
LAUNCHERS = {"dev"}  # the dev supervisor starts every service


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_service_imports_another() -> None:
    crossings = []
    for package in sorted(p for p in SERVICES.iterdir() if p.is_dir()):
        own = package.name
        if own in SHARED | LAUNCHERS or not (package / "__init__.py").exists():
            continue
        for source in package.rglob("*.py"):
            for name in _imports(source):
                parts = name.split(".")
                if parts[0] == "services" and len(parts) > 1 \
                        and parts[1] not in SHARED | {own}:
                    crossings.append(f"{source.relative_to(SERVICES)} imports {name}")
    assert crossings == []


def test_the_shared_library_imports_no_service() -> None:
    crossings = [
        f"{source.relative_to(SERVICES)} imports {name}"
        for source in (SERVICES / "common").rglob("*.py")
        for name in _imports(source)
        if name.startswith("services.") and name.split(".")[1] != "common"
    ]
    assert crossings == []
