"""Ed25519 signature checks through libsodium when the system has it (about twice as fast).

Every consumed event is verified (signing.py), and OpenSSL's Ed25519 verify, which
`cryptography` calls, was the largest single item in audit's and ingest's profiles
(issue 14: ~92 µs per check on this machine; libsodium's ~44 µs). libsodium is
loaded with ctypes from the system library (Debian `libsodium23`), so no new Python
dependency; where it is missing the `cryptography` call is used. Both accept every
signature an Ed25519 signer makes and refuse any change to the message, key or
signature (tests/common/test_ed25519_verify.py). libsodium additionally refuses
non-canonical and small-order encodings, which no honest signer produces.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable
from functools import cache

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

Verify = Callable[[bytes, bytes], bool]  # (signature, message) -> valid


@cache
def _sodium() -> Callable[..., int] | None:
    name = ctypes.util.find_library("sodium")
    if name is None:
        return None
    try:
        lib = ctypes.CDLL(name)
        if lib.sodium_init() < 0:
            return None
        check = lib.crypto_sign_verify_detached
    except (OSError, AttributeError):
        return None
    check.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulonglong, ctypes.c_char_p]
    check.restype = ctypes.c_int
    return check  # type: ignore[no-any-return]


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
