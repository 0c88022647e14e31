"""`orcast deid --jsonl`: one output line per input line; bad lines become error lines."""

from __future__ import annotations

import io
import json

from services.common.deid import CaseIdentifiers
from services.deidentify.cli import run_jsonl

CASE = {"patient_names": ["John Smith"], "mrn": "0012345", "dob": "1961-03-14"}


def _run(lines: list[str], **kwargs: object) -> tuple[int, list[dict[str, object]]]:
    out = io.StringIO()
    rc = run_jsonl(io.StringIO("\n".join(lines) + "\n"), out, **kwargs)  # type: ignore[arg-type]
    return rc, [json.loads(line) for line in out.getvalue().splitlines()]


def test_output_shape() -> None:
    rc, rows = _run([json.dumps({"id": "n1", "text": "Mr. Smith DOB 3/14/1961 in OR 4",
                                 "case": CASE})])
    assert rc == 0
    assert rows == [{
        "id": "n1", "text": "[NAME] DOB [DATE] in OR 4",  # the title goes with the name
        "findings": [{"start": 0, "end": 9, "category": "NAME", "rule": "case_name"},
                     {"start": 14, "end": 23, "category": "DATE", "rule": "case_dob"}],
        "verdict": "redacted", "reasons": [],
    }]


def test_bad_lines_are_reported_and_the_run_goes_on() -> None:
    rc, rows = _run([
        "not json at all",
        "[1, 2]",
        json.dumps({"id": "a"}),
        json.dumps({"id": 7, "text": 12}),
        json.dumps({"id": {"x": 1}, "text": "x"}),
        json.dumps({"id": "b", "text": "Smith here", "case": "John Smith"}),
        json.dumps({"id": "c", "text": "Smith here", "case": {"patient_names": "John"}}),
        json.dumps({"id": "d", "text": "ok", "case": {"patient_names": [], "dob": "14/03/61"}}),
        json.dumps({"id": "e", "text": "Smith here", "identifiers": {"v": 1}}),
        "",
        json.dumps({"id": "f", "text": "Foley placed 09:42"}),
    ])
    assert rc == 1
    assert [r.get("id") for r in rows] == [None, None, "a", 7, None, "b", "c", "d", "e", "f"]
    assert all("error" in r and "text" not in r for k, r in enumerate(rows[:-1]) if k != 4)
    assert rows[4]["verdict"] == "clean"  # an unusable id is dropped, the line still runs
    assert rows[-1] == {"id": "f", "text": "Foley placed 09:42", "findings": [],
                        "verdict": "clean", "reasons": []}
    errors = " ".join(str(r.get("error")) for r in rows)
    assert "Smith" not in errors and "John" not in errors and "14/03/61" not in errors


def test_wire_identifiers_with_the_key() -> None:
    key = b"cli-key-0123456789abcdef"
    wire = CaseIdentifiers.from_plain(names=["John Smith"], mrn=None, dob=None,
                                      key=key).to_wire()
    rc, rows = _run([json.dumps({"id": 1, "text": "smith stable", "identifiers": wire})],
                    key=key)
    assert rc == 0 and rows[0]["text"] == "[NAME] stable"


def test_every_line_answered_in_order() -> None:
    lines = [json.dumps({"id": i, "text": f"note {i} at 09:4{i % 10}"}) for i in range(50)]
    rc, rows = _run(lines)
    assert rc == 0 and [r["id"] for r in rows] == list(range(50))
