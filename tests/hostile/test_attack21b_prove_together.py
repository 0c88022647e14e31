"""Red team attack21b on `Keyring.prove_together` (tp21): an insider who can write any
record to any topic, and replay or reorder genuine ones, but holds no signing key.

Held (passing guards below): a shuffled fetch of genuine batches mixed with altered
copies (duplicate JSON keys before or after the leaf, a second tail, trailing bytes,
escapes in the signature or the body, a malleated signature, a tail swapped in from
another batch of the same leaf count, another spelling of the path) gets exactly the
verdicts each record gets verified alone, and whatever is accepted reads as a genuine event.

Hit (fixed: a refused root is remembered too, `Keyring._refused`): a flood of forged
records that each claim a complete one-leaf tree (path
`0.1`, random signature) costs two Ed25519 checks per record, one in `prove_together`
and the same one again in `verify`, where verifying each alone costs one. The forged
path is what an insider controls the rate of, so the shortcut doubles its CPU cost.
"""

from __future__ import annotations

import base64
import json
import os
import random
from pathlib import Path

from services.common import events, signing
from tests.common.test_signing_batch import batch_of, counted, keys, status_event

__all__ = ["counted", "keys"]  # fixtures, imported to be used here


def reader(keys: Path) -> signing.Keyring:
    return signing.Keyring(verifiers=dict(signing.load_keyring(keys).verifiers))


def verdict(keyring: signing.Keyring, raw: bytes) -> tuple[str, ...]:
    try:
        event, envelope = events.parse_envelope(raw)
        keyring.verify(envelope, raw, ("approval",))
    except events.InvalidEvent as exc:
        return (exc.reason,)
    return ("accepted", event.subject, json.dumps(event.data, sort_keys=True))


def altered(rng: random.Random, raw: bytes, other: bytes) -> bytes:
    """`raw` changed the ways raw bytes and the parsed envelope can be made to disagree."""
    at_path, at_sig = raw.rfind(b',"orcastpath":"'), raw.rfind(b',"orcastsig":"')
    sig = raw[at_sig + len(b',"orcastsig":"'):-2]
    evil = b',"subject":"case-evil"'
    return rng.choice([
        raw[:at_path] + evil + raw[at_path:],  # duplicate key inside the leaf
        b'{"subject":"case-evil",' + raw[1:],  # duplicate key, first one loses
        raw[:-2] + b'"' + evil + b"}",  # duplicate key after the signature
        raw[:-1] + raw[at_path:],  # a second tail
        raw + b" ",  # trailing data
        raw[:-1] + b" }",
        raw[:at_sig] + b',"orcastsig":"\\u00' + b"%02x" % sig[0] + sig[1:] + b'"}',
        raw[:-2] + rng.choice([b"=", b"==", b"!", b"==AAAA"]) + b'"}',  # malleated
        raw[:at_path] + other[other.rfind(b',"orcastpath":"'):],  # other batch's tail
        raw.replace(b'"case-', b'"\\u0063ase-', 1),  # escape in the body
        raw.replace(b'"orcastpath":"', b'"orcastpath":"0', 1),  # another spelling
        raw[:at_path] + b',"data":{"update_id":"x","case_id":"case-evil","state":"approved",'
        b'"at":"2026-11-22T09:42:00Z"}' + raw[at_path:],
    ])


def test_altered_records_in_a_whole_batch_get_the_verdicts_they_get_alone(
        keys: Path) -> None:
    producer = signing.load_keyring(keys)
    rng = random.Random(21)
    for _ in range(400):
        size = rng.randrange(2, 7)
        first = batch_of(producer, size, first=rng.randrange(1000))
        second = batch_of(producer, size, first=rng.randrange(1000))
        fetch = list(first)
        for _ in range(rng.randrange(1, 3)):
            at = rng.randrange(len(fetch))
            change = altered(rng, fetch[at], rng.choice(second))
            if rng.random() < 0.5:
                fetch[at] = change  # swapped for the genuine one
            else:
                fetch.append(change)
        if rng.random() < 0.3:
            fetch += second
        rng.shuffle(fetch)
        together, alone = reader(keys), reader(keys)
        together.prove_together(fetch)
        verdicts = [verdict(together, raw) for raw in fetch]
        assert verdicts == [verdict(alone, raw) for raw in fetch]
        # what is accepted says what a genuine record says (a duplicate key the parser
        # drops may stay in the bytes: the event read from them is the genuine one)
        genuine = {verdict(reader(keys), raw) for raw in first + second}
        assert {said for said in verdicts if said[0] == "accepted"} <= genuine


def forged_leaf_of_one(keyring: signing.Keyring, number: int) -> bytes:
    """A record claiming a complete tree of one leaf: any body, path `0.1`, a random
    signature (no key needed)."""
    body = keyring.unsealed(status_event(number).to_dict()).body
    signature = base64.urlsafe_b64encode(os.urandom(64)).rstrip(b"=")
    return body[:-1] + b',"orcastpath":"0.1","orcastsig":"' + signature + b'"}'


def test_a_flood_of_forged_one_leaf_trees_costs_no_more_than_verifying_each_alone(
        keys: Path, counted: list[bytes]) -> None:
    producer = signing.load_keyring(keys)
    fetch = [forged_leaf_of_one(producer, n) for n in range(50)]
    alone = reader(keys)
    assert all(verdict(alone, raw)[0] == "forged: bad batch signature" for raw in fetch)
    checks_alone = len(counted)
    assert checks_alone == len(fetch)
    counted.clear()
    together = reader(keys)
    together.prove_together(fetch)  # what the consumer loop does with every fetch
    assert all(verdict(together, raw)[0] == "forged: bad batch signature" for raw in fetch)
    assert len(counted) <= checks_alone, (
        f"{len(counted)} Ed25519 checks for {len(fetch)} forged records, "
        f"{checks_alone} when each is verified alone")
