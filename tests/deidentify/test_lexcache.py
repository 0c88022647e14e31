"""The lexicon cache behind `orcast deid` start-up: same engine, and a bad file is rebuilt."""

from __future__ import annotations

from pathlib import Path

from services.common.deid import Engine

NOTE = "Mr. Zorblatt seen 3/14/2019, cell 555 1234, lives on Elm St; Dr. Okonkwo at 0800"


def test_cached_engine_redacts_the_same(engine: Engine, tmp_path: Path) -> None:
    first = Engine(lexicon_cache=tmp_path)  # builds the file
    files = list(tmp_path.glob("deid-lexicon-*.marshal"))
    assert len(files) == 1
    second = Engine(lexicon_cache=tmp_path)  # loads it
    assert first.deidentify(NOTE) == second.deidentify(NOTE) == engine.deidentify(NOTE)


def test_a_damaged_cache_file_is_rebuilt(engine: Engine, tmp_path: Path) -> None:
    Engine(lexicon_cache=tmp_path)
    (file,) = tmp_path.glob("deid-lexicon-*.marshal")
    file.write_bytes(file.read_bytes()[:100])
    assert Engine(lexicon_cache=tmp_path).deidentify(NOTE) == engine.deidentify(NOTE)
    assert len(file.read_bytes()) > 100


def test_an_unwritable_cache_folder_still_works(engine: Engine, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert Engine(lexicon_cache=blocker / "sub").deidentify(NOTE) == engine.deidentify(NOTE)
