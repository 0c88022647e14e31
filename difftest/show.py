import json, sys, os
NOTES, BASE, NEW = (os.environ.get("A24", "/tmp/a24d_notes.jsonl,/tmp/a24d_base.jsonl,/tmp/a24d_new.jsonl").split(","))
ex = json.load(open("/tmp/a24d_examples.json"))
notes = {}
want = set()
k = sys.argv[1]; n = int(sys.argv[2]) if len(sys.argv) > 2 else 5
ids = ex.get(k, [])[:n]
want = set(ids)
def load(p):
    return {r["id"]: r for r in map(json.loads, open(p)) if r["id"] in want}
N, B, W = load(NOTES), load(BASE), load(NEW)
for i in ids:
    d = N[i]
    print("=== ", i, repr(d["text"]), [(d["text"][s:e], c) for s, e, c in d["phi"]])
    print("  B", B[i]["verdict"], B[i]["reasons"], repr(B[i]["text"]), [f[2:] for f in B[i]["f"]])
    print("  N", W[i]["verdict"], W[i]["reasons"], repr(W[i]["text"]), [f[2:] for f in W[i]["f"]])
