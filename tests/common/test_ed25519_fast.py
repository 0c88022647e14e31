"""libsodium's Ed25519 (PyNaCl) agrees with `cryptography`'s (identical signatures, the
same verdicts), and the keyring uses it."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from services.common import ed25519_fast, events, signing


def cases() -> list[tuple[str, bytes, bytes, Ed25519PrivateKey]]:
    """(name, signature, message, key whose public half checks it)."""
    key, other = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    message = '{"data":{"text":"Schnitt – naht ✓"},"id":"x"}'.encode()
    good = key.sign(message)
    flipped = bytes([good[0] ^ 1]) + good[1:]
    return [
        ("valid", good, message, key),
        ("valid, empty message", key.sign(b""), b"", key),
        ("message changed", good, message[:-1] + b"!", key),
        ("message extended", good, message + b" ", key),
        ("signature bit flipped", flipped, message, key),
        ("signature of another key", other.sign(message), message, key),
        ("signature truncated", good[:63], message, key),
        ("signature too long", good + b"\0", message, key),
        ("signature empty", b"", message, key),
        ("S not reduced (s + L)", good[:32] + (int.from_bytes(good[32:], "little") + (
            2**252 + 27742317777372353535851937790883648493)).to_bytes(32, "little"),
         message, key),
    ]


@pytest.mark.parametrize("name,signature,message,key", cases(),
                         ids=[c[0] for c in cases()])
def test_fast_and_reference_checks_agree(name: str, signature: bytes, message: bytes,
                                         key: Ed25519PrivateKey) -> None:
    fast = ed25519_fast.verifier(key.public_key())
    slow = ed25519_fast.verifier(key.public_key(), fast=False)
    assert fast(signature, message) == slow(signature, message) == name.startswith("valid")


def test_fast_check_agrees_on_many_random_messages() -> None:
    key = Ed25519PrivateKey.generate()
    fast = ed25519_fast.verifier(key.public_key())
    slow = ed25519_fast.verifier(key.public_key(), fast=False)
    for size in range(0, 2000, 37):
        message = bytes((size * 7 + i) % 256 for i in range(size))
        signature = key.sign(message)
        assert fast(signature, message) and slow(signature, message)
        bad = message + b"x"
        assert not fast(signature, bad) and not slow(signature, bad)


def test_the_keyring_verifies_with_libsodium_and_still_refuses_forgeries(
        tmp_path: Path) -> None:
    signing.generate(tmp_path, ["approval"])
    keyring = signing.load_keyring(tmp_path)
    event = events.make_event(
        "org.orcast.update.status.v1", service="approval", subject="case-1",
        data={"update_id": "0b4f3c4e-8f0e-4d59-9a6b-000000000001", "case_id": "case-1",
              "state": "held", "at": "2026-11-22T09:42:00Z"})
    raw = keyring.seal(event.to_dict())
    _, envelope = events.parse_envelope(raw)
    keyring.verify(envelope, raw, ["approval"])
    check = next(iter(keyring._checks.values()))
    assert check.__name__ == "sodium"
    tampered = raw.replace(b"09:42:00Z", b"09:43:00Z")
    _, changed = events.parse_envelope(tampered)
    with pytest.raises(signing.ForgedEvent, match="bad signature"):
        keyring.verify(changed, tampered, ["approval"])


def test_libsodium_signs_the_very_bytes_cryptography_signs() -> None:
    for _ in range(5):
        key = Ed25519PrivateKey.generate()
        fast = ed25519_fast.signer(key)
        assert fast is not key.sign
        for size in (0, 1, 63, 64, 65, 808, 4096):
            message = bytes((size * 31 + i) % 256 for i in range(size))
            assert fast(message) == key.sign(message)


def test_the_keyring_seals_with_libsodium_the_same_bytes_as_before(tmp_path: Path) -> None:
    signing.generate(tmp_path, ["approval"])
    keyring = signing.load_keyring(tmp_path)
    envelope = events.make_event(
        "org.orcast.update.status.v1", service="approval", subject="case-1",
        data={"update_id": "0b4f3c4e-8f0e-4d59-9a6b-000000000001", "case_id": "case-1",
              "state": "held", "at": "2026-11-22T09:42:00Z"}).to_dict()
    sealed = keyring.seal(envelope)
    assert next(iter(keyring._signs.values())).__name__ == "sodium_sign"
    kid, private = keyring.signers["approval"]
    slow = signing.Keyring(signers={"approval": (kid, private)})
    slow._signs[kid] = ed25519_fast.signer(private, fast=False)
    assert slow.seal(envelope) == sealed
