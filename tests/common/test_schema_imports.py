"""What importing the schemas costs every process, and what that leaves unchecked."""

from __future__ import annotations

import json
import subprocess
import sys

from services.common import schemas


def test_importing_schemas_skips_the_iri_grammar() -> None:
    # rfc3987_syntax builds a Lark grammar at import: seconds of CPU in each of the
    # nine processes `orcast dev` starts at once
    probe = ("import sys, services.common.schemas; "
             "print(sys.modules.get('rfc3987_syntax') is None)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, timeout=60).stdout.strip()
    assert out == "True"


def _formats(node: object) -> set[str]:
    if isinstance(node, dict):
        found = {node["format"]} if isinstance(node.get("format"), str) else set()
        for value in node.values():
            found |= _formats(value)
        return found
    if isinstance(node, list):
        return set().union(*(_formats(item) for item in node))
    return set()


def test_no_schema_uses_an_iri_format() -> None:
    # the formats left unchecked by skipping rfc3987_syntax must stay unused
    used: set[str] = set()
    for path in schemas.schemas_dir().rglob("*.json"):
        used |= _formats(json.loads(path.read_text(encoding="utf-8")))
    assert used, "no formats found: the walk is broken"
    assert not used & set(schemas.IRI_FORMATS)
