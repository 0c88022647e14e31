"""Differential check of two de-identification engines on invented notes (attack24d).

    python bench/deid_diff/gen.py 100000 [mixed|dense SEED] > /tmp/notes.jsonl
    PYTHONPATH=. python bench/deid_diff/gen2.py 31000 SEED > /tmp/notes.jsonl  # records, cues
    PYTHONPATH=<base tree> python bench/deid_diff/run.py /tmp/notes.jsonl /tmp/base.jsonl
    PYTHONPATH=<new tree>  python bench/deid_diff/run.py /tmp/notes.jsonl /tmp/new.jsonl
    python bench/deid_diff/compare.py /tmp/notes.jsonl /tmp/base.jsonl /tmp/new.jsonl

`gen.py` writes notes with the PHI spans it put in (every word list invented); `run.py`
runs one engine tree over them (one process per tree: `git archive REV` gives the base);
`compare.py` classifies every difference: a PHI character the base hid and the new engine
shows, a verdict less careful while PHI shows, a new false alarm, a new catch, and any
output offset outside the note. The session's rule changes were checked with it against
~190,000 notes (bench/results/deid_blind.md).
"""
