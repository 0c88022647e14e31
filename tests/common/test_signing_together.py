"""The records of a signed batch that arrive whole in one fetch are proven together
(`Keyring.prove_together`: the tree rebuilt once, no path climbed per record), and that
shortcut never changes a verdict: whatever the fetch holds (a forged or moved record, a
path borrowed from another batch, a batch split over two fetches, duplicates, an unknown
or retired key), every record is accepted or refused, with the same reason, exactly as
it is when verified alone."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from services.common import events, merkle, signing, topics
from services.common.consumer import Origin
from tests.common.test_signing_batch import (
    batch_of,
    counted,
    envelope,
    keys,
    verify,
    wire,
    with_proof,
)
from tests.support.retired_keys import rotated_keys

__all__ = ["counted", "keys"]  # fixtures, imported to be used here


@pytest.fixture
def climbs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The index of every audit path climbed (one record's own proof checked)."""
    climbed: list[int] = []
    real = merkle.NodeMemo.root_from_path

    def counting(memo: merkle.NodeMemo, leaf: bytes, index: int, count: int,
                 path: list[bytes]) -> bytes:
        climbed.append(index)
        return real(memo, leaf, index, count, path)
    monkeypatch.setattr(merkle.NodeMemo, "root_from_path", counting)
    return climbed


def reader(keys: Path) -> signing.Keyring:
    """A consumer's keyring: public keys only, nothing remembered yet."""
    return signing.Keyring(verifiers=dict(signing.load_keyring(keys).verifiers))


def verdict(keyring: signing.Keyring, raw: bytes, at: Origin | None = None) -> str:
    try:
        verify(keyring, raw, at=at)
    except events.InvalidEvent as exc:
        return exc.reason
    return "accepted"


def test_a_whole_batch_in_one_fetch_climbs_no_path_and_checks_one_signature(
        keys: Path, counted: list[bytes], climbs: list[int]) -> None:
    raws = batch_of(signing.load_keyring(keys), 9)
    consumer = reader(keys)
    fetch = raws[4:] + raws[:4]  # spread over partitions: any order
    consumer.prove_together(fetch)
    assert [verdict(consumer, raw) for raw in fetch] == ["accepted"] * 9
    assert climbs == []
    assert len(counted) == 1
    verify(consumer, raws[2])  # again (a redelivery): proven once, then climbed as ever
    assert climbs == [2]


def test_a_batch_split_over_two_fetches_is_verified_record_by_record(
        keys: Path, climbs: list[int]) -> None:
    raws = batch_of(signing.load_keyring(keys), 6)
    consumer = reader(keys)
    for fetch in (raws[:4], raws[4:]):
        consumer.prove_together(fetch)
        assert [verdict(consumer, raw) for raw in fetch] == ["accepted"] * len(fetch)
    assert climbs == list(range(6))


def test_duplicates_that_leave_an_index_missing_prove_nothing(
        keys: Path, climbs: list[int]) -> None:
    raws = batch_of(signing.load_keyring(keys), 4)
    consumer = reader(keys)
    fetch = [raws[0], raws[0], raws[1], raws[3]]  # four records, index 2 missing
    consumer.prove_together(fetch)
    assert [verdict(consumer, raw) for raw in fetch] == ["accepted"] * 4
    assert sorted(climbs) == [0, 0, 1, 3]


def test_an_altered_record_is_refused_and_its_batch_mates_still_accepted(
        keys: Path, climbs: list[int]) -> None:
    raws = batch_of(signing.load_keyring(keys), 5)
    altered = envelope(raws[2])
    altered["data"]["state"] = "approved"
    fetch = [*raws[:2], wire(altered), *raws[3:]]
    consumer = reader(keys)
    consumer.prove_together(fetch)
    assert [verdict(consumer, raw) for raw in fetch] == [
        "accepted", "accepted", "forged: bad batch signature", "accepted", "accepted"]
    assert sorted(climbs) == [0, 1, 2, 3, 4]  # nothing proven from a tree that fails


def test_a_path_valid_for_another_batch_is_refused(keys: Path) -> None:
    """Record 2 of a second batch, carrying the first batch's signature: its own path is
    valid, for the other tree; with the first batch's other records it fills the fetch."""
    signer = signing.load_keyring(keys)
    first, second = batch_of(signer, 4), batch_of(signer, 4, first=4)
    borrowed = envelope(second[2])
    borrowed[signing.SIG] = envelope(first[0])[signing.SIG]
    fetch = [first[0], first[1], wire(borrowed), first[3]]
    consumer = reader(keys)
    consumer.prove_together(fetch)
    assert [verdict(consumer, raw) for raw in fetch] == [
        "accepted", "accepted", "forged: bad batch signature", "accepted"]


def test_a_path_not_the_trees_own_is_refused(keys: Path) -> None:
    raws = batch_of(signing.load_keyring(keys), 4)
    _, count, path = signing.parse_proof(envelope(raws[0])[signing.PROOF])
    wrong = with_proof(raws[1], 1, count, path)  # record 0's siblings
    fetch = [raws[0], wrong, raws[2], raws[3]]
    consumer = reader(keys)
    consumer.prove_together(fetch)
    assert [verdict(consumer, raw) for raw in fetch] == [
        "accepted", "forged: bad batch signature", "accepted", "accepted"]


def test_proven_bytes_vouch_only_for_the_envelope_parsed_from_them(keys: Path) -> None:
    raws = batch_of(signing.load_keyring(keys), 3)
    consumer = reader(keys)
    consumer.prove_together(raws)
    lying = events.parse_envelope(raws[1])[1] | {signing.PROOF: envelope(raws[0])[signing.PROOF]}
    with pytest.raises(signing.ForgedEvent, match="bad batch signature"):
        consumer.verify(lying, raws[1], ("approval",))


def test_an_unknown_key_or_a_foreign_writer_is_refused_though_proven(keys: Path) -> None:
    raws = batch_of(signing.load_keyring(keys), 3)
    stranger = signing.Keyring()
    stranger.prove_together(raws)
    assert {verdict(stranger, raw) for raw in raws} == {
        f"forged: unknown key id {envelope(raws[0])[signing.KID]}"}
    consumer = reader(keys)
    consumer.prove_together(raws)
    with pytest.raises(signing.ForgedEvent, match="not a writer"):
        consumer.verify(envelope(raws[0]), raws[0], ("ingest",))


def test_a_batch_of_a_retired_key_proven_together_still_meets_its_watermark(
        tmp_path: Path) -> None:
    old, new = rotated_keys(tmp_path, {topics.UPDATES_APPROVED.name: {0: 10}})
    raws = batch_of(old, 3)
    below = Origin(topics.UPDATES_APPROVED.name, 0, 9)
    past = Origin(topics.UPDATES_APPROVED.name, 0, 10)
    new.prove_together(raws)
    assert verdict(new, raws[0], below) == "accepted"
    assert "past its watermark" in verdict(new, raws[1], past)


def test_any_fetch_of_shuffled_hostile_records_gets_the_verdicts_of_one_by_one(
        keys: Path) -> None:
    signer = signing.load_keyring(keys)
    batches = [batch_of(signer, size, first=10 * n) for n, size in enumerate((1, 2, 5, 8))]
    records = [raw for one in batches for raw in one]
    changed = envelope(batches[3][5])
    changed["subject"] = "case-9"
    moved = envelope(batches[2][1])
    moved[signing.SIG] = envelope(batches[3][0])[signing.SIG]
    records += [wire(changed), wire(moved), batches[2][3], b"", b'{"orcastsig":"x"}']
    rng = random.Random(14)
    for _ in range(60):
        fetched = rng.sample(records, rng.randint(1, len(records)))
        alone = reader(keys)
        expected = [verdict(alone, raw) if raw[:1] == b"{" else "" for raw in fetched]
        together = reader(keys)
        together.prove_together(fetched)
        assert [verdict(together, raw) if raw[:1] == b"{" else "" for raw in fetched] \
            == expected
