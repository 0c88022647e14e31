"""A forged paging cursor or limit is a 4xx naming the field, whatever it holds (a cursor
nesting JSON thousands deep raised RecursionError, a limit of 5,000 digits or "²" a
ValueError: 500s)."""

from __future__ import annotations

import base64

import pytest

from services.audit.search import MAX_LIMIT, decode_cursor, encode_cursor, parse_page
from services.common.errors import DomainError


def forge(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def test_a_cursor_this_api_made_round_trips() -> None:
    assert decode_cursor(encode_cursor(41)) == 41


@pytest.mark.parametrize("text", ["[" * 5000 + "]" * 5000, '{"seq": ' + "9" * 5000 + "}",
                                  '{"seq": -1}', "null", "xyz"])
def test_forged_cursors_are_refused_naming_the_field(text: str) -> None:
    with pytest.raises(DomainError) as caught:
        decode_cursor(forge(text))
    assert 400 <= caught.value.status < 500
    assert any(f.pointer.endswith("cursor") for f in caught.value.fields) \
        or "cursor" in caught.value.message


@pytest.mark.parametrize("limit", ["9" * 5000, "\u00b2", "\u0663", "0", str(MAX_LIMIT + 1)])
def test_forged_limits_are_refused_naming_the_field(limit: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_page({"limit": limit})
    assert caught.value.status == 422
    assert [f.pointer for f in caught.value.fields] == ["/limit"]


def test_a_plain_limit_is_taken() -> None:
    assert parse_page({"limit": "25"})[0] == 25
