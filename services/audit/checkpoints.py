"""Signed checkpoints: every N records (and on shutdown) the head of the chain is signed.

A hash chain alone cannot show that its tail was cut off: the shorter chain is
still a valid chain. A checkpoint states "the record at seq S had hash H" under
a signature the database cannot forge, so a log that ends before S, or whose
record S no longer hashes to H, fails verification. Each checkpoint is also
logged (seq and hash only), so a copy lives outside the database.

| variable | default | meaning |
|---|---|---|
| ORCAST_AUDIT_SIGNING_KEY | — | Ed25519 private key file (PEM, PKCS#8); unset: HMAC-SHA256 |
| ORCAST_AUDIT_CHECKPOINT_EVERY | 1000 | records between checkpoints |
| ORCAST_AUDIT_CHECKPOINT_SECONDS | 60 | longest wait from a new record to its checkpoint |

Without a signing key the HMAC key is derived from ORCAST_IDENTIFIER_KEY (or, in
development, from ORCAST_SECRET): it detects tampering by anyone who lacks that
secret, but unlike Ed25519 the verifier could also forge.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from services.common.settings import ConfigError, Settings

KEY_ENV = "ORCAST_AUDIT_SIGNING_KEY"
DEFAULT_EVERY = 1000  # Settings.audit_checkpoint_every


def message(seq: int, chain_hash: str, created_at: str) -> bytes:
    return f"orcast-audit-checkpoint/v1\n{seq}\n{chain_hash}\n{created_at}".encode()


@dataclass(frozen=True, slots=True)
class Signature:
    algorithm: str
    key_id: str
    signature: str  # base64


class Signer:
    """Signs and verifies checkpoint messages with one key (Ed25519 or HMAC-SHA256)."""

    def __init__(self, *, ed25519: Ed25519PrivateKey | None = None,
                 hmac_key: bytes | None = None) -> None:
        if (ed25519 is None) == (hmac_key is None):
            raise ValueError("exactly one of ed25519 / hmac_key")
        self._ed25519 = ed25519
        self._hmac_key = hmac_key
        if ed25519 is not None:
            public = ed25519.public_key().public_bytes(
                serialization.Encoding.Raw, serialization.PublicFormat.Raw)
            self.algorithm = "ed25519"
            self.key_id = hashlib.sha256(public).hexdigest()[:16]
            secret = ed25519.private_bytes(serialization.Encoding.Raw,
                                           serialization.PrivateFormat.Raw,
                                           serialization.NoEncryption())
        else:
            assert hmac_key is not None
            self.algorithm = "hmac-sha256"
            self.key_id = hashlib.sha256(b"key-id\0" + hmac_key).hexdigest()[:16]
            secret = hmac_key
        self._filter_key = hashlib.sha256(b"orcast-audit-filter\0" + secret).digest()

    def keyed_hash(self, value: str) -> str:
        """A keyed hash of a search term, so the append-only log never keeps what was typed
        (it may be a name) yet whoever holds the audit key can test a guess."""
        digest = hmac.new(self._filter_key, value.encode(), hashlib.sha256).hexdigest()
        return f"hmac:{digest[:32]}"

    def sign(self, seq: int, chain_hash: str, created_at: str) -> Signature:
        body = message(seq, chain_hash, created_at)
        if self._ed25519 is not None:
            raw = self._ed25519.sign(body)
        else:
            assert self._hmac_key is not None
            raw = hmac.new(self._hmac_key, body, hashlib.sha256).digest()
        return Signature(self.algorithm, self.key_id, base64.b64encode(raw).decode())

    def verify(self, row: Mapping[str, Any]) -> bool:
        """True when `row` (an audit_checkpoints row) was signed by this key."""
        if row["algorithm"] != self.algorithm or row["key_id"] != self.key_id:
            return False
        try:
            raw = base64.b64decode(row["signature"], validate=True)
        except ValueError:
            return False
        body = message(int(row["seq"]), str(row["hash"]), str(row["created_at"]))
        if self._ed25519 is not None:
            try:
                self._ed25519.public_key().verify(raw, body)
                return True
            except InvalidSignature:
                return False
        assert self._hmac_key is not None
        return hmac.compare_digest(raw, hmac.new(self._hmac_key, body, hashlib.sha256).digest())


def load_ed25519(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise ConfigError(f"{KEY_ENV}: cannot read an unencrypted PEM private key from "
                          f"{path} ({type(exc).__name__})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise ConfigError(f"{KEY_ENV}: {path} is not an Ed25519 key")
    return key


def signer_for(settings: Settings) -> Signer:
    """Ed25519 with `Settings.audit_signing_key`, else an HMAC key derived from the
    identifier key (or the dev secret)."""
    if settings.audit_signing_key is not None:
        return Signer(ed25519=load_ed25519(settings.audit_signing_key))
    base = settings.identifier_key or (settings.secret or "").encode()
    if not base:
        raise ConfigError(f"set {KEY_ENV} (Ed25519 PEM) or ORCAST_IDENTIFIER_KEY to sign "
                          "audit checkpoints")
    return Signer(hmac_key=hashlib.sha256(b"orcast-audit-checkpoint\0" + base).digest())


def generate_pem() -> bytes:
    """A new Ed25519 private key as PEM (for `orcast audit keygen` and tests)."""
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption())
