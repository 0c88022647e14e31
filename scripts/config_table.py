"""Write the README's configuration table from services/common/variables.py.

    python scripts/config_table.py          rewrite README.md's table in place
    python scripts/config_table.py --check  exit 1 when README.md differs
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from services.common.variables import table  # noqa: E402

README = ROOT / "README.md"
HEADER = "| variable | default | meaning |"


def with_table(readme: str) -> str:
    start = readme.index(HEADER)
    end = readme.index("\n\n", start) + 1
    return readme[:start] + table() + readme[end:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only compare")
    args = parser.parse_args(argv)
    current = README.read_text(encoding="utf-8")
    wanted = with_table(current)
    if args.check:
        if current != wanted:
            sys.stderr.write("README.md's configuration table differs from "
                             "services/common/variables.py: run scripts/config_table.py\n")
            return 1
        return 0
    README.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
