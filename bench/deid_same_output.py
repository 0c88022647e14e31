"""Prove a speed change changed nothing: the engine's whole output (redacted text, every
finding's offsets, category, rule and confidence, verdict, counts, reasons) on every note of
the dev, tuning and tuning2 corpora, and on the ~300-character joined notes that
bench/deid_speed.py times, compared between a base commit and this tree.

    .venv/bin/python bench/deid_same_output.py                 # against HEAD
    .venv/bin/python bench/deid_same_output.py --base 40c39c0  # against another commit
    .venv/bin/python bench/deid_same_output.py --all           # tuning3..tuning7 as well

The base is exported with `git archive` into a temporary folder (no stash, no checkout:
other worktrees share those). Each side runs in its own process and writes one line per
note to a local file; only counts and the first differing note's id are printed, never a
note's text. Every note is run twice (cold engine, then warm) so that a memo that changes
an answer shows up too. The held-out corpora (blind, tuning20) are never read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAMES = ("dev", "tuning", "tuning2")
# every studied corpus: never the held-out blind and tuning20
ALL = (*NAMES, "tuning3", "tuning4", "tuning5", "tuning6", "tuning7", "tuning8", "tuning9",
       "tuning10", "tuning11", "tuning12", "tuning13", "tuning14", "tuning15",
       "tuning16", "tuning17", "tuning18", "tuning19")


def dump(engine_root: Path, out: Path, names: tuple[str, ...] = NAMES) -> None:
    """Run the engine found under `engine_root` over the corpora of this tree into `out`."""
    sys.path.insert(0, str(engine_root))
    sys.path.insert(1, str(ROOT))
    import services.common.deid as deid
    from bench.deid_eval import CORPORA, KEY, load
    from services.common.deid import CaseIdentifiers, Engine

    if not Path(deid.__file__).resolve().is_relative_to(engine_root.resolve()):
        raise SystemExit(f"engine imported from {deid.__file__}, not {engine_root}")
    engine = Engine()
    cases: dict[str, CaseIdentifiers] = {}

    def prepare(case: dict | None) -> CaseIdentifiers | None:
        if case is None:
            return None
        ck = json.dumps(case, sort_keys=True)
        if ck not in cases:
            cases[ck] = CaseIdentifiers.from_plain(
                names=case["patient_names"], mrn=case["mrn"], dob=case["dob"], key=KEY)
        return cases[ck]

    notes: list[tuple[str, str, CaseIdentifiers | None]] = []
    for name in names:
        rows = load(CORPORA[name])
        buf = ""
        for i, row in enumerate(rows):
            notes.append((f"{name}:{row.get('id', i)}", row["text"], prepare(row["case"])))
            buf = f"{buf} {row['text']}" if buf else row["text"]
            if len(buf) >= 270:  # bench/deid_eval.throughput's joined notes
                notes.append((f"{name}:joined:{i}", buf[:330], prepare(row["case"])))
                buf = ""
    with out.open("w", encoding="utf-8") as fh:
        for rnd in ("cold", "warm"):
            for key, text, case in notes:
                r = engine.deidentify(text, case)
                fh.write(json.dumps({
                    "note": f"{rnd}:{key}", "text": r.text, "verdict": r.verdict,
                    "findings": [[f.start, f.end, f.category, f.rule, f.confident]
                                 for f in r.findings],
                    "counts": dict(sorted(r.counts.items())), "reasons": list(r.reasons),
                }, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", default="HEAD", help="commit to compare with (default HEAD)")
    ap.add_argument("--keep", type=Path, help="folder to keep both dumps in")
    ap.add_argument("--all", action="store_true",
                    help="tuning3 to tuning10 too (never the held-out corpora)")
    ap.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--engine-root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    a = ap.parse_args()
    names = ALL if a.all else NAMES
    if a.dump:
        dump(a.engine_root, a.dump, names)
        return
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        base.mkdir()
        tar = Path(tmp) / "base.tar"
        subprocess.run(["git", "archive", "-o", str(tar), a.base, "services"],
                       cwd=ROOT, check=True)
        with tarfile.open(tar) as tf:
            tf.extractall(base, filter="data")
        keep = a.keep or Path(tmp)
        keep.mkdir(parents=True, exist_ok=True)
        outs = {}
        for side, root in (("base", base), ("tree", ROOT)):
            outs[side] = keep / f"deid_output_{side}.jsonl"
            subprocess.run([sys.executable, __file__, "--dump", str(outs[side]),
                            "--engine-root", str(root), *(["--all"] if a.all else [])],
                           check=True, cwd=ROOT)
        lines = {s: p.read_text(encoding="utf-8").splitlines() for s, p in outs.items()}
        digest = {s: hashlib.sha256("\n".join(ls).encode()).hexdigest()[:16]
                  for s, ls in lines.items()}
        differ = [json.loads(b)["note"] for b, t in zip(lines["base"], lines["tree"],
                                                        strict=False) if b != t]
        n = len(lines["base"])
        print(f"base {a.base}: {n} outputs, sha256 {digest['base']}")
        print(f"this tree: {len(lines['tree'])} outputs, sha256 {digest['tree']}")
        if differ or len(lines["base"]) != len(lines["tree"]):
            print(f"DIFFERENT: {len(differ)} outputs differ; first: {differ[:5]}")
            raise SystemExit(1)
        print("IDENTICAL")


if __name__ == "__main__":
    main()
