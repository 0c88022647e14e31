"""JSON columns are read with orjson and read back exactly what json would read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson
import pytest
import sqlalchemy as sa

from services.common.store import Store, read_json_column

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
