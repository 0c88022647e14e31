"""attack24d: run one engine tree (PYTHONPATH) over notes.jsonl; one result a line."""
import json
import sys
import time

from services.common.deid import Engine

eng = Engine()
out = open(sys.argv[2], "w")
for line in open(sys.argv[1]):
    d = json.loads(line)
    t = time.perf_counter()
    res = eng.deidentify(d["text"])
    dt = time.perf_counter() - t
    out.write(json.dumps({"id": d["id"], "text": res.text, "verdict": res.verdict,
                          "reasons": list(res.reasons),
                          "f": [[f.start, f.end, f.category, f.rule] for f in res.findings],
                          "t": round(dt * 1000, 3)}, ensure_ascii=False) + "\n")
