"""Ed25519 through libsodium (PyNaCl): checks about twice as fast as OpenSSL's, signing a
third faster, the very same signatures (Ed25519 is deterministic).

Every consumed event is verified (signing.py), and OpenSSL's Ed25519 verify, which
`cryptography` calls, was the largest single item in audit's and ingest's profiles
(issue 14: ~92 µs per check on this machine; libsodium's ~44 µs). PyNaCl, PyCA's
binding, carries its own libsodium in its wheel, so no system package and no binding
code of ours. Both accept every signature an Ed25519 signer makes and refuse any change
to the message, key or signature (tests/common/test_ed25519_fast.py); libsodium also
refuses non-canonical and small-order encodings, which no honest signer produces. The
`cryptography` path stays as the reference the tests compare against.
"""

from __future__ import annotations

from collections.abc import Callable

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from nacl.bindings import crypto_sign, crypto_sign_open, crypto_sign_seed_keypair
from nacl.exceptions import BadSignatureError

Verify = Callable[[bytes, bytes], bool]  # (signature, message) -> valid
Sign = Callable[[bytes], bytes]  # message -> signature
SIGNATURE_BYTES = 64


def verifier(public: Ed25519PublicKey, *, fast: bool = True) -> Verify:
    """A check of signatures by `public`: libsodium's, or `cryptography`'s (not `fast`)."""
    if not fast:
        def reference(signature: bytes, message: bytes) -> bool:
            try:
                public.verify(signature, message)
            except InvalidSignature:
                return False
            return True
        return reference
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)

    def sodium(signature: bytes, message: bytes) -> bool:
        # libsodium reads the first 64 bytes as the signature: anything else is refused here
        if len(signature) != SIGNATURE_BYTES:
            return False
        try:
            crypto_sign_open(signature + message, raw)
        except BadSignatureError:
            return False
        return True
    return sodium


def signer(private: Ed25519PrivateKey, *, fast: bool = True) -> Sign:
    """Signs with `private`: libsodium, or `cryptography` (not `fast`)."""
    if not fast:
        return private.sign
    seed = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                 serialization.NoEncryption())
    _, secret = crypto_sign_seed_keypair(seed)

    def sodium_sign(message: bytes) -> bytes:
        return crypto_sign(message, secret)[:SIGNATURE_BYTES]
    return sodium_sign
