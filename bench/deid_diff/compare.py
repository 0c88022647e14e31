"""attack24d: compare base and deid24 results per note; classify every difference."""
import collections
import json
import sys

ORDER = {"quarantine": 3, "review": 2, "redacted": 1, "clean": 0}


def covered(findings, n):
    cov = bytearray(n)
    for s, e, *_ in findings:
        for i in range(max(0, s), min(n, e)):
            cov[i] = 1
    return cov


def leaks(text, phi, cov):
    """Indices of PHI spans with an alphanumeric character left uncovered."""
    return {k for k, (s, e, _c) in enumerate(phi)
            if any(text[i].isalnum() and not cov[i] for i in range(s, e))}


def offsets_ok(text, r):
    pos = 0
    for s, e, *_ in r["f"]:
        if not (0 <= s < e <= len(text)) or s < pos:
            return False
        pos = e
    if r["verdict"] in ("redacted", "review") and r["f"]:
        pieces, pos = [], 0
        for s, e, c, _ in r["f"]:
            pieces += [text[pos:s], f"[{c}]"]
            pos = e
        pieces.append(text[pos:])
        return "".join(pieces) == r["text"]
    return True


notes = [json.loads(x) for x in open(sys.argv[1])]
base = [json.loads(x) for x in open(sys.argv[2])]
new = [json.loads(x) for x in open(sys.argv[3])]
cls = collections.Counter()
ex = collections.defaultdict(list)
bad_off = collections.Counter()
err = collections.Counter()
for d, b, n in zip(notes, base, new, strict=True):
    text, phi = d["text"], d["phi"]
    for side, r in (("base", b), ("new", n)):
        if not offsets_ok(text, r):
            bad_off[side] += 1
            ex["offsets_" + side].append(d["id"])
        if "engine_error" in r["reasons"]:
            err[side] += 1
            ex["error_" + side].append(d["id"])
    if b["text"] == n["text"] and b["verdict"] == n["verdict"]:
        cls["same"] += 1
        continue
    cb, cn = covered(b["f"], len(text)), covered(n["f"], len(text))
    lb, ln = leaks(text, phi, cb), leaks(text, phi, cn)
    tags = []
    worse = ln - lb
    if worse:
        cats = sorted({phi[k][2] for k in worse})
        tags.append("REGRESSION_leak:" + ",".join(cats))
    vb, vn = ORDER[b["verdict"]], ORDER[n["verdict"]]
    if vn < vb and ln:
        if vb >= 2 and vn <= 1:
            tags.append(f"REGRESSION_verdict:{b['verdict']}->{n['verdict']}")
        else:
            tags.append(f"softer_verdict_with_leak:{b['verdict']}->{n['verdict']}")
    if lb - ln:
        tags.append("catch:" + ",".join(sorted({phi[k][2] for k in lb - ln})))
    # new redaction of non-PHI, non-neutral alnum chars
    inside = bytearray(len(text))
    for s, e, *_ in phi:
        for i in range(s, e):
            inside[i] = 1
    for s, e in d["neutral"]:
        for i in range(s, e):
            inside[i] = 1
    over = [i for i in range(len(text)) if cn[i] and not cb[i] and not inside[i]
            and text[i].isalnum()]
    if over:
        tags.append("false_alarm_text" + ("_phifree" if not phi else ""))
    if not phi and vn > vb and vn >= 2:
        tags.append(f"false_alarm_verdict:{b['verdict']}->{n['verdict']}")
    if vn > vb and phi:
        tags.append(f"stricter_verdict:{b['verdict']}->{n['verdict']}")
    if vn < vb and not ln:
        tags.append(f"softer_verdict_no_leak:{b['verdict']}->{n['verdict']}")
    if not tags:
        tags.append("other_change")
    for t in tags:
        cls[t] += 1
        ex[t].append(d["id"])
print("notes", len(notes), "phi-free", sum(1 for d in notes if not d["phi"]))
for k, v in cls.most_common():
    print(f"{v:7d} {k}")
print("bad offsets", dict(bad_off), "engine errors", dict(err))
for side, rs in (("base", base), ("new", new)):
    ts = sorted(rs, key=lambda r: -r["t"])[:3]
    print(side, "slowest ms", [(r["id"], r["t"]) for r in ts],
          "mean", round(sum(r["t"] for r in rs) / len(rs), 3))
json.dump(ex, open("/tmp/a24d_examples.json", "w"))
