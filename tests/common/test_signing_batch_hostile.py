"""Red team against batch signatures (signing.py `_verify_in_batch`, merkle.py), by an
insider who writes any record to any topic and reads every genuine one, holding no key.

None of these attacks succeeded; the tests keep it so. Each says what was tried and why
it fails: the leaf is either the received bytes up to the proof (which are then what was
parsed, last member wins) or the canonical form of what was parsed, the root message
binds the leaf count, and a remembered root is keyed by key id, message and signature.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

from services.common import events, signing
from tests.common.test_signing_batch import (
    batch_of,
    counted,
    envelope,
    keys,
    status_event,
    wire,
)

__all__ = ["counted", "keys"]  # fixtures, imported to be used here


def accepted(keyring: signing.Keyring, raw: bytes) -> dict[str, Any]:
    """The envelope a consumer would act on, once `raw` is parsed and verified."""
    _, body = events.parse_envelope(raw)
    keyring.verify(body, raw, ("approval",))
    return body


def refused(keyring: signing.Keyring, raw: bytes, match: str) -> None:
    with pytest.raises(events.InvalidEvent, match=match):
        accepted(keyring, raw)


def proof_at(raw: bytes) -> int:
    return raw.index(b',"' + signing.PROOF.encode() + b'"')


def test_members_spliced_around_the_signed_bytes_change_nothing_believed(keys: Path) -> None:
    """Duplicate keys: a member added after the leaf's bytes (it would win) breaks the
    leaf; one added before them loses to the signed one, so what is believed is genuine."""
    keyring = signing.load_keyring(keys)
    raws = batch_of(keyring, 3)
    accepted(keyring, raws[1])  # the root is remembered: nothing below rides on that
    at = proof_at(raws[1])
    refused(keyring, raws[1][:at] + b',"subject":"case-9"' + raws[1][at:],
            "bad batch signature")
    refused(keyring, raws[1][:-1] + b',"subject":"case-9"}', "bad batch signature")
    other = wire(status_event(7).to_dict()["data"])  # valid data, of another case
    refused(keyring, raws[1][:-1] + b',"data":' + other + b"}", "bad batch signature")
    shadowed = accepted(keyring, b'{"subject":"case-9",' + raws[1][1:])
    assert shadowed == envelope(raws[1])
    refused(keyring, raws[1] + b'{"subject":"case-9"}', "not JSON")  # trailing data


def test_respelt_records_verify_only_as_the_event_that_was_signed(keys: Path) -> None:
    """Unicode escapes, spaces, reordered members: the canonical leaf of what was parsed
    must be the genuine leaf, so only the genuine event is believed."""
    keyring = signing.load_keyring(keys)
    raw = batch_of(keyring, 3)[2]
    genuine = envelope(raw)
    for respelt in (raw.replace(b'"orcastpath"', b'"orcast\\u0070ath"'),
                    raw.replace(b'"held"', b'"\\u0068eld"'),
                    raw.replace(b'":', b'" : '),
                    wire(dict(reversed(genuine.items())))):
        assert accepted(keyring, respelt) == genuine
    refused(keyring, raw.replace(b'"subject":"case-2"', b'"subject":"case-\\u0039"'),
            "bad batch signature")


def test_audit_paths_of_another_type_spelling_or_size_are_refused(keys: Path) -> None:
    keyring = signing.load_keyring(keys)
    raw = batch_of(keyring, 3)[0]
    genuine = envelope(raw)
    index, _, path = signing.parse_proof(genuine[signing.PROOF])
    for value in (0, 1.5, [], {}, None, True):
        refused(keyring, wire(genuine | {signing.PROOF: value}), "must be of type string")
    # a newline after it: the schema's `$` ends the string (schemas.ecma_anchors)
    for text, why in ((genuine[signing.PROOF] + "\n", "orcastpath"),
                      ("0.3." + "ab" * 32 * 33, "orcastpath"),  # 33 siblings: schema
                      ("-0.3", "orcastpath"),
                      ("9999999999.9999999999", "leaf count out of range"),
                      (signing.proof_text(index, 2, path), "wrong length"),
                      (signing.proof_text(index, 4, path), "bad batch signature"),
                      (signing.proof_text(index, 1, []), "bad batch signature"),
                      (signing.proof_text(1, 1, []), "leaf index out of range")):
        refused(keyring, wire(genuine | {signing.PROOF: text}), re.escape(why))
    with pytest.raises(signing.ForgedEvent, match="wrong length"):  # the keyring
        keyring.verify(genuine | {signing.PROOF: "0.3." + "ab" * 32 * 5000},  # alone too
                       raw, ("approval",))


def test_the_kid_of_a_batch_record_binds_key_service_and_remembered_root(keys: Path) -> None:
    """A root checked under approval's key id is never taken under ingest's, whatever the
    record's source says, nor under a key id that no longer matches its own leaf."""
    keyring = signing.load_keyring(keys)
    raws = batch_of(keyring, 2)
    accepted(keyring, raws[0])
    genuine = envelope(raws[1])
    ingest_kid = keyring.signers["ingest"][0]
    refused(keyring, wire(genuine | {signing.KID: ingest_kid}), "key of ingest used")
    refused(keyring, wire(genuine | {signing.KID: ingest_kid, "source": "/orcast/ingest"}),
            "bad batch signature")
    with pytest.raises(signing.ForgedEvent, match="not a writer"):
        keyring.verify(genuine, raws[1], ("ingest",))


def test_a_flood_of_forged_batch_records_costs_what_forged_single_events_do(
        keys: Path, counted: list[bytes]) -> None:
    """Each forged record asks Ed25519 at most twice (the bytes as sent, then the canonical
    form), as the single-event form always did; the largest count and path, no more."""
    keyring = signing.load_keyring(keys)
    single = envelope(keyring.seal(status_event(0).to_dict()))
    batched = envelope(batch_of(keyring, 64)[5])
    for body in (single, batched):
        for _ in range(20):
            forged = wire(body | {signing.SIG: signing._b64(os.urandom(64))})
            refused(keyring, forged, "bad (batch )?signature")
    assert len(counted) <= 2 * 40
    asked = len(counted)
    refused(keyring, wire(batched | {signing.PROOF: "5.4294967296." + "ab" * 32 * 32}),
            "bad batch signature")
    assert len(counted) - asked <= 2
