"""Events sent together share one Ed25519 signature over a Merkle root (signing.py,
merkle.py): each record still verifies alone, a consumer checks each root once, and no
proof, root or signature borrowed from elsewhere makes a record believed."""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from services.common import events, merkle, signing
from services.common.batch import HeldSend
from services.common.consumer import Origin
from services.common.producer import EventProducer
from services.common.settings import Settings
from tests.support.retired_keys import rotated_keys


def status_event(number: int, service: str = "approval") -> events.Event:
    return events.make_event(
        "org.orcast.update.status.v1", service=service, subject=f"case-{number % 3}",
        data={"update_id": f"0b4f3c4e-8f0e-4d59-9a6b-{number:012d}",
              "case_id": f"case-{number % 3}", "state": "held", "at": "2026-11-22T09:42:00Z"})


def batch_of(keyring: signing.Keyring, size: int, first: int = 0) -> list[bytes]:
    return keyring.seal_all([keyring.unsealed(status_event(first + n).to_dict())
                             for n in range(size)])


def verify(keyring: signing.Keyring, raw: bytes, *, at: Origin | None = None) -> None:
    keyring.verify(events.parse_envelope(raw)[1], raw, ("approval",), at=at)


def envelope(raw: bytes) -> dict[str, Any]:
    return dict(json.loads(raw))


def wire(body: dict[str, Any]) -> bytes:
    return json.dumps(body, separators=(",", ":")).encode()


@pytest.fixture
def keys(tmp_path: Path) -> Path:
    signing.generate(tmp_path, ["approval", "ingest"])
    return tmp_path


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every message an Ed25519 check is asked about, in order."""
    asked: list[bytes] = []
    real = signing.verifier

    def counting(public: Any) -> Callable[[bytes, bytes], bool]:
        check = real(public)

        def counted_check(signature: bytes, message: bytes) -> bool:
            asked.append(message)
            return check(signature, message)
        return counted_check
    monkeypatch.setattr(signing, "verifier", counting)
    return asked


def reference_root(leaves: list[bytes]) -> bytes:
    """RFC 6962 section 2.1 MTH, written from the RFC's definition."""
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return hashlib.sha256(b"\x01" + reference_root(leaves[:k])
                          + reference_root(leaves[k:])).digest()


def test_tree_matches_rfc6962_and_every_path_reaches_its_root() -> None:
    for size in range(1, 34):
        leaves = [merkle.leaf_hash(os.urandom(8)) for _ in range(size)]
        root, paths = merkle.tree(leaves)
        assert root == reference_root(leaves)
        for index, path in enumerate(paths):
            assert merkle.root_from_path(leaves[index], index, size, path) == root
            for wrong in ([path[1:]] if path else []) + [[*path, root]]:
                with pytest.raises(merkle.BadProof, match="wrong length"):
                    merkle.root_from_path(leaves[index], index, size, wrong)
    assert merkle.leaf_hash(b"x") == hashlib.sha256(b"\x00x").digest()


def test_a_batch_shares_one_signature_and_each_record_says_its_place(keys: Path) -> None:
    raws = batch_of(signing.load_keyring(keys), 5)
    bodies = [envelope(raw) for raw in raws]
    assert len({body[signing.SIG] for body in bodies}) == 1
    assert [body[signing.PROOF].split(".")[:2] for body in bodies] == [
        [str(n), "5"] for n in range(5)]
    events.validate(bodies[0])  # the schema declares the attribute


def test_a_batch_of_one_keeps_the_single_event_form(keys: Path) -> None:
    keyring = signing.load_keyring(keys)
    event = status_event(0).to_dict()
    [raw] = keyring.seal_all([keyring.unsealed(event)])
    assert signing.PROOF not in envelope(raw)
    assert raw == keyring.seal(event)
    verify(keyring, raw)


def test_one_ed25519_check_per_batch_and_consumer(keys: Path, counted: list[bytes]) -> None:
    keyring = signing.load_keyring(keys)
    first, second = batch_of(keyring, 7), batch_of(keyring, 4, first=7)
    for raw in first + second + first:  # the first again: a replay
        verify(keyring, raw)
    assert len(counted) == 2
    assert all(m.startswith(signing.MERKLE_PREFIX) for m in counted)


def test_part_of_a_batch_verifies_alone_in_any_order(keys: Path, counted: list[bytes]) -> None:
    """Another partition's consumer, or the one-by-one fallback, sees only some records."""
    raws = batch_of(signing.load_keyring(keys), 9)
    consumer = signing.Keyring(verifiers=dict(signing.load_keyring(keys).verifiers))
    for raw in (raws[8], raws[3]):
        verify(consumer, raw)
    reordered = json.dumps(dict(reversed(envelope(raws[5]).items())), indent=1).encode()
    verify(consumer, reordered)  # re-encoded: the canonical leaf still reaches the root
    assert len(counted) == 1


def test_the_single_event_form_still_verifies_beside_batches(keys: Path) -> None:
    keyring = signing.load_keyring(keys)
    verify(keyring, keyring.seal(status_event(1).to_dict()))
    verify(keyring, batch_of(keyring, 3)[2])


def forged(keyring: signing.Keyring, raw: bytes, match: str) -> None:
    with pytest.raises(signing.ForgedEvent, match=match) as caught:
        verify(keyring, raw)
    assert "case-" not in caught.value.reason and "held" not in caught.value.reason


def test_a_record_moved_to_another_batch_is_refused(keys: Path) -> None:
    keyring = signing.load_keyring(keys)
    first, second = batch_of(keyring, 4), batch_of(keyring, 4, first=4)
    for raw in first + second:
        verify(keyring, raw)  # both roots are known (cached) now
    moved = envelope(first[1])
    moved[signing.PROOF], moved[signing.SIG] = (envelope(second[1])[signing.PROOF],
                                                envelope(second[1])[signing.SIG])
    forged(keyring, wire(moved), "bad batch signature")


def test_a_valid_path_to_another_signed_root_is_refused(keys: Path) -> None:
    keyring = signing.load_keyring(keys)
    first, second = batch_of(keyring, 4), batch_of(keyring, 4, first=4)
    verify(keyring, second[0])
    borrowed = envelope(first[2])
    borrowed[signing.SIG] = envelope(second[0])[signing.SIG]  # same leaf count, other root
    forged(keyring, wire(borrowed), "bad batch signature")


def proof_of(raw: bytes) -> tuple[int, int, list[bytes]]:
    return signing.parse_proof(envelope(raw)[signing.PROOF])


def with_proof(raw: bytes, index: int, count: int, path: list[bytes]) -> bytes:
    body = envelope(raw)
    body[signing.PROOF] = signing.proof_text(index, count, path)
    return wire(body)


def test_tampered_paths_indexes_and_counts_are_refused(keys: Path) -> None:
    keyring = signing.load_keyring(keys)
    raws = batch_of(keyring, 6)
    verify(keyring, raws[2])  # the root is cached: no tampering rides on that
    index, count, path = proof_of(raws[2])
    flipped = [bytes([path[0][0] ^ 1]) + path[0][1:], *path[1:]]
    forged(keyring, with_proof(raws[2], index, count, flipped), "bad batch signature")
    forged(keyring, with_proof(raws[2], index, count, path[::-1]), "bad batch signature")
    forged(keyring, with_proof(raws[2], 3, count, path), "bad batch signature")
    forged(keyring, with_proof(raws[2], 6, count, path), "leaf index out of range")
    forged(keyring, with_proof(raws[2], index, count, path[:-1]), "wrong length")
    forged(keyring, with_proof(raws[2], index, count, [*path, path[0]]), "wrong length")
    forged(keyring, with_proof(raws[2], index, 7, path), "bad batch signature")
    forged(keyring, with_proof(raws[2], index, 16, path), "wrong length")
    body = envelope(raws[2])
    body[signing.PROOF] = "0" + body[signing.PROOF]  # 02.6…: one spelling only
    with pytest.raises(events.InvalidEvent, match="orcastpath"):  # the schema says so
        events.validate(body)
    with pytest.raises(signing.ForgedEvent, match="malformed audit path"):  # and so do we
        keyring.verify(body, wire(body), ("approval",))
    body[signing.PROOF] = envelope(raws[2])[signing.PROOF].upper()
    with pytest.raises(events.InvalidEvent, match="orcastpath"):  # the schema says so
        events.validate(body)
    with pytest.raises(signing.ForgedEvent, match="malformed audit path"):  # and so do we
        keyring.verify(body, wire(body), ("approval",))


def test_a_changed_event_in_a_batch_is_refused(keys: Path) -> None:
    keyring = signing.load_keyring(keys)
    raws = batch_of(keyring, 3)
    verify(keyring, raws[1])
    body = envelope(raws[1])
    body["subject"] = "case-9"
    forged(keyring, wire(body), "bad batch signature")


def test_root_and_single_signatures_are_never_taken_for_each_other(keys: Path) -> None:
    keyring = signing.load_keyring(keys)
    raws = batch_of(keyring, 2)
    verify(keyring, raws[0])
    stripped = envelope(raws[0])  # a root signature presented as an event's own
    del stripped[signing.PROOF]
    forged(keyring, wire(stripped), "bad signature")
    single = envelope(keyring.seal(status_event(0).to_dict()))
    single[signing.PROOF] = "0.1"  # an event's own signature presented as a root's
    forged(keyring, wire(single), "bad batch signature")


def test_a_root_signed_with_another_services_key_is_refused(keys: Path) -> None:
    keyring = signing.load_keyring(keys)
    approval_kid = keyring.signers["approval"][0]
    ingest_kid, ingest_key = keyring.signers["ingest"]
    bodies = [{k: v for k, v in status_event(n).to_dict().items()} | {signing.KID: kid}
              for n, kid in enumerate((approval_kid, approval_kid))]
    leaves = [merkle.leaf_hash(signing.canonical(body)) for body in bodies]
    root, paths = merkle.tree(leaves)
    signature = signing._b64(ingest_key.sign(signing.root_message(2, root)))
    body = bodies[0] | {signing.PROOF: signing.proof_text(0, 2, paths[0]),
                        signing.SIG: signature}
    forged(keyring, wire(body), "bad batch signature")  # claims approval's key
    bodies = [body | {signing.KID: ingest_kid} for body in bodies]
    leaves = [merkle.leaf_hash(signing.canonical(body)) for body in bodies]
    root, paths = merkle.tree(leaves)
    signature = signing._b64(ingest_key.sign(signing.root_message(2, root)))
    body = bodies[0] | {signing.PROOF: signing.proof_text(0, 2, paths[0]),
                        signing.SIG: signature}
    forged(keyring, wire(body), "key of ingest used for an event from approval")


def test_a_remembered_root_does_not_excuse_another_signature(keys: Path) -> None:
    keyring = signing.load_keyring(keys)
    raws = batch_of(keyring, 3)
    verify(keyring, raws[0])
    body = envelope(raws[1])
    body[signing.SIG] = "A" * 85 + "g"
    forged(keyring, wire(body), "bad batch signature")


def test_remembered_roots_are_bounded(keys: Path, counted: list[bytes],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(signing, "ROOTS_REMEMBERED", 2)
    keyring = signing.load_keyring(keys)
    batches = [batch_of(keyring, 2, first=10 * n) for n in range(3)]
    for raws in batches:
        verify(keyring, raws[0])
    verify(keyring, batches[2][1])  # remembered
    verify(keyring, batches[0][1])  # forgotten: checked again
    assert len(counted) == 4 and len(keyring._roots) == 2


def test_a_batch_signed_with_a_retired_key_verifies_history_only(tmp_path: Path) -> None:
    retired, keyring = rotated_keys(tmp_path, {"updates.status": {0: 2}})
    old = batch_of(retired, 3)
    verify(keyring, old[1], at=Origin("updates.status", 0, 1))
    with pytest.raises(signing.ForgedEvent, match="retired"):
        verify(keyring, old[2])  # a remembered root does not bypass retirement


async def test_held_sends_of_a_batch_go_out_under_one_root_per_topic(
        keys: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A consumer of one topic then holds every record of each tree it meets."""
    producer = EventProducer(settings=Settings(event_keys_dir=keys), service="approval")
    sent: list[tuple[str, bytes, str | None]] = []

    async def send_all(sends: list[tuple[str, bytes, str | None]], **_: Any) -> None:
        sent.extend(sends)
    monkeypatch.setattr(producer, "send_all", send_all)
    held = [HeldSend(producer, f"orcast.topic{n % 2}", producer.unsealed(status_event(n)),
                     f"case-{n}") for n in range(6)]
    held[3:3] = [HeldSend(producer, f"orcast.alone{n}", producer.unsealed(status_event(n)),
                          "case-0") for n in (6, 7)]
    await producer.send_held(held)
    assert [(topic, key) for topic, _, key in sent] == [
        (h.full_topic, h.key) for h in held]
    proofs: dict[str, list[list[str]]] = {}
    for name, value, _ in sent:
        body = envelope(value)
        proofs.setdefault(name if "topic" in name else "alone", []).append(
            [body[signing.SIG], *body[signing.PROOF].split(".")[:2]])
    assert len({proof[0] for by in proofs.values() for proof in by}) == 3
    for topic, size in (("orcast.topic0", 3), ("orcast.topic1", 3), ("alone", 2)):
        assert len({proof[0] for proof in proofs[topic]}) == 1  # one root per topic
        assert [proof[1:] for proof in proofs[topic]] == [
            [str(n), str(size)] for n in range(size)]  # the topics of one event share one
    for _, value, _ in sent:
        verify(producer.keyring(), value)


def test_a_null_audit_path_is_not_taken_for_no_path(keys: Path) -> None:
    """The schema refuses it; the keyring, asked directly, does too."""
    keyring = signing.load_keyring(keys)
    body = envelope(keyring.seal(status_event(0).to_dict())) | {signing.PROOF: None}
    with pytest.raises(signing.ForgedEvent, match="malformed audit path"):
        keyring.verify(body, wire(body), ("approval",))


def test_remembered_nodes_change_no_verdict(keys: Path) -> None:
    """The node memo (merkle.NodeMemo) answers exactly what node_hash does and stays
    bounded; a keyring that has climbed a whole batch's tree still refuses a record
    whose path, index or count was touched."""
    memo = merkle.NodeMemo(4)
    pairs = [(os.urandom(32), os.urandom(32)) for _ in range(10)]
    for left, right in pairs + pairs:
        assert memo(left, right) == merkle.node_hash(left, right)
        assert len(memo._known) <= 4
    keyring = signing.load_keyring(keys)
    raws = batch_of(keyring, 9)
    for raw in raws:
        verify(keyring, raw)  # every node of the tree now remembered
    for raw in raws:
        genuine = envelope(raw)
        index, count, hexed = genuine[signing.PROOF].split(".")
        flipped = hexed[:-1] + ("0" if hexed[-1] != "0" else "1")
        for proof in (f"{index}.{count}.{flipped}", f"{(int(index) + 1) % 9}.{count}.{hexed}",
                      f"{index}.10.{hexed}"):
            with pytest.raises(signing.ForgedEvent):
                keyring.verify(genuine | {signing.PROOF: proof},
                               wire(genuine | {signing.PROOF: proof}), ("approval",))


def test_the_memo_climbs_to_the_root_the_plain_climb_reaches() -> None:
    """`NodeMemo.root_from_path` (the keyring's climb, its look-ups inline) gives what
    `merkle.root_from_path` gives, root or `BadProof`, for every place in trees of 1-20
    leaves and for paths, indexes and counts that were touched, memo warm or cold."""
    memo = merkle.NodeMemo(64)
    for count in range(1, 21):
        leaves = [os.urandom(32) for _ in range(count)]
        root, paths = merkle.tree(leaves)
        for index, path in enumerate(paths):
            cases = [(index, count, path), (index, count, path[::-1]),
                     (index, count, path[:-1]), (index, count, [*path, root]),
                     ((index + 1) % count, count, path), (index, count + 1, path),
                     (count, count, path), (index, 0, path), (index, count, [b"x", *path])]
            if path:
                cases.append((index, count, [bytes(32), *path[1:]]))
            for case in cases:
                for _ in range(2):  # cold, then with its nodes remembered
                    try:
                        expected: bytes | str = merkle.root_from_path(leaves[index], *case)
                    except merkle.BadProof as exc:
                        expected = str(exc)
                    try:
                        got: bytes | str = memo.root_from_path(leaves[index], *case)
                    except merkle.BadProof as exc:
                        got = str(exc)
                    assert got == expected, (count, index, case[:2])
            assert memo.root_from_path(leaves[index], index, count, path) == root


def test_proof_numbers_are_read_as_the_pattern_reads_them() -> None:
    """`parse_proof` takes exactly the index and count spellings `_PROOF_NUMBERS` matches
    (told by string methods now): leading zeros, signs, spaces, non-ASCII digits, eleven
    digits and empty parts are refused, whatever else the proof holds."""
    import random

    path = "." + "ab" * 32
    spellings = ["0", "1", "7", "10", "01", "00", "-1", "+1", " 1", "1 ", "", "1e3", "١", "²",
                 "9" * 10, "9" * 11, "1" + "0" * 9, "0" * 10, "1\n", "a", "0x1"]
    rnd = random.Random(14)
    spellings += ["".join(rnd.choice("0123456789 -+x١") for _ in range(rnd.randint(0, 12)))
                  for _ in range(3000)]
    for index in spellings[:40] + rnd.sample(spellings, 200):
        for count in spellings[:40] + rnd.sample(spellings, 40):
            text = f"{index}.{count}{path}"
            wanted = signing._PROOF_NUMBERS.fullmatch(f"{index}.{count}") is not None \
                and "." not in index and "." not in count
            try:
                found = signing.parse_proof(text)
            except signing.ForgedEvent:
                assert not wanted, text
            else:
                assert wanted and found[:2] == (int(index), int(count)), text


def test_a_signature_is_decoded_once_per_keyring_and_refused_alike() -> None:
    """The records of a batch share one signature text: decoded once and remembered; a
    text that is not base64url is refused every time, never remembered."""
    keyring = signing.Keyring()
    good = base64.urlsafe_b64encode(b"s" * 64).decode().rstrip("=")
    first = keyring._signature(good)
    assert first == b"s" * 64 and keyring._signature(good) is first
    for _ in range(2):
        with pytest.raises(signing.ForgedEvent, match="signature is not base64url"):
            keyring._signature("not base64 é")
    assert list(keyring._signatures) == [good]
