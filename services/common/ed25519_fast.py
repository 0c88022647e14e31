"""Ed25519 through libsodium when the system has it: checks about twice as fast, signing
a third faster, the very same signatures (Ed25519 is deterministic).

Every consumed event is verified (signing.py), and OpenSSL's Ed25519 verify, which
`cryptography` calls, was the largest single item in audit's and ingest's profiles
(issue 14: ~92 µs per check on this machine; libsodium's ~44 µs). libsodium is
loaded with ctypes from the system library (Debian `libsodium23`), so no new Python
dependency; where it is missing the `cryptography` call is used. Both accept every
signature an Ed25519 signer makes and refuse any change to the message, key or
signature (tests/common/test_ed25519_fast.py). libsodium additionally refuses
non-canonical and small-order encodings, which no honest signer produces.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable
from functools import cache
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

Verify = Callable[[bytes, bytes], bool]  # (signature, message) -> valid


Sign = Callable[[bytes], bytes]  # message -> signature


@cache
def _library() -> Any:
    name = ctypes.util.find_library("sodium")
    if name is None:
        return None
    try:
        lib = ctypes.CDLL(name)
        if lib.sodium_init() < 0:
            return None
        check, sign = lib.crypto_sign_verify_detached, lib.crypto_sign_detached
    except (OSError, AttributeError):
        return None
    check.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulonglong, ctypes.c_char_p]
    check.restype = ctypes.c_int
    sign.argtypes = [ctypes.c_char_p, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_ulonglong,
                     ctypes.c_char_p]
    sign.restype = ctypes.c_int
    return lib


def _sodium() -> Callable[..., int] | None:
    lib = _library()
    return lib.crypto_sign_verify_detached if lib is not None else None


def fast_available() -> bool:
    return _sodium() is not None


def verifier(public: Ed25519PublicKey, *, fast: bool = True) -> Verify:
    """A check of signatures by `public`: libsodium's when available (and `fast`)."""
    check = _sodium() if fast else None
    if check is None:
        def slow(signature: bytes, message: bytes) -> bool:
            try:
                public.verify(signature, message)
            except InvalidSignature:
                return False
            return True
        return slow
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)

    def sodium(signature: bytes, message: bytes) -> bool:
        # libsodium reads exactly 64 bytes of signature: anything else is refused here
        return len(signature) == 64 and check(signature, message, len(message), raw) == 0
    return sodium


def signer(private: Ed25519PrivateKey, *, fast: bool = True) -> Sign:
    """Signs with `private`: libsodium when available (and `fast`), else `cryptography`."""
    lib = _library() if fast else None
    if lib is None:
        return private.sign
    seed = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                 serialization.NoEncryption())
    public = private.public_key().public_bytes(serialization.Encoding.Raw,
                                               serialization.PublicFormat.Raw)
    secret = seed + public  # libsodium's 64-byte secret key
    sign = lib.crypto_sign_detached

    def sodium_sign(message: bytes) -> bytes:
        out = ctypes.create_string_buffer(64)
        if sign(out, None, message, len(message), secret) != 0:
            raise ValueError("libsodium refused to sign")
        return out.raw
    return sodium_sign
