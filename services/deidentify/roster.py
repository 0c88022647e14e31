"""The staff roster: full names of staff who consented to be named in what ORcast publishes.

The engine hides every name it finds, staff included ("Dr. [NAME] is closing"), unless the
name is on this list (`EngineConfig.staff_allow_list`; never over a case's own patient).
A text file, UTF-8, one full name a line ("Isolde Quandt", "Quandt, Isolde", "Dr. Isolde
Quandt, RN"); blank lines and lines starting with "#" are skipped. A line with one name word
besides titles and credentials ("Lee", "Nurse Maria", "Dr. Lee") is refused: the engine keeps
a rostered name whole, or its surname after a staff title ("Dr. Quandt"), never after a
patient or relative cue. Errors name the line, never its text (a roster line is a name).
"""

from __future__ import annotations

import re
from pathlib import Path

from services.common.deid import EngineConfig
from services.common.deid.names import roster_name_parts
from services.common.settings import ConfigError, Settings

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
MAX_NAMES = 10_000


class RosterError(ValueError):
    pass


def read_roster(path: Path) -> tuple[str, ...]:
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RosterError(f"staff roster {path} does not exist") from None
    except UnicodeDecodeError:
        raise RosterError(f"staff roster {path} is not UTF-8 text") from None
    except OSError as exc:
        raise RosterError(f"staff roster {path} cannot be read ({exc.strerror})") from None
    names: list[str] = []
    for number, line in enumerate(raw.splitlines(), 1):
        name = line.strip()
        if not name or name.startswith("#"):
            continue
        # two name words besides titles and credentials, and two typed apart: the engine
        # cuts "Ovell-Marr" in two, and one hyphened name alone is still one name
        if len(_WORD.findall(name)) < 2 or len(roster_name_parts(name)) < 2:
            raise RosterError(f"staff roster {path} line {number}: a full name (given name "
                              "and surname) is needed; one word alone would be kept for anyone")
        names.append(" ".join(name.split()))
    if len(names) > MAX_NAMES:
        raise RosterError(f"staff roster {path} holds more than {MAX_NAMES} names")
    return tuple(dict.fromkeys(names))


def engine_config(settings: Settings) -> EngineConfig:
    """The engine's settings for this process: the roster of ORCAST_STAFF_ROSTER_FILE, if any.
    A roster that cannot be read stops the start (ConfigError), never a silent empty list."""
    if settings.staff_roster_file is None:
        return EngineConfig()
    try:
        return EngineConfig(staff_allow_list=read_roster(settings.staff_roster_file))
    except RosterError as exc:
        raise ConfigError(f"ORCAST_STAFF_ROSTER_FILE: {exc}") from None
