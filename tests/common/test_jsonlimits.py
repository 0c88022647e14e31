"""JSON from the wire: depth is bounded before parsing (json.loads recursed into a
RecursionError, a 500), brackets inside strings do not count, an integer past Python's
digit limit is named rather than a bare ValueError, and an unpaired surrogate escape
(which json accepts and every encoder later refuses: a 500) is refused up front."""

from __future__ import annotations

import pytest

from services.common import jsonlimits


def test_escaped_surrogate_pairs_are_text() -> None:
    assert jsonlimits.loads('{"note": "\\ud83d\\ude00"}') == {"note": "\U0001f600"}


def test_depth_is_counted_on_structure_not_on_strings() -> None:
    assert jsonlimits.loads('{"a": [[1]]}', max_depth=3) == {"a": [[1]]}
    assert jsonlimits.loads('{"a": "[[[[[[\\"[[["}', max_depth=1) == {"a": '[[[[[["[[['}
    with pytest.raises(jsonlimits.JsonRejected) as caught:
        jsonlimits.loads('{"a": [[1]]}', max_depth=2)
    assert caught.value.code == "json_too_deep" and "2 levels" in caught.value.message


@pytest.mark.parametrize(("raw", "code"), [
    ("[" * 100_000, "json_too_deep"),
    ("[" * 5000 + "]" * 5000, "json_too_deep"),
    ('{"n": ' + "1" * 5000 + "}", "number_too_long"),
    (b"\xff\xfe", "invalid_json"),
    ('{"note": "a\\ud800b"}', "invalid_json"),  # accepted by json, refused by every encoder
    ("{nope", "invalid_json"),
])
def test_hostile_bodies_are_rejected_with_a_code(raw: str | bytes, code: str) -> None:
    with pytest.raises(jsonlimits.JsonRejected) as caught:
        jsonlimits.loads(raw)
    assert caught.value.code == code
    assert "1111" not in caught.value.message  # names the problem, never quotes the input
