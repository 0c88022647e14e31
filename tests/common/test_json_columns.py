"""JSON columns are read and written with orjson and read back exactly what json would
write and read."""

from __future__ import annotations

import dataclasses
import enum
import json
import math
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import pytest
import sqlalchemy as sa

from services.common.store import Store, read_json_column, write_json_column

VALUES: list[Any] = [
    {"a": [1, 2.5, None, True], "b": {"c": "Schnitt – naht ✓ \u00e9"}}, [], {}, "",
    10**30, -(2**63), -(2**63) - 1, 2**63, 2**64, 10**18, 1e-7, 1.5e300, -0.0, 1e400,
    "\ud83d\ude00", {"dup": 1}, {"n": [12345678901234567890123, "9" * 30]},
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_reads_what_json_reads(value: Any) -> None:
    text = json.dumps(value)
    assert read_json_column(text) == json.loads(text)
    assert type(read_json_column(text)) is type(json.loads(text))


def test_what_orjson_refuses_still_reads() -> None:
    for text in ('{"x": NaN}', '[Infinity, -Infinity]', "1e400"):
        with pytest.raises(orjson.JSONDecodeError):
            orjson.loads(text)
        assert repr(read_json_column(text)) == repr(json.loads(text))
    assert read_json_column('{"d": {"a": 1, "a": 2}}') == {"d": {"a": 2}}  # last one wins


async def test_a_store_reads_json_columns_with_it(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[object] = []

    def spy(text: str | bytes) -> Any:
        seen.append(text)
        return read_json_column(text)

    monkeypatch.setattr("services.common.store.read_json_column", spy)
    table = sa.Table("docs", sa.MetaData(), sa.Column("id", sa.Integer, primary_key=True),
                     sa.Column("doc", sa.JSON))
    store = Store(f"sqlite+aiosqlite:///{tmp_path / 'x.db'}", service="test")
    await store.open()
    try:
        async with store.engine.begin() as conn:
            await conn.run_sync(table.metadata.create_all)
            await conn.execute(table.insert().values(id=1, doc={"k": [1, "ü"]}))
            doc = (await conn.execute(sa.select(table.c.doc))).scalar_one()
    finally:
        await store.close()
    assert doc == {"k": [1, "ü"]}
    assert seen


WRITTEN: list[Any] = [
    *VALUES, float("nan"), [1.0, {"x": float("inf")}], -math.inf, {1: "int key"},
    {None: 1, True: 2}, ("a", 1), {"s": "tab\tquote\"back\\slash\u2028\x7f\x00"},
    {"none": None, "n": [None, 0.1 + 0.2]},
]


def _same(a: Any, b: Any) -> bool:
    return repr(a) == repr(b)  # NaN == NaN, and -0.0 apart from 0.0


@pytest.mark.parametrize("value", WRITTEN, ids=repr)
def test_writes_what_json_writes(value: Any) -> None:
    """Read back, a value written by orjson is what json.dumps would have stored."""
    assert _same(read_json_column(write_json_column(value)), json.loads(json.dumps(value)))


class Colour(enum.Enum):
    RED = "red"


class Level(enum.StrEnum):
    HIGH = "high"


@dataclasses.dataclass
class Point:
    x: int


def test_refuses_what_json_refuses() -> None:
    for value in (datetime(2026, 12, 5, tzinfo=UTC), Point(1), {1, 2}, b"x"):
        with pytest.raises(TypeError):
            json.dumps(value)
        with pytest.raises(TypeError):
            write_json_column(value)
    assert json.loads(write_json_column({"l": Level.HIGH})) == {"l": "high"}
    # orjson writes a plain Enum's value (json refuses it): nothing we store is one, and
    # nothing is lost either way
    assert json.loads(write_json_column([Colour.RED])) == ["red"]


async def test_a_store_writes_json_columns_with_it(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[object] = []

    def spy(value: Any) -> str:
        written.append(value)
        return write_json_column(value)

    monkeypatch.setattr("services.common.store.write_json_column", spy)
    table = sa.Table("docs", sa.MetaData(), sa.Column("id", sa.Integer, primary_key=True),
                     sa.Column("doc", sa.JSON))
    store = Store(f"sqlite+aiosqlite:///{tmp_path / 'x.db'}", service="test")
    await store.open()
    try:
        async with store.engine.begin() as conn:
            await conn.run_sync(table.metadata.create_all)
            await conn.execute(table.insert().values(id=1, doc={"k": [1, "ü", 2**70]}))
            stored = (await conn.execute(sa.text("SELECT doc FROM docs"))).scalar_one()
            doc = (await conn.execute(sa.select(table.c.doc))).scalar_one()
    finally:
        await store.close()
    assert written == [{"k": [1, "ü", 2**70]}]
    assert doc == {"k": [1, "ü", 2**70]}
    assert stored == '{"k": [1, "\\u00fc", 1180591620717411303424]}'  # json: 2**70 is too big
