"""What a set of rules costs a note: the engine with the named scans switched off and on,
in one process, alternating every 25 notes (so a shared machine's drift falls on both
sides alike), CPU time of each side over dev's notes joined to ~300 characters.

    .venv/bin/python bench/deid_rule_cost.py                 # this session's rules
    .venv/bin/python bench/deid_rule_cost.py --set 21        # the twenty-first session's
    .venv/bin/python bench/deid_rule_cost.py geo_sites.scan  # one scan (module.function)

A switched-off scan finds nothing (an empty list, or False for the widenings and
`other_kinds.scan`, which answer whether they added), so the rest of the engine runs as
it would on a note where that rule is silent.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.deid_eval import CORPORA, load  # noqa: E402

SETS = {
    "21": ("geo_sites.scan", "geo_sites.widen", "band_names.scan", "kin_names.scan",
           "player_names.scan", "self_names.scan", "beside_names.scan", "other_kinds.scan"),
    "22": ("tracking_codes.scan", "fhir_names.scan", "kin_of_names.scan", "url_names.scan",
           "surname_follows.scan", "script_items.scan", "pt_lower_pairs.scan",
           "foreign_places.scan", "us_places.scan", "old_ages.scan", "foreign_dates.scan",
           "german_phones.scan", "weekday_dates.scan", "trunk_phones.scan",
           "health_cards.scan", "encoded_queries.scan", "lookalike_phones.scan",
           "transfer_places.scan"),
    "23": (
        # --- study33a: Italian, Portuguese and Dutch shapes ---
        "it_pt_nl_dates.scan", "it_pt_nl_ages.scan", "it_pt_nl_places.scan",
        "it_pt_nl_numbers.scan",
        # --- end study33a ---
        # --- study33c (English logs of tuning18) ---
        "cue_names.scan", "word_ages.scan", "uk_postcodes.scan", "band_codes.scan",
        "dos_dates.scan", "home_cities.scan",
        # --- end study33c ---
        # --- study33b: Japanese and Hindi-English notes ---
        "japanese_notes.scan", "hinglish_notes.scan", "korean_places.scan",
        "chinese_places.scan", "japanese_family_names.scan",
        # --- end study33b ---
    ),
    "24": (
        "nordic_notes.scan", "finnish_notes.scan", "turkish_notes.scan",
        "korean_ids.scan", "korean_names.scan", "dictated_ids.scan", "place_leads.scan",
        "name_echoes.scan",
        "log_names.scan", "home_sites.scan",
        "world_ages.scan", "world_numbers.scan", "world_dates.scan", "world_names.scan",
        "world_addresses.scan",
    ),
}
# these answer "did I add anything?" rather than returning what they found
_ANSWER_BOOL = {"geo_sites.widen", "other_kinds.scan", "geo_sites.scan"}
BLOCK = 25


def notes(target: int = 300) -> list[str]:
    out, buf = [], ""
    for row in load(CORPORA["dev"]):
        buf = f"{buf} {row['text']}" if buf else row["text"]
        if len(buf) >= target - 30:
            out.append(buf[: target + 30])
            buf = ""
    return out


def switches(names: tuple[str, ...]) -> tuple[Callable[[], None], Callable[[], None]]:
    """(off, on): put each named scan's no-op in place, or the scan back."""
    real: list[tuple[Any, str, Any, Any]] = []
    for name in names:
        module, func = name.rsplit(".", 1)
        mod = importlib.import_module("services.common.deid." + module)
        silent: bool | list[Any] = False if name in _ANSWER_BOOL else []
        real.append((mod, func, getattr(mod, func), lambda *_a, _s=silent, **_k: _s))

    def off() -> None:
        for mod, func, _fn, noop in real:
            setattr(mod, func, noop)

    def on() -> None:
        for mod, func, fn, _noop in real:
            setattr(mod, func, fn)
    return off, on


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("scans", nargs="*", help="module.function names (default: --set)")
    ap.add_argument("--set", choices=sorted(SETS), default="24")
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    from services.common.deid import Engine

    engine = Engine()
    texts = notes()
    off, on = switches(tuple(a.scans) or SETS[a.set])
    for text in texts[:200]:  # warm the memos
        engine.deidentify(text)
    without = with_ = 0.0
    for _ in range(a.rounds):
        for i in range(0, len(texts), BLOCK):
            block = texts[i:i + BLOCK]
            for switch, side in ((off, 0), (on, 1)):
                switch()
                t0 = time.process_time()
                for text in block:
                    engine.deidentify(text)
                spent = time.process_time() - t0
                if side:
                    with_ += spent
                else:
                    without += spent
    on()
    print(f"| notes × rounds | without | with | cost a note |\n|---|---:|---:|---:|\n"
          f"| {len(texts)} × {a.rounds} | {without:.2f} s | {with_:.2f} s "
          f"| {100 * (with_ / without - 1):+.1f} % |")


if __name__ == "__main__":
    main()
