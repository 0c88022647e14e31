"""A forged paging cursor is a 4xx naming the field, whatever it decodes to (a cursor
nesting JSON thousands deep raised RecursionError: a 500)."""

from __future__ import annotations

import base64

import pytest

from services.audit.search import decode_cursor, encode_cursor
from services.common.errors import ApiError


def forge(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def test_a_cursor_this_api_made_round_trips() -> None:
    assert decode_cursor(encode_cursor(41)) == 41


@pytest.mark.parametrize("text", ["[" * 5000 + "]" * 5000, '{"seq": ' + "9" * 5000 + "}",
                                  '{"seq": -1}', "null", "xyz"])
def test_forged_cursors_are_refused_naming_the_field(text: str) -> None:
    with pytest.raises(ApiError) as caught:
        decode_cursor(forge(text))
    assert 400 <= caught.value.status < 500
    assert any(f.pointer.endswith("cursor") for f in caught.value.fields) \
        or "cursor" in caught.value.message
