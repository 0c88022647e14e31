"""ORCAST_STAFF_ROSTER_FILE: staff who consented to be named stay in what is published;
every other name, staff or not, is hidden as before. A roster that cannot be read stops the
start; its errors name the line, never the name on it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from services.common.deid import Engine, EngineConfig
from services.common.deid.names import roster_name_parts
from services.common.settings import ConfigError, Settings
from services.deidentify.app import GATE, create_app
from services.deidentify.roster import RosterError, engine_config, read_roster

ROOT = Path(__file__).resolve().parents[2]


def _roster(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "staff.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_roster_is_names_one_a_line_with_comments_and_blank_lines(tmp_path: Path) -> None:
    path = _roster(tmp_path, "\ufeff# theatre 4 consultants\nIsolde  Quandt\n\n  Piet Ovell-Marr \n"
                             "Isolde Quandt\n")
    assert read_roster(path) == ("Isolde Quandt", "Piet Ovell-Marr")


@pytest.mark.parametrize("line", ["Quandt", "Dr. ", "O'Brien", "4471", "Ovell-Marr"])
def test_a_line_that_is_not_a_full_name_is_refused_by_number(tmp_path: Path, line: str) -> None:
    path = _roster(tmp_path, f"Isolde Quandt\n# comment\n{line}\n")
    with pytest.raises(RosterError) as err:
        read_roster(path)
    assert "line 3" in str(err.value)
    assert line.strip() not in str(err.value)


def test_a_missing_or_unreadable_roster_stops_the_start(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="ORCAST_STAFF_ROSTER_FILE"):
        engine_config(Settings(staff_roster_file=tmp_path / "absent.txt"))
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Jos\xe9 Ovell\n".encode("latin-1"))
    with pytest.raises(ConfigError, match="not UTF-8"):
        engine_config(Settings(staff_roster_file=bad))


def test_the_deidentify_service_keeps_rostered_staff_only(tmp_path: Path) -> None:
    env = {"ORCAST_DATA_DIR": str(tmp_path), "ORCAST_SECRET": "s" * 32}
    settings = Settings.from_env({**env, "ORCAST_STAFF_ROSTER_FILE": str(
        _roster(tmp_path, "Isolde Quandt\n"))})
    engine = create_app(settings)[GATE]._engine
    assert engine.deidentify("Dr. Quandt is closing").text == "Dr. Quandt is closing"
    assert engine.deidentify("Dr. Ovell is closing").text == "Dr. [NAME] is closing"
    plain = create_app(Settings.from_env(env))[GATE]._engine
    assert plain.deidentify("Dr. Quandt is closing").text == "Dr. [NAME] is closing"


def test_orcast_deid_reads_the_roster(tmp_path: Path) -> None:
    env = {**os.environ, "ORCAST_STAFF_ROSTER_FILE": str(_roster(tmp_path, "Isolde Quandt\n")),
           "ORCAST_DEID_CACHE_DIR": "off", "PYTHONPATH": str(ROOT)}
    lines = "\n".join(json.dumps({"id": i, "text": t}) for i, t in
                      enumerate(["Dr. Quandt is closing", "Dr. Ovell is closing"])) + "\n"
    done = subprocess.run([sys.executable, "-m", "services.cli", "deid", "--jsonl"], input=lines,
                          capture_output=True, text=True, env=env, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert [json.loads(x)["text"] for x in done.stdout.splitlines()] == [
        "Dr. Quandt is closing", "Dr. [NAME] is closing"]
    env["ORCAST_STAFF_ROSTER_FILE"] = str(_roster(tmp_path, "Quandt\n"))
    done = subprocess.run([sys.executable, "-m", "services.cli", "deid", "--jsonl"], input=lines,
                          capture_output=True, text=True, env=env, timeout=60, check=False)
    assert done.returncode != 0 and done.stdout == ""
    assert "line 1" in done.stderr and "Quandt" not in done.stderr


@pytest.mark.parametrize("line", ["Isolde Quandt PA-C", "Quandt, Isolde, PA-C",
                                  "Dr. Isolde Quandt, RN", "Isolde Quandt MD"])
def test_a_credential_is_no_part_of_the_name(line: str) -> None:
    """Cut into words first, "PA-C" left "c" as the surname: "Dr. C" was kept for anyone
    and "Dr. Quandt" hidden."""
    assert roster_name_parts(line) == ["isolde", "quandt"]
    engine = Engine(EngineConfig(staff_allow_list=(line,)))
    assert engine.deidentify("Dr. Quandt is closing").text == "Dr. Quandt is closing"
    assert "[NAME]" in engine.deidentify("Dr. C is closing").text
