"""`orcast deid --jsonl`: de-identify JSON Lines from stdin to stdout.

Input, one object a line:
    {"id": "n1", "text": "Mr. Smith in OR 4",
     "case": {"patient_names": ["John Smith"], "mrn": "0012345", "dob": "1961-03-14"}}
"case" is optional; "identifiers" (the hashed wire form, schemas/case-identifiers.json)
may stand in for it when the run has the hashing key.
Output, one object a line, same order:
    {"id": "n1", "text": "[NAME] in OR 4", "findings": [{"start", "end", "category",
     "rule"}], "verdict": "redacted", "reasons": []}
A bad line gives {"id": <id or null>, "error": "<what is wrong, never the text>"} and the
run goes on. Blank lines are skipped. Returns 0, or 1 when any line was bad.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TextIO

from services.common.deid import CaseIdentifiers, Engine, EngineConfig, Result
from services.common.deid.errors import CaseIdentifiersError
from services.common.settings import Settings

from .errors import BadLine


def _case(row: Mapping[str, Any], key: bytes | None, run_key: bytes,
          cache: dict[str, CaseIdentifiers]) -> CaseIdentifiers | None:
    plain, wire = row.get("case"), row.get("identifiers")
    if plain is not None or wire is not None:
        memo_key = json.dumps([plain, wire], sort_keys=True)
        hit = cache.get(memo_key)
        if hit is None:
            hit = _build_case(plain, wire, key, run_key)
            if len(cache) >= 1024:
                cache.clear()
            cache[memo_key] = hit
        return hit
    return None


def _build_case(plain: Any, wire: Any, key: bytes | None, run_key: bytes) -> CaseIdentifiers:
    if plain is not None:
        if not isinstance(plain, Mapping):
            raise BadLine("field 'case' must be an object")
        names = plain.get("patient_names", [])
        mrn, dob = plain.get("mrn"), plain.get("dob")
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise BadLine("field 'case.patient_names' must be a list of strings")
        if mrn is not None and not isinstance(mrn, str | int):
            raise BadLine("field 'case.mrn' must be a string")
        if dob is not None and not isinstance(dob, str):
            raise BadLine("field 'case.dob' must be an ISO date string")
        try:
            return CaseIdentifiers.from_plain(
                names=names, mrn=None if mrn is None else str(mrn), dob=dob, key=run_key)
        except CaseIdentifiersError as exc:
            raise BadLine(f"field 'case' is invalid: {exc}") from None
    if key is None:
        raise BadLine("field 'identifiers' needs the hashing key")
    if not isinstance(wire, Mapping):
        raise BadLine("field 'identifiers' must be an object")
    try:
        return CaseIdentifiers.from_wire(wire, key=key)
    except CaseIdentifiersError as exc:
        raise BadLine(f"field 'identifiers' is invalid: {exc}") from None


def _output(row_id: Any, result: Result) -> dict[str, Any]:
    return {
        "id": row_id,
        "text": result.text,
        "findings": [{"start": f.start, "end": f.end, "category": f.category, "rule": f.rule}
                     for f in result.findings],
        "verdict": result.verdict,
        "reasons": list(result.reasons),
    }


def lexicon_cache(where: str) -> Path | None:
    """Where the folded word lists are kept between runs (start-up ~0.3 s faster):
    `where` (`Settings.deid_cache_dir`), else the user's cache folder; "off" keeps none."""
    if where == "off":
        return None
    if where:
        return Path(where)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "orcast"


def run_jsonl(stdin: TextIO, stdout: TextIO, *, key: bytes | None = None,
              config: EngineConfig | None = None, cache_dir: str | None = None) -> int:
    """De-identify every line of stdin onto stdout; see the module docstring.
    `cache_dir`: `Settings.deid_cache_dir` (read from the environment when not given)."""
    where = Settings.from_env().deid_cache_dir if cache_dir is None else cache_dir
    engine = Engine(config, lexicon_cache=lexicon_cache(where))
    # Plain identifiers given on the command line are hashed with this run's key; a fresh
    # random one when none is given (the hashes never leave the process).
    run_key = key if key else os.urandom(32)
    bad = False
    cases: dict[str, CaseIdentifiers] = {}  # one object per case: keeps the engine's memo warm
    for line in stdin:
        if not line.strip():
            continue
        row_id: Any = None
        try:
            try:
                row = json.loads(line)
            except (ValueError, RecursionError):
                raise BadLine("line is not valid JSON") from None
            if not isinstance(row, dict):
                raise BadLine("line must be a JSON object")
            raw_id = row.get("id")
            row_id = raw_id if isinstance(raw_id, str | int) and not isinstance(raw_id, bool) \
                else None
            if "text" not in row:
                raise BadLine("missing field 'text'")
            text = row["text"]
            if not isinstance(text, str):
                raise BadLine("field 'text' must be a string")
            out = _output(row_id, engine.deidentify(text, _case(row, key, run_key, cases)))
        except BadLine as exc:
            bad = True
            out = {"id": row_id, "error": str(exc)}
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return 1 if bad else 0
